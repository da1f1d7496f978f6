'use strict';
// What the server sends for an answer it sends many times unchanged: the bytes in the encoding the
// client accepts, compressed once per version of the page, never once per request; the answer's
// validator (ETag), and a 304 when the client already holds that version; and a Vary that names
// only the request headers the answer depends on. Used by security-headers.cjs, which buffers the
// bodies it rewrites anyway. See docs/decisions/030-compressed-pages-kept-per-version.md.
const crypto = require('node:crypto');
const zlib = require('node:zlib');

/** Bodies smaller than this go out as they are: compressing them saves less than a packet. */
const MIN_COMPRESS_BYTES = 1024;
/**
 * Brotli quality 5: about as fast as gzip level 6 and ~15 % smaller on our pages. 11 (the default)
 * costs tens of milliseconds on a story, which a first render cannot afford (issue 16 §3).
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;
/** What the compressed copies may hold in memory, all pages together (least recently sent go first). */
const VARIANT_BYTES = 8 * 1024 * 1024;

const SUFFIX = { br: 'br', gzip: 'gz' };

/** The coding to send for an Accept-Encoding header: 'br', else 'gzip', else null (identity). */
function acceptedCoding(header) {
  const value = Array.isArray(header) ? header.join(',') : String(header || '');
  if (!value) return null;
  let br = 0;
  let gzip = 0;
  let star = 0;
  for (const part of value.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]{1,5})\s*$/.exec(p);
      if (m) q = Number(m[1]) || 0;
    }
    if (token === 'br') br = q;
    else if (token === 'gzip' || token === 'x-gzip') gzip = q;
    else if (token === '*') star = q;
  }
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  if (star > 0) return 'br';
  return null;
}

function compress(body, coding) {
  if (coding === 'br')
    return zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        // A window no larger than the page: the default (4 MB) costs memory for nothing on a 40 kB page.
        [zlib.constants.BROTLI_PARAM_LGWIN]: Math.min(22, Math.max(16, Math.ceil(Math.log2(body.length + 1)))),
      },
    });
  return zlib.gzipSync(body, { level: GZIP_LEVEL });
}

/** Compressed copies, keyed by `<version>:<coding>`, least recently used dropped first. */
const variants = new Map();
let variantBytes = 0;

function rememberVariant(key, bytes) {
  variants.set(key, bytes);
  variantBytes += bytes.length;
  for (const [oldKey, old] of variants) {
    if (variantBytes <= VARIANT_BYTES || oldKey === key) break;
    variants.delete(oldKey);
    variantBytes -= old.length;
  }
}

/**
 * The body to send and its coding (null: as it is). `version` names this exact body (its ETag without
 * quotes): with it the compressed bytes are kept and reused; without it (a page rendered for this
 * request alone) they are made for this answer only.
 */
function encodeBody(body, coding, version) {
  if (!coding || body.length < MIN_COMPRESS_BYTES) return { body, coding: null };
  const key = version ? `${version}:${coding}` : null;
  const kept = key ? keptVariant(version, coding) : null;
  if (kept) return { body: kept, coding };
  const bytes = compress(body, coding);
  if (key) rememberVariant(key, bytes);
  return { body: bytes, coding };
}

/** The compressed copy kept for a version of a body in this coding, or null (used: kept longer). */
function keptVariant(version, coding) {
  const key = `${version}:${coding}`;
  const kept = variants.get(key);
  if (!kept) return null;
  variants.delete(key);
  variants.set(key, kept);
  return kept;
}

/** The version name of a body: computed once per version by the caller, never per answer. */
function versionOf(body) {
  return crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

/** The version inside an ETag header value ("abc" or W/"abc"), or null. */
function versionOfTag(tag) {
  const m = /^(?:W\/)?"([^"]*)"$/.exec(String(tag || '').trim());
  return m ? m[1] : null;
}

/** The ETag of one representation: each coding is its own set of bytes, so its own tag. */
function entityTag(version, coding) {
  return `"${version}${coding ? `-${SUFFIX[coding]}` : ''}"`;
}

/**
 * Whether a GET or HEAD may be answered 304 (RFC 9110 §13.1.2, §13.1.3): If-None-Match, when sent,
 * decides alone (weak comparison); otherwise If-Modified-Since against Last-Modified.
 */
function isNotModified(headers, etag, lastModified) {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    if (!etag) return false;
    const want = versionOfTag(etag);
    return String(inm)
      .split(',')
      .some((t) => t.trim() === '*' || versionOfTag(t) === want);
  }
  const ims = headers['if-modified-since'];
  if (ims === undefined || !lastModified) return false;
  const since = Date.parse(String(ims));
  const modified = Date.parse(String(lastModified));
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since;
}

/** Whether an answer with this Cache-Control is kept and sent again (so worth a validator). */
function isShared(cacheControl) {
  const value = String(cacheControl || '');
  return value !== '' && !/\b(?:no-store|private)\b/i.test(value);
}

/** A shared answer's Cache-Control with `max-age=0` added when it has no max-age of its own. */
function browserCacheControl(cacheControl) {
  const value = String(cacheControl || '');
  return /(?:^|[\s,])max-age\s*=/i.test(value) ? value : `${value}, max-age=0`;
}

/**
 * The request headers Next reads to answer a page as React Server Component data instead of HTML.
 * Reader pages go out without Next's client runtime (decision 016), which alone sends them; removed
 * from a reader request, they no longer change the answer, so the answer need not Vary on them.
 */
const ROUTER_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-hmr-refresh',
];

function dropRouterHeaders(req) {
  for (const name of ROUTER_HEADERS) delete req.headers[name];
}

/**
 * What a reader answer varies on: the encoding, and on a story's address the reader's own-mood hint
 * cookie too (next.config.ts rewrites such a request to the story's copy with that mood marked).
 */
function readerVary(url) {
  return /^\/news\//.test(String(url || '/')) ? 'Accept-Encoding, Cookie' : 'Accept-Encoding';
}

/** Types buffered to be compressed once per version: documents, feeds, sitemaps, robots.txt. */
function isCompressibleText(contentType) {
  return /^\s*(?:text\/(?:html|xml|plain)|application\/(?:xml|rss\+xml|atom\+xml))\b/i.test(String(contentType || ''));
}

module.exports = {
  acceptedCoding,
  encodeBody,
  keptVariant,
  versionOf,
  versionOfTag,
  entityTag,
  isNotModified,
  isShared,
  browserCacheControl,
  dropRouterHeaders,
  readerVary,
  isCompressibleText,
  MIN_COMPRESS_BYTES,
};
