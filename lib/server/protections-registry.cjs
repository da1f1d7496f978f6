'use strict';
// Which server hooks this process installed (lib/server/protections.cjs writes, /api/health and
// instrumentation.ts read). Kept apart from the hooks so that the app's bundle reads the registry
// without loading them. A global under Symbol.for: Next's bundles and the hooks are separate copies.

const REGISTRY = Symbol.for('moodwire.protections');

/**
 * What the security-headers hook does besides the headers, listed on their own because each was once
 * lost on its own (issue 18 §5).
 */
const SECURITY_HEADERS_PARTS = ['content-security-policy', 'reader-runtime-stripped', 'compression', 'renamed-slugs'];

/** Every protection a server must have, as /api/health names them, in the order they are installed. */
const REQUIRED = [
  'client-address',
  'http-methods',
  'malformed-url',
  'action-requests',
  ...SECURITY_HEADERS_PARTS,
  'request-log',
  'graceful-stop',
];

function registry() {
  if (!globalThis[REGISTRY]) globalThis[REGISTRY] = { entry: null, active: [] };
  return globalThis[REGISTRY];
}

/** { entry, active, missing } for this process: entry is 'next start', 'next dev' or 'standalone'. */
function protectionsReport() {
  const state = registry();
  return {
    entry: state.entry,
    active: REQUIRED.filter((name) => state.active.includes(name)),
    missing: REQUIRED.filter((name) => !state.active.includes(name)),
  };
}

/** The message a production server without its hooks stops with; null when all are there. */
function missingProtectionsProblem() {
  const { missing } = protectionsReport();
  if (missing.length === 0) return null;
  return (
    `this server was started without its protections (missing: ${missing.join(', ')}). ` +
    'Start it with `npm start` or `next start`, or build with `npm run build:standalone` and run ' +
    '`node moodwire-server.js` in the standalone folder, never a bare `node server.js` ' +
    '(docs/decisions/053-one-set-of-protections.md).'
  );
}

module.exports = { registry, protectionsReport, missingProtectionsProblem, REQUIRED, SECURITY_HEADERS_PARTS };
