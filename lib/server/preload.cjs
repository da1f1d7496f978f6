// `node --require ./lib/server/preload.cjs <server>`: installs every server hook (lib/server/protections.cjs)
// before the server starts, for a server that does not evaluate next.config.ts: the standalone build's
// server.js. scripts/build-standalone.ts writes moodwire-server.js beside it, which loads this file
// first; `next start` and `next dev` get the same hooks from next.config.ts (decision 053).
'use strict';
// The graceful stop handles SIGTERM and SIGINT itself; Next's own handler would exit at once.
process.env.NEXT_MANUAL_SIG_HANDLE = 'true';
require('./protections.cjs').installProtections(process.env.MOODWIRE_ENTRY || 'standalone');
