// A request whose path has broken percent-encoding ("/news/%EF"), a control character or an overlong segment makes Next throw "URI malformed"
// while it decodes the route parameters, and answer 500. Found by the fuzz test (tests/e2e/fuzz.spec.ts).
// This hook answers such requests 400 before Next sees them. Installed first from next.config.ts, so
// the security headers and the request log (installed after, so around it) still apply.
'use strict';

// Control characters (a %00 made Next try to write an ISR cache file whose name holds a null byte)
// never belong in one of our paths either.
const CONTROL = /[\u0000-\u001f\u007f]/;
// Our slugs are at most 120 characters of ASCII; a longer path segment names no page, and made Next
// try to create an ISR cache file whose name is too long for the file system (ENAMETOOLONG). File
// systems count a name in bytes (255 at most), and so does this check: 90 Chinese characters or emoji
// are 270 or 360 bytes of UTF-8, which a count of characters let through (issue 15 §4).
const MAX_SEGMENT_BYTES = 200;

function isMalformed(url) {
  const path = String(url || '/').split('?')[0];
  try {
    const decoded = decodeURIComponent(path);
    return (
      CONTROL.test(decoded) ||
      decoded.split('/').some((segment) => Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES)
    );
  } catch {
    return true;
  }
}

function install() {
  const http = require('node:http');
  if (http.Server.prototype.__moodwireMalformedUrl) return;
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(event, req, res) {
    if (event === 'request' && req && res && isMalformed(req.url)) {
      // An explicit writeHead: the security-headers hook completes the head there, not on an implicit one.
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Bad request: this address is not valid.');
      return true;
    }
    return originalEmit.apply(this, arguments);
  };
  http.Server.prototype.__moodwireMalformedUrl = true;
}

module.exports = { install, isMalformed };
