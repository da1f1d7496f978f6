// `node --require ./lib/server/preload.cjs <server>`: installs the trusted client address header
// before any server starts. Next's own `next start` gets the same from next.config.ts.
'use strict';
require('./client-ip.cjs').install();
