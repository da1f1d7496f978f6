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
import { rendersAtOnceProblem } from '../lib/server/first-renders.cjs';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/** The first administrator, on either engine, when there is no user yet (lib/accounts.ts). */
async function firstAdmin(): Promise<void> {
  try {
    await ensureFirstAdmin(
      { ADMIN_EMAIL: process.env.ADMIN_EMAIL, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD },
      (line) => console.log(line),
    );
  } finally {
    await closeEngine();
  }
}

/**
 * PostgreSQL (DATABASE_URL): migrations (one server at a time), the demo content when empty, and the
 * first administrator. Several servers share the database, so they must share one AUTH_SECRET too:
 * sessions, reader cookies and address hashes signed on one are read on the others.
 */
async function preparePostgres(): Promise<boolean> {
  const url = process.env.DATABASE_URL!.trim();
  await getEngine().migrate();
  await closeEngine();
  if (await isPostgresEmpty(url)) {
    const articles = await seedDemoPostgres(url, { activity: true });
    console.log(`[moodwire] seeded ${articles} demo stories into ${redactUrl(url)}`);
  }
  await firstAdmin();
  return true;
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
  } finally {
    db.$client.close();
  }
  await firstAdmin();
  return true;
}

async function main(): Promise<void> {
  const problem = siteUrlProblem() ?? rendersAtOnceProblem(process.env.MOODWIRE_RENDERS_AT_ONCE);
  if (problem) {
    console.error(`[moodwire] ${problem}`);
    process.exit(1);
  }
  if (engineKind() === 'postgres' && !process.env.AUTH_SECRET?.trim()) {
    console.error(
      '[moodwire] AUTH_SECRET is required with DATABASE_URL: every server of the site must sign with the same secret. Make one with `openssl rand -base64 48` and set it on each server.',
    );
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
