// Gives every request a client address the application can trust, in the header
// `x-moodwire-client-ip`. Loaded into the process that serves requests: by next.config.ts (so every
// way of starting Next gets it) and by lib/server/preload.cjs (`node --require`, for servers that do
// not evaluate next.config, such as a standalone build). See docs/decisions/003-client-ip.md.
//
// Why: Next fills `x-forwarded-for` from the socket only when the client did not send one, so a
// route handler cannot tell a forged header from a real one. Here we read the socket ourselves.
'use strict';

const http = require('node:http');
const https = require('node:https');

const HEADER = 'x-moodwire-client-ip';
const INSTALLED = Symbol.for('moodwire.clientIp.installed');

/**
 * TRUST_PROXY: unset, empty or 0 → ignore X-Forwarded-For; a whole number n ≥ 1 → n reverse proxies
 * we run sit in front of the server. Anything else is a configuration error.
 * @param {string | undefined} value
 * @returns {number}
 */
function parseTrustProxy(value) {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return 0;
  if (v === 'true') return 1;
  if (/^[1-9]$/.test(v)) return Number(v);
  throw new Error(
    `TRUST_PROXY must be 0, 1 or the number of reverse proxies in front of the server (1–9); got "${value}".`,
  );
}

/**
 * The client address of a request. With n trusted proxies, each proxy appends the address it saw
 * to X-Forwarded-For, so the n-th entry from the right is the one written by our outermost proxy:
 * the real client. Entries further left were written by the client itself and can be forged.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedProxies
 * @returns {string}
 */
function clientAddress(socketAddress, forwardedFor, trustedProxies) {
  if (trustedProxies > 0 && forwardedFor !== undefined) {
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (entries.length > 0) return stripPort(entries[Math.max(0, entries.length - trustedProxies)] ?? '');
  }
  return socketAddress ?? '';
}

/** "[2001:db8::1]:443" → "2001:db8::1", "203.0.113.7:5000" → "203.0.113.7". */
function stripPort(value) {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1] ?? '';
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  return v4 ? (v4[1] ?? '') : value;
}

let trustedProxies = parseTrustProxy(process.env.TRUST_PROXY);

/** @param {import('node:http').IncomingMessage} req */
function stamp(req) {
  // A client must never be able to choose its own trusted address.
  delete req.headers[HEADER];
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    if (String(raw[i]).toLowerCase() === HEADER) raw.splice(i, 2);
  }
  req.headers[HEADER] = clientAddress(req.socket?.remoteAddress, req.headers['x-forwarded-for'], trustedProxies).slice(
    0,
    100,
  );
}

function install() {
  if (globalThis[INSTALLED]) return;
  globalThis[INSTALLED] = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function patchedEmit(event, ...args) {
      if (event === 'request' && args[0]) stamp(args[0]);
      return emit.call(this, event, ...args);
    };
  }
}

/** For tests: re-read TRUST_PROXY. */
function reloadTrustProxy() {
  trustedProxies = parseTrustProxy(process.env.TRUST_PROXY);
}

module.exports = { HEADER, install, clientAddress, parseTrustProxy, reloadTrustProxy };
