// npm start: migrate, seed an empty database, build when the build is missing or older than the
// sources, then run `next start` (PORT and HOSTNAME respected). No environment variable is required.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../db/client';
import { ensureFirstAdmin } from '../lib/accounts';
import { isEmpty } from '../db/seed';
import { isPostgresEmpty } from '../db/seed/postgres';
import { seedDemo, seedDemoPostgres } from './lib/seed-demo';
import { closeEngine, engineKind, getEngine } from '../db/engine';
import { redactUrl } from '../db/engine/config';
import { databasePath } from '../db/config';
import { authSecret } from '../lib/data-dir';
import { listeningPort, siteUrlProblem } from '../lib/domain/routes';
import { buildIsStale, stampBuild } from './lib/build';
import { SERVER_NODE_FLAGS, serverEnv } from './lib/node-flags';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * PostgreSQL (DATABASE_URL): migrations (one server at a time), and the demo content when empty. The
 * site's pages still read through the synchronous SQLite layer until the query modules are converted
 * to db/engine (issue 17, second half), so the server is not started on PostgreSQL yet.
 */
async function preparePostgres(): Promise<false> {
  const url = process.env.DATABASE_URL!.trim();
  await getEngine().migrate();
  await closeEngine();
  if (await isPostgresEmpty(url)) {
    const articles = await seedDemoPostgres(url, { activity: true });
    console.log(`[moodwire] seeded ${articles} demo stories into ${redactUrl(url)}`);
  }
  console.error(
    `[moodwire] ${redactUrl(url)} is migrated and ready, but the pages do not run on PostgreSQL yet: the query modules are being converted (docs/data-layer-conversion.md). Unset DATABASE_URL to serve from SQLite.`,
  );
  return false;
}

/** Migrates and seeds the configured database; false when the site cannot be served from it. */
async function prepareDatabase(): Promise<boolean> {
  if (engineKind() === 'postgres') return preparePostgres();
  const file = databasePath();
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    if (isEmpty(db)) {
      const { articles } = seedDemo(db, { activity: true });
      console.log(`[moodwire] seeded ${articles} demo stories into ${file}`);
    }
    await ensureFirstAdmin(
      db,
      { ADMIN_EMAIL: process.env.ADMIN_EMAIL, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD },
      (line) => console.log(line),
    );
  } finally {
    db.$client.close();
  }
  return true;
}

async function main(): Promise<void> {
  const problem = siteUrlProblem();
  if (problem) {
    console.error(`[moodwire] ${problem}`);
    process.exit(1);
  }
  const secret = authSecret();
  process.env.AUTH_SECRET = secret;
  if (!(await prepareDatabase())) {
    process.exitCode = 1;
    return;
  }
  // The first administrator's password must not travel further than the log line above.
  delete process.env.ADMIN_PASSWORD;
  // PORT is settled before the build: without SITE_URL the site's address (baked into prerendered
  // pages) is the one the server listens on.
  process.env.PORT = listeningPort();
  // MOODWIRE_DIST_DIR (next.config.ts) serves another build folder; its freshness is checked there.
  const distDir = process.env.MOODWIRE_DIST_DIR || '.next';
  if (buildIsStale(root, distDir)) {
    console.log('[moodwire] building (the build is missing or older than the sources)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
    stampBuild(root, distDir);
  }
  const args = [...SERVER_NODE_FLAGS, nextBin, 'start', '--port', process.env.PORT];
  if (process.env.HOSTNAME) args.push('--hostname', process.env.HOSTNAME);
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: serverEnv(process.env) });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
