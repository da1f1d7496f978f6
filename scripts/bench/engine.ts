// npm run bench -- --db postgres: the benchmark on PostgreSQL. The run's SQLite copy of the benchmark
// database (1,000,000 votes) is moved into a fresh PostgreSQL database `moodwire_bench` the way a site
// moves (db:copy: migrate, then copy), and the server and the insights timings get DATABASE_URL.
// The server address is BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/moodwire_bench);
// the database named there is dropped and made again at each run.
import pg from 'pg';
import { copyDatabase } from '../../db/copy';
import { redactUrl } from '../../db/engine/config';

export type BenchEngine = 'sqlite' | 'postgres';

export const DEFAULT_BENCH_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/moodwire_bench';

/** The --db option: sqlite (the default) or postgres; anything else is refused with a message. */
export function benchEngine(value: string | undefined): BenchEngine {
  if (value === undefined || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`--db takes sqlite or postgres, not ${JSON.stringify(value)}.`);
}

export function benchPostgresUrl(): string {
  return process.env.BENCH_POSTGRES_URL?.trim() || DEFAULT_BENCH_POSTGRES_URL;
}

/** Runs `fn` on the server's maintenance database (postgres), where databases are created and dropped. */
async function onServer(url: string, fn: (client: pg.Client) => Promise<void>) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), application_name: 'moodwire bench' });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes the benchmark's PostgreSQL database from the run's SQLite file: dropped if it exists, created,
 * migrated and filled by db:copy. Returns what the server's environment needs.
 */
export async function preparePostgresBench(
  sqliteFile: string,
  log: (line: string) => void,
): Promise<{ url: string; env: { DATABASE_URL: string } }> {
  const url = benchPostgresUrl();
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`BENCH_POSTGRES_URL must name a database of lower-case letters, digits and _: ${name}`);
  const started = Date.now();
  await onServer(url, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
  await copyDatabase({ kind: 'sqlite', file: sqliteFile }, { kind: 'postgres', url });
  log(`PostgreSQL ${redactUrl(url)} made from the run's database in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { url, env: { DATABASE_URL: url } };
}
