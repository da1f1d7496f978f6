'use strict';
// Security headers on every response the Node server sends (pages, admin, 404, errors, static files),
// including ISR-cached pages, which Next serves without running any of our code.
//
// The Content-Security-Policy allows no inline script except the few that Next itself emits, whose
// shapes are fixed (flight payload pushes of JSON string literals, the Turbopack chunk list). For an
// HTML response we buffer the body, hash every inline script whose text matches one of those shapes,
// and send `script-src 'self' 'sha256-…'`. Anything else inline (an injected <script>, an on* handler,
// a javascript: URL) is blocked by the browser. See docs/decisions/010-content-security-policy.md.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { TRUSTED_INLINE_SCRIPTS } = require('./trusted-inline-scripts.cjs');
const encoding = require('./response-encoding.cjs');
const { releaseOnServerError } = require('./first-renders.cjs');
const {
  contentSecurityPolicy,
  isNoncePolicy,
  siteIsHttps,
  HSTS,
  OPENER_POLICY,
  STATIC_HEADERS,
} = require('./content-security-policy.cjs');

/** Inline scripts Next 16 writes into its HTML; each pattern admits data only, never code. */
const NEXT_INLINE_SCRIPTS = [
  /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)$/,
  /^self\.__next_f\.push\(\[\d{1,2},"(?:[^"\\\n]|\\.)*"\]\)$/s,
  /^self\.__next_f\.push\(\[\d{1,2},null\]\)$/,
];
const TURBOPACK_CHUNKS =
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{[^<]*\})\);?$/s;

// The scan works on the page's bytes read as latin1 (one character per byte), never on decoded UTF-8
// text: decoding a 100 kB page as UTF-8 cost more than everything else this hook does. The patterns
// are ASCII, and UTF-8 writes every non-ASCII character with bytes >= 0x80 only, so they match the
// same scripts either way; offsets in the latin1 text are byte offsets, and each script is hashed
// over its own UTF-8 bytes, as the browser hashes it.
const TRUSTED_LATIN1 = TRUSTED_INLINE_SCRIPTS.map((t) => Buffer.from(t, 'utf8').toString('latin1'));

function isTrustedLatin1(text) {
  if (TRUSTED_LATIN1.includes(text)) return true;
  if (NEXT_INLINE_SCRIPTS.some((re) => re.test(text))) return true;
  const chunks = TURBOPACK_CHUNKS.exec(text);
  if (!chunks) return false;
  try {
    const value = JSON.parse(chunks[1]);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function isTrustedInlineScript(text) {
  return isTrustedLatin1(Buffer.from(text, 'utf8').toString('latin1'));
}

/** sha256 sources for the trusted inline scripts of an HTML document (its text or its UTF-8 bytes). */
function inlineScriptHashes(html) {
  const bytes = typeof html === 'string' ? Buffer.from(html, 'utf8') : html;
  const page = bytes.toString('latin1');
  const hashes = new Set();
  const re = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;
  let match;
  while ((match = re.exec(page)) !== null) {
    const attrs = match[1] || '';
    const text = match[2] || '';
    if (/\ssrc\s*=/i.test(attrs) || text.length === 0) continue;
    if (/\stype\s*=\s*"?application\/(ld\+)?json/i.test(attrs)) continue; // data blocks never execute
    if (!isTrustedLatin1(text)) continue;
    const start = match.index + '<script'.length + attrs.length + 1;
    const digest = crypto
      .createHash('sha256')
      .update(bytes.subarray(start, start + text.length))
      .digest('base64');
    hashes.add(`'sha256-${digest}'`);
  }
  return [...hashes];
}

/**
 * Reader pages go out without Next's client runtime (decision 016): no framework bundles, no inlined
 * flight data, no preloads of either. What needs a script on them is enhanced by /reader.js, which the
 * pages load themselves. A page keeps the runtime when it says so (a client component that needs
 * React writes `data-moodwire-hydrate`), and so do the staff pages, error
 * pages and anything not answered 200 or 404.
 */
const KEEP_RUNTIME_MARK = 'data-moodwire-hydrate';
const STAFF_PATH = /^\/(?:admin|api|_next)(?:[/?#]|$)/;

function isReaderPageRequest(req, statusCode) {
  if (!req || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  if (statusCode !== 200 && statusCode !== 404) return false;
  // React Server Component requests are not HTML, but be explicit: only documents are rewritten.
  if (req.headers && (req.headers.rsc || req.headers['next-router-state-tree'])) return false;
  return !STAFF_PATH.test(String(req.url || '/'));
}

/**
 * Renamed stories and sections answer 301 from their old address (decision 006), and so do the old
 * addresses of a site moved in with `npm run import` (decision 061). Only an address that has no page
 * asks: the app registers the lookup (lib/renamed-paths.ts, from instrumentation.ts) and this hook
 * calls it when a reader page answers 404, or when Next answers 308 to drop a trailing slash (an old
 * WordPress or Ghost address ends with one: it gets one 301 to its new place, not a 308 and then a
 * 301). Staff pages, the API and Next's own files never ask.
 */
const NEVER_MOVED = /^\/(?:admin|api|_next)(?:[/?#]|$)/;

/**
 * A promise of the new address (undefined: the answer stands), or undefined at once when the request
 * is not one to ask about. The lookup reads the database, so it is asynchronous on either engine.
 */
function renamedLocation(req, { trailingSlash = false } = {}) {
  if (!req || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
  const url = String(req.url || '');
  if (!url.startsWith('/') || NEVER_MOVED.test(url)) return undefined;
  const lookup = globalThis[Symbol.for('moodwire.renamedLocation')];
  if (typeof lookup !== 'function') return undefined;
  const query = url.indexOf('?');
  let path = query < 0 ? url : url.slice(0, query);
  if (trailingSlash) {
    if (path.length < 2 || !path.endsWith('/')) return undefined;
    path = path.replace(/\/+$/, '') || '/';
  }
  return Promise.resolve()
    .then(() => lookup(path, query < 0 ? '' : url.slice(query)))
    .then(
      (location) => (typeof location === 'string' && location ? location : undefined),
      () => undefined, // the database could not answer: the 404 stands
    );
}

/** The page (as latin1 text, see above) without Next's scripts and script preloads; null to keep it whole. */
function stripClientRuntime(page) {
  if (page.includes(KEEP_RUNTIME_MARK)) return null;
  let out = page.replace(/<link\b[^>]*\bas="script"[^>]*>/gi, (tag) => (/\shref="\/_next\//i.test(tag) ? '' : tag));
  out = out.replace(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi, (tag, attrs = '', text = '') => {
    if (/\ssrc\s*=/i.test(attrs)) return /\ssrc="\/_next\//i.test(attrs) ? '' : tag;
    if (/\stype\s*=/i.test(attrs) || TRUSTED_LATIN1.includes(text)) return tag;
    return isTrustedLatin1(text) ? '' : tag;
  });
  return out;
}

/**
 * A cached page goes out thousands of times unchanged, so what this hook makes of it (the bytes to
 * send and their script hashes) is remembered for the most recent pages (at most 256 of them and
 * 12 MB, the page's text counted, since this map may be what keeps it alive). Next hands over
 * a cached page as one string, the same one each time: it is the key, at no cost. Other bodies
 * (compressed, streamed in pieces) are keyed by the SHA-256 of their bytes.
 */
const REMEMBERED_PAGES = 256;
/** What the remembered pages may hold in memory (their text as V8 keeps it, and what we send). */
const REMEMBERED_BYTES = 12 * 1024 * 1024;
const remembered = new Map();
let rememberedBytes = 0;

function remember(key, make) {
  let entry = remembered.get(key);
  if (entry) {
    remembered.delete(key);
    remembered.set(key, entry);
    return entry.value;
  }
  const value = make();
  // A text key may be kept alive by this map alone: count it (two bytes a character, at worst).
  entry = { value, bytes: (typeof key === 'string' ? key.length * 2 : 64) + value.body.length };
  remembered.set(key, entry);
  rememberedBytes += entry.bytes;
  for (const [oldKey, old] of remembered) {
    if (remembered.size <= REMEMBERED_PAGES && rememberedBytes <= REMEMBERED_BYTES) break;
    if (oldKey === key) break;
    remembered.delete(oldKey);
    rememberedBytes -= old.bytes;
  }
  return value;
}

/**
 * Next answers notFound() from a page rendered on demand (a story, section, tag or author that does not
 * exist) with an empty error document whose 404 message only exists in its flight data, drawn by the
 * client runtime (vercel/next.js#95613, #57583): a blank page without JavaScript. Such a document is
 * replaced by the site's own 404 page, which Next prerenders at build time (the one an address no
 * route matches gets), read again whenever Next rewrites it.
 */
const ERROR_SHELL = '<html id="__next_error__"';
let notFoundPage = { file: '', mtimeMs: 0, html: null };

function notFoundDocument() {
  const file = path.join(process.cwd(), process.env.MOODWIRE_DIST_DIR || '.next', 'server', 'app', '_not-found.html');
  try {
    const { mtimeMs } = fs.statSync(file);
    if (notFoundPage.file !== file || notFoundPage.mtimeMs !== mtimeMs)
      notFoundPage = { file, mtimeMs, html: fs.readFileSync(file) };
    return notFoundPage.html;
  } catch {
    return null;
  }
}

/** { mode, body, hashes } to send for an HTML body, rewritten for a reader page when `strip` is set. */
function prepareHtml(body, encoding, strip, statusCode, mode) {
  let html = decode(body, encoding);
  // Bytes we cannot read go out as they came, under a policy that admits no inline script at all:
  // never an empty page in their place, never a page rewritten through bytes we misread.
  if (html === null) return { mode, body, hashes: [] };
  if (strip && statusCode === 404 && html.includes(ERROR_SHELL)) html = notFoundDocument() || html;
  const stripped = strip ? stripClientRuntime(html.toString('latin1')) : null;
  if (stripped === null) return { mode, body, hashes: inlineScriptHashes(html) };
  const bytes = Buffer.from(stripped, 'latin1');
  return { mode, body: encode(bytes, encoding), hashes: inlineScriptHashes(bytes) };
}

const modeOf = (strip, statusCode, encoding) => `${strip ? 'reader' : 'page'}:${statusCode}:${String(encoding || '')}`;

function preparedBody(raw, encoding, strip, statusCode) {
  const mode = modeOf(strip, statusCode, encoding);
  // Next's cached page, one string: the string is the key, and its bytes are made only on a miss.
  const text = raw.length === 1 && typeof raw[0].chunk === 'string' && !encoding ? raw[0].chunk : null;
  const buffers = text === null ? raw.map((r) => toBuffer(r.chunk, r.encoding)) : null;
  const body = buffers === null ? null : buffers.length === 1 ? buffers[0] : Buffer.concat(buffers);
  const make = () => prepareHtml(body ?? toBuffer(text, raw[0].encoding), encoding, strip, statusCode, mode);
  const prepared = remember(text ?? crypto.createHash('sha256').update(body).digest('base64'), make);
  // The same bytes under another mode (a page sent as a 404 elsewhere, say) are rare: made again.
  return prepared.mode === mode ? prepared : make();
}

/**
 * What was made of each version of a cached page (named by the ETag the page cache gave it), without
 * its bytes: the script hashes and the length, ~150 bytes a version. The long tail (more pages than
 * `remembered` keeps, each read back from Next's disk cache as a new string) is then sent from its
 * compressed copy, which response-encoding.cjs keeps by version, without turning the page into
 * bytes, stripping it or hashing its scripts again; the page is prepared only when its bytes are
 * needed (a client that takes no compression, or a copy no longer kept).
 */
const PREPARED_VERSIONS = 20000;
const preparedVersions = new Map();

function notePreparedVersion(key, prepared) {
  preparedVersions.set(key, { mode: prepared.mode, hashes: prepared.hashes, length: prepared.body.length });
  if (preparedVersions.size > PREPARED_VERSIONS) preparedVersions.delete(preparedVersions.keys().next().value);
}

/** A prepared body whose bytes are made only when read. */
function lazyPrepared(known, make) {
  let made = null;
  return {
    mode: known.mode,
    hashes: known.hashes,
    length: known.length,
    get body() {
      made = made || make();
      return made.body;
    },
  };
}

/** Decorates one response: static headers at once, the CSP when the body is known. */
function secureResponse(res) {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
  if (STAFF_PATH.test(String((res.req && res.req.url) || '/')))
    res.setHeader('Cross-Origin-Opener-Policy', OPENER_POLICY);
  if (siteIsHttps()) res.setHeader('Strict-Transport-Security', HSTS);

  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let pendingHead = null;
  let chunks = null; // non-null while buffering an HTML body

  const isHtml = () => {
    const type = pendingHead && findHeader(pendingHead.headers, 'content-type');
    return /text\/html/i.test(String(type || res.getHeader('content-type') || ''));
  };
  const contentEncoding = () =>
    (pendingHead && findHeader(pendingHead.headers, 'content-encoding')) || res.getHeader('content-encoding');
  const contentType = () =>
    String((pendingHead && findHeader(pendingHead.headers, 'content-type')) || res.getHeader('content-type') || '');
  // HTML is buffered for its policy; feeds, sitemaps and robots.txt to be compressed once per version.
  // Once a head or a byte has been passed on, the answer is settled, even while compressPerAnswer
  // (below) still holds them back to learn the body's size.
  const decide = () => {
    if (chunks !== null || res.headersSent || passthrough) return;
    if (isHtml() || encoding.isCompressibleText(contentType())) chunks = [];
  };

  // Once our own head is decided, Node's implicit header (res.end/res.write without writeHead calls
  // this.writeHead) must reach the real writeHead, or the response would go out without a head.
  let passthrough = false;
  res.writeHead = function writeHead(statusCode, reason, headers) {
    if (passthrough) return original.writeHead.apply(res, arguments);
    if (typeof reason === 'object' && reason !== null) {
      headers = reason;
      reason = undefined;
    }
    pendingHead = { statusCode, reason, headers: headerEntries(headers) };
    return res;
  };
  res.write = function write(chunk, encoding, cb) {
    decide();
    if (chunks === null) {
      setPolicy([]);
      flushHead();
      passthrough = true;
      return original.write.call(res, chunk, encoding, cb);
    }
    if (chunk !== undefined && chunk !== null) chunks.push({ chunk, encoding });
    if (typeof encoding === 'function') encoding();
    else if (typeof cb === 'function') cb();
    return true;
  };
  res.end = function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    decide();
    if (chunks === null) {
      const status = pendingHead ? pendingHead.statusCode : res.statusCode;
      const moved =
        status === 308 && !res.headersSent && !passthrough
          ? renamedLocation(res.req, { trailingSlash: true })
          : undefined;
      if (!moved) return passOn(chunk, encoding, cb);
      moved
        .then((location) => (location ? sendMoved(location, cb) : passOn(chunk, encoding, cb)))
        .catch((error) => res.destroy(error));
      return res;
    }
    if (chunk !== undefined && chunk !== null) chunks.push({ chunk, encoding });
    const raw = chunks;
    chunks = null;
    const statusCode = pendingHead ? pendingHead.statusCode : res.statusCode;
    const html = isHtml();
    const moved =
      html && statusCode === 404
        ? renamedLocation(res.req)
        : statusCode === 308
          ? renamedLocation(res.req, { trailingSlash: true })
          : undefined;
    if (!moved) return finish(raw, statusCode, html, cb);
    // The answer is held (its head and body are buffered) until the lookup says where it went.
    moved
      .then((location) => (location ? sendMoved(location, cb) : finish(raw, statusCode, html, cb)))
      .catch((error) => res.destroy(error));
    return res;
  };

  /** An answer that is not buffered goes out as it came, with the policy. */
  function passOn(chunk, encoding, cb) {
    setPolicy([]);
    flushHead();
    passthrough = true;
    return original.end.call(res, chunk, encoding, cb);
  }

  function finish(raw, statusCode, html, cb) {
    const strip = isReaderPageRequest(res.req, statusCode);
    const upstream = contentEncoding();
    // A page the cache named (its ETag) and this hook prepared before: known without reading it.
    const version = html && raw.length > 0 && statusCode === 200 ? encoding.versionOfTag(header('etag')) : null;
    const versionKey = version ? `${modeOf(strip, statusCode, upstream)} ${version}` : null;
    const known = versionKey ? preparedVersions.get(versionKey) : undefined;
    const prepared =
      raw.length === 0
        ? { body: Buffer.alloc(0), hashes: [] }
        : known
          ? lazyPrepared(known, () => preparedBody(raw, upstream, strip, statusCode))
          : html
            ? preparedBody(raw, upstream, strip, statusCode)
            : { body: Buffer.concat(raw.map((r) => toBuffer(r.chunk, r.encoding))), hashes: [] };
    if (versionKey && !known) notePreparedVersion(versionKey, prepared);
    setPolicy(prepared.hashes);
    const sent = encodeForClient(prepared, statusCode);
    if (sent === null) return sendNotModified(cb);
    if (!res.headersSent) {
      removeHeader('content-length');
      res.setHeader('Content-Length', sent.length);
    }
    flushHead();
    passthrough = true;
    return original.end.call(res, sent, cb);
  }

  /**
   * The body in the coding the client accepts, with its ETag; null when the client already holds this
   * version (answered 304). A body Next already encoded, or one marked no-transform, goes as it came.
   * The version comes from the cache entry (route-cache-handler.cjs writes an ETag into it once per
   * version) or, for a page prerendered by the build, from its prepared bytes, kept with them.
   */
  function encodeForClient(prepared, statusCode) {
    const upstream = String(contentEncoding() || '').toLowerCase();
    const cacheControl = header('cache-control');
    if (res.headersSent || (upstream !== '' && upstream !== 'identity') || /no-transform/i.test(String(cacheControl)))
      return prepared.body;
    const req = res.req || { headers: {} };
    const shared = statusCode === 200 && req.method === 'GET' && encoding.isShared(cacheControl);
    const version = shared ? versionFor(prepared) : null;
    const wanted = encoding.acceptedCoding(req.headers['accept-encoding']);
    const length = prepared.length !== undefined ? prepared.length : prepared.body.length;
    const coding = wanted && length >= encoding.MIN_COMPRESS_BYTES ? wanted : null;
    removeHeader('etag');
    if (version) {
      const etag = encoding.entityTag(version, coding);
      res.setHeader('ETag', etag);
      // s-maxage speaks to shared caches only: without a max-age of its own, a browser would keep a page
      // that has a Last-Modified for a tenth of its age unasked (heuristic freshness, RFC 9111 §4.2.2),
      // past any bound on votes. max-age=0: it asks every time, and gets a 304 while nothing changed.
      const privateAge = encoding.browserCacheControl(cacheControl);
      if (privateAge !== cacheControl) {
        removeHeader('cache-control');
        res.setHeader('Cache-Control', privateAge);
      }
      if (encoding.isNotModified(req.headers, etag, header('last-modified'))) return null;
    }
    const kept = coding && version ? encoding.keptVariant(version, coding) : null;
    const out = kept ? { body: kept, coding } : encoding.encodeBody(prepared.body, coding, version);
    if (out.coding) {
      removeHeader('content-encoding');
      res.setHeader('Content-Encoding', out.coding);
    }
    return out.body;
  }

  function versionFor(prepared) {
    const fromCache = encoding.versionOfTag(header('etag'));
    if (fromCache) return fromCache;
    if (!prepared.mode) return null; // a body seen once (not remembered): no version without hashing it each time
    if (!prepared.version) prepared.version = encoding.versionOf(prepared.body);
    return prepared.version;
  }

  /** 304: the head a 200 would carry (validators, caching, Vary), without the body's own headers. */
  function sendNotModified(cb) {
    for (const name of ['content-length', 'content-type', 'content-encoding']) removeHeader(name);
    if (pendingHead) pendingHead = { ...pendingHead, statusCode: 304, reason: undefined };
    else res.statusCode = 304;
    flushHead();
    passthrough = true;
    return original.end.call(res, undefined, cb);
  }

  /** A response header as the handler left it: in writeHead's head, or set before. */
  function header(name) {
    const found = pendingHead ? findHeader(pendingHead.headers, name) : undefined;
    return found !== undefined ? found : res.getHeader(name);
  }

  /** An old address (renamed, or the site's before an import): a 301 to where it lives now, instead of the 404 or 308. */
  function sendMoved(location, cb) {
    const body = Buffer.from(`Moved permanently to ${location}\n`);
    for (const name of ['content-type', 'cache-control', 'content-length', 'content-encoding', 'vary', 'location'])
      removeHeader(name);
    res.setHeader('Location', location);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Content-Length', body.length);
    setPolicy([]);
    if (pendingHead) pendingHead = { ...pendingHead, statusCode: 301, reason: undefined };
    else res.statusCode = 301;
    flushHead();
    passthrough = true;
    return original.end.call(res, res.req && res.req.method === 'HEAD' ? undefined : body, cb);
  }

  function setPolicy(hashes) {
    if (res.headersSent) return;
    // A staff page's nonce policy (proxy.ts) was made for this answer, and Next wrote the nonce on its
    // scripts: it stands (decision 054).
    if (isNoncePolicy(header('content-security-policy'))) return;
    removeHeader('content-security-policy');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(hashes));
  }
  function removeHeader(name) {
    res.removeHeader(name);
    if (pendingHead) pendingHead.headers = pendingHead.headers.filter(([key]) => key.toLowerCase() !== name);
  }
  /**
   * The head as the handler gave it to writeHead, over what it set before (as Node does). Each name is
   * set once with all its values, so repeated ones given as an array (two Set-Cookie) all go out.
   */
  function flushHead() {
    // Reader answers vary on what changes them only, never on Next's router headers (dropped from
    // reader requests on arrival, see install()): a CDN keeps one copy per encoding.
    if (!res.headersSent && !STAFF_PATH.test(String((res.req && res.req.url) || '/'))) {
      removeHeader('vary');
      res.setHeader('Vary', encoding.readerVary(res.req.url));
    }
    if (!pendingHead || res.headersSent) return;
    const { statusCode, reason, headers } = pendingHead;
    pendingHead = null;
    const byName = new Map();
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      const entry = byName.get(key) ?? { name, values: [] };
      entry.values.push(...(Array.isArray(value) ? value : [value]));
      byName.set(key, entry);
    }
    for (const { name, values } of byName.values()) res.setHeader(name, values.length === 1 ? values[0] : values);
    if (reason) original.writeHead.call(res, statusCode, reason);
    else original.writeHead.call(res, statusCode);
  }
}

/**
 * writeHead's headers as [name, value] pairs, from any form Node takes: an object, a flat array
 * (name, value, name, value…) or an array of pairs. Entries without a name or value are dropped.
 */
function headerEntries(headers) {
  if (!headers || typeof headers !== 'object') return [];
  const entries = [];
  if (Array.isArray(headers)) {
    if (headers.length > 0 && Array.isArray(headers[0])) {
      for (const pair of headers) if (Array.isArray(pair)) entries.push([pair[0], pair[1]]);
    } else {
      for (let i = 0; i + 1 < headers.length; i += 2) entries.push([headers[i], headers[i + 1]]);
    }
  } else {
    for (const [name, value] of Object.entries(headers)) entries.push([name, value]);
  }
  return entries
    .filter(([name, value]) => name && value !== undefined && value !== null)
    .map(([n, v]) => [String(n), v]);
}

/**
 * Next may already have compressed the body; the hashes are over the HTML's own bytes. Null when the
 * bytes do not decompress, or come in an encoding this hook cannot read (the caller sends them untouched).
 */
function decode(body, encoding) {
  const name = String(encoding || '').toLowerCase();
  try {
    switch (name) {
      case '':
      case 'identity':
        return body;
      case 'gzip':
        return zlib.gunzipSync(body);
      case 'br':
        return zlib.brotliDecompressSync(body);
      case 'deflate':
        return zlib.inflateSync(body);
      default:
        return undecodable(name, 'an encoding this server cannot read');
    }
  } catch (error) {
    return undecodable(name, error && error.code ? error.code : 'it does not decompress');
  }
}

let lastUndecodableWarning = 0;

/** Says so on the console (at most once a minute: a page sent thousands of times would repeat it). */
function undecodable(encoding, why) {
  if (Date.now() - lastUndecodableWarning > 60_000) {
    lastUndecodableWarning = Date.now();
    console.warn(
      `[security-headers] an HTML answer in Content-Encoding "${encoding}" could not be read (${why}): sent as it came, with no inline script admitted`,
    );
  }
  return null;
}

/** The rewritten page, compressed again as Next had compressed it. */
function encode(body, encoding) {
  switch (String(encoding || '').toLowerCase()) {
    case 'gzip':
      return zlib.gzipSync(body);
    case 'br':
      return zlib.brotliCompressSync(body);
    case 'deflate':
      return zlib.deflateSync(body);
    default:
      return body;
  }
}

/** The last value given for `name` among [name, value] pairs. */
function findHeader(entries, name) {
  let found;
  for (const [key, value] of entries) if (key.toLowerCase() === name) found = value;
  return found;
}

function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
}

/**
 * A HEAD answer must carry the headers a GET would (RFC 9110 §9.3.2), Content-Length included. Next
 * answers HEAD for a page by ending it without a body, so this hook, which sizes and hashes what it
 * sends, saw an empty page: `Content-Length: 0`. So Next is asked for the GET, and Node, which knows the
 * request was HEAD (the response was created for it), sends the head alone. Compression follows the
 * GET too, so Content-Encoding and Content-Length are the ones a GET gets.
 */
function answerHeadAsGet(req) {
  if (req && req.method === 'HEAD' && !answersHeadItself(req.url)) req.method = 'GET';
}

/**
 * Route handlers that export a HEAD of their own, which differs from their GET: a share link counts
 * the click on GET, and the read pixel the read, not on a link checker's HEAD.
 * tests/unit/http-methods.test.ts keeps this in line with the route handlers in app/.
 */
const OWN_HEAD = /^\/(?:share\/|api\/read(?:[?/]|$))/;
const answersHeadItself = (url) => OWN_HEAD.test(String(url || '/'));

/** A GET or HEAD for a reader address (not /admin, /api, /_next). */
function isReaderRequest(req) {
  return (req.method === 'GET' || req.method === 'HEAD') && !STAFF_PATH.test(String(req.url || '/'));
}

/**
 * Per-answer compression goes by the size of the body, whatever its path or method (decision 063 §1).
 * The middleware's own threshold (1 kB, encoding.MIN_COMPRESS_BYTES, the one the hook's cache uses)
 * only sees a Content-Length, and Next streams a route handler's answer without one: each vote's
 * 150-byte JSON got its own gzip stream (zlib allocates its window per stream), a tenth of the vote's
 * CPU to save a hundred bytes or nothing. So the head of an answer whose length is not declared is
 * held back with its first bytes: when it ends under the threshold, it goes out as it is, with its
 * Content-Length; once the threshold is passed, the head and the bytes held go on to the middleware,
 * which compresses the rest of the stream as it is written. A stream that pauses before its first
 * kilobyte waits for it (or its end) before anything is sent.
 */
function holdSmallAnswer(req, res, threshold) {
  const lower = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let state = 'open'; // 'holding' (head and bytes kept here) or 'through' (all goes on as it comes)
  let head = null; // writeHead's arguments, or null for Node's implicit head (res.statusCode)
  let held = [];
  let heldBytes = 0;

  /** Whether an answer with this status and these writeHead headers is worth holding: a body of unknown length. */
  const worthHolding = (statusCode, headers) => {
    if (req.method === 'HEAD' || statusCode === 204 || statusCode === 304) return false;
    if (!Number.isInteger(statusCode) || statusCode < 200 || statusCode > 999) return false;
    const declared = (name) => findHeader(headers, name) !== undefined || res.hasHeader(name);
    return !declared('content-length') && !declared('transfer-encoding');
  };
  /** The head, then what was held, as one write (a chunk written now is added to it). */
  const release = (chunk) => {
    state = 'through';
    if (head) lower.writeHead.apply(res, head);
    else if (!res.headersSent) lower.writeHead.call(res, res.statusCode);
    if (chunk) held.push(chunk);
    const body = held.length === 1 ? held[0] : Buffer.concat(held);
    held = [];
    return body;
  };
  /** The head and what was held go on as they are (the answer will not be measured here). */
  const passHeld = () => {
    const body = release();
    if (body.length > 0) lower.write.call(res, body);
  };
  /** A write or end without writeHead first: Node's implicit head, held when worth it. */
  const settleImplicitHead = () => {
    if (state === 'open') state = worthHolding(res.statusCode, []) ? 'holding' : 'through';
  };
  const bytesOf = (chunk, encoding) =>
    typeof chunk === 'string' || chunk instanceof Uint8Array ? toBuffer(chunk, encoding) : null;

  res.writeHead = function writeHead(statusCode, reason, headers) {
    if (state === 'open') {
      if (worthHolding(statusCode, headerEntries(typeof reason === 'string' ? headers : reason))) {
        state = 'holding';
        head = Array.from(arguments);
        res.statusCode = statusCode;
        return res;
      }
      state = 'through';
    } else if (state === 'holding') {
      // A second head, after the first or after a write: it meets Node with the first one sent.
      passHeld();
    }
    return lower.writeHead.apply(res, arguments);
  };

  res.write = function write(chunk, encoding, cb) {
    settleImplicitHead();
    if (state !== 'holding') return lower.write.apply(res, arguments);
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    const bytes = bytesOf(chunk, encoding);
    if (bytes === null) {
      // Not bytes: Node says what is wrong with it, after what was held.
      passHeld();
      return lower.write.apply(res, arguments);
    }
    if (heldBytes + bytes.length >= threshold) {
      const body = release(bytes);
      return typeof cb === 'function' ? lower.write.call(res, body, cb) : lower.write.call(res, body);
    }
    held.push(bytes);
    heldBytes += bytes.length;
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };

  res.end = function end(chunk, encoding, cb) {
    settleImplicitHead();
    if (state !== 'holding') return lower.end.apply(res, arguments);
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    const bytes = chunk === undefined || chunk === null ? Buffer.alloc(0) : bytesOf(chunk, encoding);
    if (bytes === null || res.hasHeader('content-length')) {
      // Not bytes, or a length declared since (the hook's own buffered answers): as it came.
      passHeld();
      return lower.end.apply(res, arguments);
    }
    // The whole body is known: its length tells the middleware whether to compress it.
    res.setHeader('Content-Length', heldBytes + bytes.length);
    const body = release(bytes);
    // The middleware drops end's callback when it compresses; Node calls it on 'finish' either way.
    if (typeof cb === 'function') res.once('finish', () => cb());
    return lower.end.call(res, body);
  };

  // Next calls flushHeaders before it writes the first piece of every answer it streams, so a head
  // whose body is still to be measured stays held (secureResponse, above, holds it until the first
  // write anyway) and leaves with the first kilobyte or the end.
  res.flushHeaders = function flushHeaders() {
    if (state === 'holding' || (state === 'open' && worthHolding(res.statusCode, []))) return;
    state = 'through';
    return lower.flushHeaders.apply(res, arguments);
  };
}

let perAnswerCompression = null;
function compressPerAnswer(req, res, next) {
  if (!perAnswerCompression)
    perAnswerCompression = require('next/dist/compiled/compression')({ threshold: encoding.MIN_COMPRESS_BYTES });
  return perAnswerCompression(req, res, () => {
    holdSmallAnswer(req, res, encoding.MIN_COMPRESS_BYTES);
    return next();
  });
}

/**
 * Decorates every response of every http.Server in this process. Called from next.config.ts, which
 * Next evaluates inside the process that serves requests, so no start command needs a flag.
 */
function install() {
  const http = require('node:http');
  if (http.Server.prototype.__moodwireSecurityHeaders) return;
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(event, req, res) {
    if (event === 'request' && res && typeof res.setHeader === 'function') {
      answerHeadAsGet(req);
      if (isReaderRequest(req)) encoding.dropRouterHeaders(req);
      // Next's compression is off (next.config.ts): bodies this hook buffers are compressed by it, once
      // per version; everything else (scripts, styles, streamed answers) by the same middleware Next
      // uses, per answer, underneath this hook.
      compressPerAnswer(req, res, () => {});
      secureResponse(res);
      // A render that failed stores nothing: its slot is released when the answer is an error.
      releaseOnServerError(req, res);
    }
    return originalEmit.apply(this, arguments);
  };
  http.Server.prototype.__moodwireSecurityHeaders = true;
}

module.exports = {
  install,
  answersHeadItself,
  secureResponse,
  compressPerAnswer,
  inlineScriptHashes,
  isTrustedInlineScript,
  contentSecurityPolicy,
  stripClientRuntime,
  isReaderPageRequest,
};
