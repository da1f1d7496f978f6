// npm start: migrate, seed an empty database, build when the build is missing or older than the
// sources, then run `next start` (PORT and HOSTNAME respected). No environment variable is required.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../db/client';
import { ensureFirstAdmin } from '../lib/accounts';
import { isEmpty } from '../db/seed';
import { seedDemo } from './lib/seed-demo';
import { databasePath } from '../db/config';
import { authSecret } from '../lib/data-dir';
import { buildIsStale, stampBuild } from './lib/build';
import { SERVER_NODE_FLAGS } from './lib/node-flags';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

async function prepareDatabase(): Promise<void> {
  const file = databasePath();
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    if (isEmpty(db)) {
      const { articles } = seedDemo(db);
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
}

async function main(): Promise<void> {
  const secret = authSecret();
  process.env.AUTH_SECRET = secret;
  await prepareDatabase();
  // The first administrator's password must not travel further than the log line above.
  delete process.env.ADMIN_PASSWORD;
  if (buildIsStale(root)) {
    console.log('[moodwire] building (the build is missing or older than the sources)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
    stampBuild(root);
  }
  const args = [...SERVER_NODE_FLAGS, nextBin, 'start', '--port', process.env.PORT || '3000'];
  if (process.env.HOSTNAME) args.push('--hostname', process.env.HOSTNAME);
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
