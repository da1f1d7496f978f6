'use strict';
// Methods no address of ours answers (TRACE, PROPFIND, PATCH, PUT, DELETE, CONNECT …) get a 405 with
// the Allow header before Next sees them: Next answered some of them 500 (TRACE on a route handler,
// anything but GET on a file in public/), a full page for others (PATCH on a story). OPTIONS gets a
// 204 with the same list. Found by issue 15 §4; tests/unit/http-methods.test.ts keeps the table below
// in line with the methods the route handlers in app/ export.
//
// Installed first from next.config.ts (innermost), like malformed-url.cjs: the security headers and
// the request log, installed after, still wrap these answers.

/** Addresses that are files (a dot in the last segment), Next's own assets, uploads and share redirects. */
const READ_ONLY = /^\/(?:_next|media|share|images)(?:\/|$)|\.[A-Za-z0-9]+$/;

/** Route handlers under /api whose methods are not GET, HEAD and POST. */
const API_METHODS = {
  '/api/health': ['GET', 'HEAD'],
  '/api/bench-memory': ['GET', 'HEAD'],
  '/api/share': ['POST'],
  '/api/bench-noop': ['POST'],
  '/api/internal/release-scheduled': ['POST'],
};

/** Route handlers matched by pattern: staff exports among the pages, the read-only content API. */
const STAFF_ROUTES = [
  { pattern: /^\/api\/v1(?:\/.*)?$/, methods: ['GET', 'HEAD'] },
  { pattern: /^\/admin\/markdown-preview$/, methods: ['POST'] },
  { pattern: /^\/admin\/stories\/[^/]+\/autosave$/, methods: ['POST'] },
  { pattern: /^\/admin\/(?:.+\/)?export\/[^/]+$/, methods: ['GET', 'HEAD'] },
];

/**
 * The methods an address answers: GET, HEAD and POST for pages (a server action may be posted to any
 * page) and the vote; GET and HEAD for files; what the handler exports for the few others.
 */
function allowedMethods(url) {
  let path = String(url || '/').split('?')[0];
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (Object.hasOwn(API_METHODS, path)) return API_METHODS[path];
  for (const route of STAFF_ROUTES) if (route.pattern.test(path)) return route.methods;
  if (READ_ONLY.test(path)) return ['GET', 'HEAD'];
  return ['GET', 'HEAD', 'POST'];
}

const allowHeader = (methods) => [...methods, 'OPTIONS'].join(', ');

/** The answer for a request whose method its address does not take; undefined to let Next answer. */
function refusal(method, url) {
  const methods = allowedMethods(url);
  if (methods.includes(method)) return undefined;
  if (method === 'OPTIONS') return { status: 204, allow: allowHeader(methods), body: '' };
  return {
    status: 405,
    allow: allowHeader(methods),
    body: `Method not allowed: this address answers ${methods.join(', ')}.`,
  };
}

/** A CONNECT request (Node hands it to 'connect' listeners, or drops the connection without a word). */
function refuseConnect(_req, socket) {
  const body = 'Method not allowed: this server is not a proxy.';
  socket.end(
    'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST, OPTIONS\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function install() {
  const http = require('node:http');
  if (http.Server.prototype.__moodwireMethods) return;
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(event, req, res) {
    // Node answers CONNECT only when the server listens for it: from the first connection on, it does.
    if (event === 'connection' && this.listenerCount('connect') === 0) this.on('connect', refuseConnect);
    if (event === 'request' && req && res) {
      const answer = refusal(req.method, req.url);
      if (answer) {
        const headers = { Allow: answer.allow, 'Cache-Control': 'no-store' };
        if (answer.body) headers['Content-Type'] = 'text/plain; charset=utf-8';
        // An explicit writeHead: the security-headers hook completes the head there.
        res.writeHead(answer.status, headers);
        res.end(answer.body || undefined);
        return true;
      }
    }
    return originalEmit.apply(this, arguments);
  };
  http.Server.prototype.__moodwireMethods = true;
}

module.exports = { install, allowedMethods, refusal };
