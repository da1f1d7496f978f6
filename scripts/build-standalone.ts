// npm run build:standalone: the self-contained server for a container or a systemd unit (deploy/).
// Next's `output: 'standalone'` (switched on by MOODWIRE_STANDALONE=1, so `npm start` and the tests keep
// their own build) traces the server's files and node_modules, native modules included, into
// <dist>/standalone. Next leaves out what a CDN could serve (public/, the build's static files); this
// script copies those, the files the server reads at run time (migrations, fonts), and the server
// hooks, and writes moodwire-server.js, the entry that installs the hooks before Next's server.js
// (a bare server.js would refuse to start: decision 053).
//
// Build where the site's data is: prerendered pages are made from the database and SITE_URL at build
// time, as for `npm start`. Run it under the build lock on a shared machine (tests/e2e/entry-points.spec.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { SERVER_NODE_FLAGS } from './lib/node-flags';

const ENTRY = 'moodwire-server.js';
// Next's own copy of @vercel/nft, the tracer behind output: 'standalone'.
const { nodeFileTrace } = createRequire(import.meta.url)('next/dist/compiled/@vercel/nft') as {
  nodeFileTrace: (files: string[], options: { base: string }) => Promise<{ fileList: Set<string> }>;
};

const root = process.cwd();
const distDir = process.env.MOODWIRE_DIST_DIR || '.next-standalone';
const dist = path.join(root, distDir);
const out = path.join(dist, 'standalone');

/** The entry written beside server.js: the hooks first, then Next's server. */
function entrySource(dir: string): string {
  return `// Written by scripts/build-standalone.ts. Start the standalone server with this file, never server.js:
// it installs Moodwire's server hooks first (lib/server/preload.cjs, decision 053).
'use strict';
process.env.MOODWIRE_DIST_DIR = process.env.MOODWIRE_DIST_DIR || ${JSON.stringify(dir)};
process.env.MOODWIRE_ENTRY = 'standalone';
require('./lib/server/preload.cjs');
require('./server.js');
`;
}

function copy(from: string, to: string, filter?: (source: string) => boolean): void {
  if (!fs.existsSync(from)) return;
  fs.cpSync(from, to, { recursive: true, force: true, dereference: true, filter });
}

async function main(): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, MOODWIRE_STANDALONE: '1', MOODWIRE_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error(`build:standalone: next build failed (exit ${build.status ?? build.signal}).`);
    process.exit(1);
  }
  if (!fs.existsSync(path.join(out, 'server.js'))) {
    console.error(`build:standalone: ${path.relative(root, out)}/server.js is missing: was output: 'standalone' set?`);
    process.exit(1);
  }
  // public/ holds the reader script and the demo images' WebP renditions the build just wrote. Uploaded
  // photos (public/uploads) are the site's data, not the build's: they are not copied.
  copy(path.join(root, 'public'), path.join(out, 'public'), (source) => !source.includes(`${path.sep}uploads`));
  copy(path.join(dist, 'static'), path.join(out, distDir, 'static'));
  // Read at run time: the migrations (the health check's count, PostgreSQL's migrate) and the fonts of
  // the share images.
  copy(path.join(root, 'drizzle'), path.join(out, 'drizzle'));
  copy(path.join(root, 'assets'), path.join(out, 'assets'));
  // The hooks run outside Next's bundles, so Next's tracing never saw them: the same tracer (nft) finds
  // preload.cjs and every file it needs (the hooks, pino and its workers, Next's compression).
  // The page cache handler is traced too: with REDIS_URL it loads the Redis handler and its client.
  const { fileList } = await nodeFileTrace(
    ['preload.cjs', 'shared-cache-handler.cjs'].map((file) => path.join(root, 'lib', 'server', file)),
    { base: root },
  );
  for (const file of fileList) {
    const target = path.join(out, file);
    // Only code: the hooks' guess at a build folder (a 404 page they read) is not theirs to ship.
    if (!/^(?:lib|db|node_modules)[/\\]/.test(file) || fs.statSync(path.join(root, file)).isDirectory()) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, file), target);
  }
  fs.writeFileSync(path.join(out, ENTRY), entrySource(distDir));
  const missing = [
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/sharp/package.json',
    'node_modules/pino/package.json',
    'lib/server/security-headers.cjs',
    'lib/server/redis-page-cache.cjs',
    'db/engine/scoped-storage.cjs',
    'node_modules/redis/package.json',
  ].filter((file) => !fs.existsSync(path.join(out, file)));
  if (missing.length > 0) {
    console.error(`build:standalone: the traced output lacks ${missing.join(', ')}.`);
    process.exit(1);
  }
  const where = path.relative(root, out) || '.';
  console.log(`
Standalone server written to ${where}/ (copy the whole folder to the server; it needs Node.js 20.9+, not npm).
Apply the migrations first, from this source tree: DATABASE_URL=… npm run db:migrate (or DATABASE_PATH=…).
Run it:
  cd ${where}
  PORT=3000 HOSTNAME=127.0.0.1 SITE_URL=https://news.example.com AUTH_SECRET=<32+ characters> \\
  DATABASE_PATH=/var/lib/moodwire/moodwire.db MALLOC_ARENA_MAX=2 \\
  node ${SERVER_NODE_FLAGS.join(' ')} ${ENTRY}
(or DATABASE_URL=postgres://… for PostgreSQL; behind nginx add TRUST_PROXY=1). Never run server.js
directly: ${ENTRY} installs the protections first, and /api/health lists them.`);
}

await main();
