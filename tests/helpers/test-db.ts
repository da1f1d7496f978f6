// A fresh database for one test file, on the engine of the vitest project that runs it: a SQLite file
// (SQLite project) or a PostgreSQL database copied from the run's migrated template (postgres
// project). Migrated, and seeded with the demo content unless asked not to. Points the process at it
// (DATABASE_PATH or DATABASE_URL), so db/engine and the query modules use it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { copyDatabase } from '@/db/copy';
import { closeEngine, engineKind } from '@/db/engine';
import type { EngineKind } from '@/db/engine/config';
import { adminQuery, databaseUrl } from './pg-admin';
import { createTempDatabase } from './temp-db';

export type TestDatabase = {
  kind: EngineKind;
  /** the SQLite file, or the PostgreSQL address */
  location: string;
  cleanup: () => Promise<void>;
};

/** A seeded SQLite file in a folder of its own; the caller removes the folder. */
function seededSqliteFile(now: number): { dir: string; file: string } {
  const previous = process.env.DATABASE_PATH;
  const temp = createTempDatabase({ now, seed: true });
  process.env.DATABASE_PATH = previous;
  temp.db.$client.close();
  return { dir: path.dirname(temp.file), file: temp.file };
}

export async function createTestDatabase({
  seed = true,
  now = Date.now(),
}: { seed?: boolean; now?: number } = {}): Promise<TestDatabase> {
  if (engineKind() === 'sqlite') {
    const temp = createTempDatabase({ seed, now });
    return {
      kind: 'sqlite',
      location: temp.file,
      cleanup: async () => {
        await closeEngine();
        temp.cleanup();
      },
    };
  }
  const template = inject('pgTemplate');
  const name = `${template.replace(/template$/, '')}f${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(`create database "${name}" template "${template}"`);
  const url = databaseUrl(name);
  if (seed) {
    // The demo content is written once, for SQLite (db/seed), and moved the way a site moves: db:copy.
    const source = seededSqliteFile(now);
    try {
      await copyDatabase({ kind: 'sqlite', file: source.file }, { kind: 'postgres', url });
    } finally {
      fs.rmSync(source.dir, { recursive: true, force: true });
    }
  }
  process.env.DATABASE_URL = url;
  return {
    kind: 'postgres',
    location: url,
    cleanup: async () => {
      await closeEngine();
      await adminQuery(`drop database if exists "${name}" with (force)`);
    },
  };
}

/** A PostgreSQL database with nothing in it (not even migrations), for migration tests; dropped by cleanup. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const template = inject('pgTemplate');
  const name = `${template.replace(/template$/, '')}e${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(`create database "${name}"`);
  return {
    url: databaseUrl(name),
    cleanup: () => adminQuery(`drop database if exists "${name}" with (force)`).then(() => undefined),
  };
}
