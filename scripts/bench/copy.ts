// npm run bench:copy — times db:copy of the benchmark database (10,000 stories, 1M votes) into a new
// PostgreSQL database and back into a new SQLite file, for the README. The PostgreSQL server is the one
// at BENCH_DATABASE_URL (default the local server's `postgres` database), where a database
// <name>_bench_copy is created and dropped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { copyDatabase } from '../../db/copy';
import { ensureBenchDatabase } from './prepare';

const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { file } = ensureBenchDatabase({ regenerate: false, log: (l) => console.log(l) });
  const base = new URL(serverUrl);
  const name = `${base.pathname.slice(1) || 'postgres'}_bench_copy`.replace(/[^a-z0-9_]/gi, '_');
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-bench-copy-'));
  try {
    console.log(`SQLite ${file} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) → PostgreSQL ${name}`);
    const there = await copyDatabase({ kind: 'sqlite', file }, { kind: 'postgres', url: target.toString() }, (l) =>
      console.log(l),
    );
    const rows = there.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`→ PostgreSQL: ${rows} rows in ${(there.ms / 1000).toFixed(1)} s`);
    const back = path.join(dir, 'back.db');
    const home = await copyDatabase({ kind: 'postgres', url: target.toString() }, { kind: 'sqlite', file: back });
    console.log(`→ SQLite again: ${rows} rows in ${(home.ms / 1000).toFixed(1)} s`);
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; Node ${process.version}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await admin(`drop database if exists "${name}" with (force)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
