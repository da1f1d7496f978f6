// What a benchmark run needs before any load: the generated database (cached), a copy of it for this
// run, and a production build of its own (bench/next-build), copied fresh for each run.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, migrationsFolder, openDatabase } from '@/db/client';
import { buildIsStale, stampBuild } from '../lib/build';
import { FULL_SIZE, GENERATOR_VERSION, generateBenchData, type GenerateSummary } from './generate';
import { NEXT_BIN } from './servers';

const root = process.cwd();
export const BENCH_DIR = path.join(root, 'bench');
/** distDir values (relative to the project, as Next requires) for the bench's build and for one run. */
export const BUILD_DIST_DIR = 'bench/next-build';
export const RUN_DIST_DIR = 'bench/next-run';

/** Times in the cached database are moved forward when they lag this much, so "this week" stays populated. */
const REBASE_AFTER_MS = 6 * 3_600_000;
const HOUR = 3_600_000;

type Meta = { generatorVersion: number; summary: GenerateSummary };

/** The cache key: the generator's version and the migrations, so a new table or index means new data. */
function cacheKey(): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder()).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsFolder(), file)));
  }
  return `v${GENERATOR_VERSION}-${hash.digest('hex').slice(0, 10)}`;
}

export const cachedDatabaseFile = () => path.join(BENCH_DIR, `bench-${cacheKey()}.db`);
const metaFile = () => cachedDatabaseFile().replace(/\.db$/, '.json');

function removeDatabase(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * The cached benchmark database, generated when missing (about 30 s for the full size). The anchor
 * moment lives in the database itself (settings.benchAnchor), so moving times forward is atomic.
 */
export function ensureBenchDatabase({ regenerate, log }: { regenerate: boolean; log: (line: string) => void }): { file: string; meta: Meta } {
  const file = cachedDatabaseFile();
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  if (regenerate || !fs.existsSync(file) || !fs.existsSync(metaFile())) {
    // Databases made for other versions or migrations are of no further use.
    for (const old of fs.readdirSync(BENCH_DIR).filter((f) => f.startsWith('bench-v'))) {
      fs.rmSync(path.join(BENCH_DIR, old), { force: true });
    }
    const tmp = `${file}.tmp`;
    log(`generating the benchmark database (generator v${GENERATOR_VERSION}: ${FULL_SIZE.articles} stories, ${FULL_SIZE.votes} votes, ${FULL_SIZE.shareClicks} share clicks)…`);
    const now = Math.floor(Date.now() / HOUR) * HOUR;
    const db = openDatabase(tmp);
    let summary: GenerateSummary;
    try {
      migrateDatabase(db);
      // A throwaway file: a rollback journal without fsync is several times faster than WAL here.
      db.$client.pragma('journal_mode = DELETE');
      db.$client.pragma('synchronous = OFF');
      summary = generateBenchData(db, { ...FULL_SIZE, now });
      db.$client.prepare("insert into settings (key, value) values ('benchAnchor', ?)").run(String(now));
      db.$client.pragma('journal_mode = WAL');
    } finally {
      db.$client.close();
    }
    removeDatabase(file);
    fs.renameSync(tmp, file);
    fs.writeFileSync(metaFile(), JSON.stringify({ generatorVersion: GENERATOR_VERSION, summary } satisfies Meta, null, 2));
    log(`generated in ${summary.seconds.toFixed(1)} s: ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);
  }
  rebaseTimes(file, log);
  return { file, meta: JSON.parse(fs.readFileSync(metaFile(), 'utf8')) as Meta };
}

/**
 * Shifts every stored time by whole hours so the data ends about now, keeping vote_hourly's buckets
 * and share_clicks' days consistent with the votes. Takes a few seconds; done at most every 6 hours.
 */
function rebaseTimes(file: string, log: (line: string) => void) {
  const db = openDatabase(file);
  try {
    const sqlite = db.$client;
    const anchor = Number((sqlite.prepare("select value from settings where key = 'benchAnchor'").get() as { value: string } | undefined)?.value);
    if (!Number.isFinite(anchor)) throw new Error(`${file} has no benchAnchor setting; delete it to regenerate`);
    const shift = Math.floor((Date.now() - anchor) / HOUR) * HOUR;
    if (shift < REBASE_AFTER_MS) return;
    const started = performance.now();
    const days = Math.floor(shift / 86_400_000);
    sqlite.pragma('synchronous = OFF');
    sqlite.transaction(() => {
      for (const column of ['published_at', 'created_at', 'updated_at', 'revised_at']) {
        sqlite.prepare(`update articles set ${column} = ${column} + ? where ${column} is not null`).run(shift);
      }
      sqlite.prepare('update votes set created_at = created_at + ?, updated_at = updated_at + ?, voided_at = voided_at + ?').run(shift, shift, shift);
      // Two steps through negative values, so no row collides with another's old primary key.
      sqlite.prepare('update vote_hourly set hour = -(hour + ?)').run(shift);
      sqlite.prepare('update vote_hourly set hour = -hour').run();
      if (days > 0) {
        sqlite.prepare("update share_clicks set day = '~' || date(day, ?)").run(`+${days} days`);
        sqlite.prepare('update share_clicks set day = substr(day, 2)').run();
      }
      sqlite.prepare("update settings set value = ? where key = 'benchAnchor'").run(String(anchor + shift));
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    log(`moved the benchmark data ${(shift / HOUR).toFixed(0)} h forward in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    db.$client.close();
  }
}

/** A private copy of the cached database for one run: votes cast during the run stay out of the cache. */
export function copyForRun(file: string): { file: string; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-bench-'));
  const copy = path.join(dir, 'bench.db');
  fs.copyFileSync(file, copy);
  return { file: copy, dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const stampFile = () => path.join(root, BUILD_DIST_DIR, 'moodwire-bench.json');

/**
 * Builds into bench/next-build when it is missing, older than the sources, or made for another
 * generator version. The home and static pages are prerendered from `databaseFile`.
 */
export function ensureBenchBuild({ databaseFile, env, force, log }: { databaseFile: string; env: NodeJS.ProcessEnv; force: boolean; log: (line: string) => void }): boolean {
  let stamp: { generatorVersion?: number } = {};
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile(), 'utf8')) as typeof stamp;
  } catch {
    // no stamp: build
  }
  if (!force && stamp.generatorVersion === GENERATOR_VERSION && !buildIsStale(root, BUILD_DIST_DIR)) return false;
  log(`building into ${BUILD_DIST_DIR} (next build; a few minutes on 2 cores)…`);
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, MOODWIRE_DIST_DIR: BUILD_DIST_DIR, DATABASE_PATH: databaseFile },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  fs.writeFileSync(stampFile(), JSON.stringify({ generatorVersion: GENERATOR_VERSION }));
  stampBuild(root, BUILD_DIST_DIR);
  return true;
}

/**
 * A fresh copy of the build for this run: pages Next renders and caches on disk (ISR) during a run
 * land here and are thrown away with it, so every run starts from the same cache state.
 */
export function copyBuildForRun(): void {
  const from = path.join(root, BUILD_DIST_DIR);
  const to = path.join(root, RUN_DIST_DIR);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, filter: (src) => path.relative(from, src) !== 'cache' });
}
