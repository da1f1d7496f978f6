'use strict';
// The server hooks, installed in one place and in one order by every way of starting Next
// (decision 053): `next start` and `next dev` through next.config.ts, the standalone server through
// the entry our build script writes beside server.js (scripts/build-standalone.ts), which requires
// lib/server/preload.cjs before server.js. Each is what has no conventional home in Next: the fixed
// headers come from next.config.ts's headers() and the staff pages' nonce CSP from proxy.ts, which
// every entry point applies from the build itself.
//
// What was installed in this process is kept in a registry (protections-registry.cjs) that /api/health
// reports and that instrumentation.ts checks: a production server without them refuses to start.

const { registry, SECURITY_HEADERS_PARTS } = require('./protections-registry.cjs');

/**
 * The protections the hooks give, in the order they are installed. First installed is innermost: the
 * headers and the log still wrap the 400 for a malformed address, the 405 for a method no address
 * takes and the 400 for a server action call nobody's form would send.
 */
const HOOKS = [
  ['client-address', () => require('./client-ip.cjs').install()],
  ['http-methods', () => require('./http-methods.cjs').install()],
  ['malformed-url', () => require('./malformed-url.cjs').install()],
  ['action-requests', () => require('./action-requests.cjs').install()],
  ['security-headers', () => require('./security-headers.cjs').install()],
  ['request-log', () => require('./request-log.cjs').install()],
  ['graceful-stop', () => require('./graceful-shutdown.cjs').install()],
];

/**
 * Installs every hook once (installing again is harmless). `entry` says how the server was started:
 * 'next start', 'next dev' or 'standalone'; the first to install names it.
 */
function installProtections(entry) {
  const state = registry();
  if (!state.entry) state.entry = entry;
  for (const [name, install] of HOOKS) {
    install();
    const names = name === 'security-headers' ? SECURITY_HEADERS_PARTS : [name];
    for (const n of names) if (!state.active.includes(n)) state.active.push(n);
  }
}

module.exports = { installProtections, HOOK_NAMES: HOOKS.map(([name]) => name) };
