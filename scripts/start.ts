// npm start: migrate, seed an empty database, build when the build is missing or older than the
// sources, then run `next start` (PORT and HOSTNAME respected). No environment variable is required.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../db/client';
import { ensureFirstAdmin } from '../db/accounts';
import { isEmpty, seedDemoContent } from '../db/seed';
import { authSecret, databasePath } from '../lib/data-dir';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

const SOURCES = ['app', 'components', 'db', 'lib', 'drizzle', 'proxy.ts', 'instrumentation.ts', 'auth.ts', 'auth.config.ts', 'next.config.ts',
  'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

// Prerendered pages, feeds and sitemaps carry absolute links built from SITE_URL at build time.
const siteUrlStamp = path.join(root, '.next', 'moodwire-site-url');
const currentSiteUrl = () => (process.env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '');

export function buildIsStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const builtFor = fs.existsSync(siteUrlStamp) ? fs.readFileSync(siteUrlStamp, 'utf8') : undefined;
  if (builtFor !== currentSiteUrl()) return true;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

async function prepareDatabase(): Promise<void> {
  const file = databasePath();
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    if (isEmpty(db)) {
      const { articles } = seedDemoContent(db);
      console.log(`[moodwire] seeded ${articles} demo stories into ${file}`);
    }
    await ensureFirstAdmin(db, { ADMIN_EMAIL: process.env.ADMIN_EMAIL, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD }, (line) => console.log(line));
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
  if (buildIsStale()) {
    console.log('[moodwire] building (the build is missing or older than the sources)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
    fs.writeFileSync(siteUrlStamp, currentSiteUrl());
  }
  const args = [nextBin, 'start', '--port', process.env.PORT || '3000'];
  if (process.env.HOSTNAME) args.push('--hostname', process.env.HOSTNAME);
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
