'use strict';
// The Content-Security-Policy and the fixed security headers, in one place for the three that send
// them: next.config.ts's headers() (baked into the build, so every way of starting Next applies them),
// proxy.ts (the staff pages' nonce policy, per request) and the server hook (security-headers.cjs),
// which narrows a reader page's policy to the scripts it really carries. Decisions 010 and 054.
const crypto = require('node:crypto');
const { TRUSTED_INLINE_SCRIPTS } = require('./trusted-inline-scripts.cjs');

function siteIsHttps() {
  return /^https:\/\//i.test(process.env.SITE_URL || '');
}

/** `script-src 'self'` plus the given sources (hashes, a nonce). */
function contentSecurityPolicy(sources) {
  // React's development build rebuilds call stacks with eval (Next's CSP guide); production never.
  const evalInDev = process.env.NODE_ENV === 'development' ? ["'unsafe-eval'"] : [];
  return [
    "default-src 'self'",
    `script-src 'self' ${[...sources, ...evalInDev].join(' ')}`.trim(),
    // next/image and React write a few style attributes; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(siteIsHttps() ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The hashes of our own inline scripts (the WeChat pre-paint script), the only inline code of a reader page. */
const TRUSTED_HASHES = TRUSTED_INLINE_SCRIPTS.map(
  (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`,
);

/** A reader page's policy: its one known inline script by hash, nothing else inline (decision 016). */
function readerPolicy() {
  return contentSecurityPolicy(TRUSTED_HASHES);
}

/**
 * A staff page's policy: Next writes the nonce on its own scripts (it reads it from this policy on the
 * request, set by proxy.ts); a story's preview carries the reader page's known script.
 */
function staffPolicy(nonce) {
  return contentSecurityPolicy([`'nonce-${nonce}'`, ...TRUSTED_HASHES]);
}

/** A policy that already admits a nonce was made for this very answer (proxy.ts): kept as it is. */
function isNoncePolicy(policy) {
  return /'nonce-[A-Za-z0-9+/=_-]+'/.test(String(policy || ''));
}

const STATIC_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
};

// Cross-Origin-Opener-Policy only on the staff paths (it matters on /admin's documents: the sign-in and
// staff pages; /api and /_next answer no documents): any value but unsafe-none makes the browser move
// the document into a new browsing context group, which means a fresh renderer process for a reader
// arriving in a new tab (~100 ms of main-thread time on this VM, 400 ms at a phone's pace: most of the
// article's Total Blocking Time). Reader pages are public and carry no secret a cross-origin window
// could reach. See docs/decisions/010-content-security-policy.md.
const OPENER_POLICY = 'same-origin';
const HSTS = 'max-age=31536000; includeSubDomains';

module.exports = {
  contentSecurityPolicy,
  readerPolicy,
  staffPolicy,
  isNoncePolicy,
  siteIsHttps,
  STATIC_HEADERS,
  OPENER_POLICY,
  HSTS,
  TRUSTED_HASHES,
};
