// The demo publication on PostgreSQL: written once for SQLite (./index.ts) and moved the way a real
// site moves, with db:copy. No Next.js imports (npm start and the tests use it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../client';
import { copyDatabase } from '../copy';
import { seedDemoContent, type RenderBody } from './index';

/** Whether the (migrated) PostgreSQL database has no content yet. */
export async function isPostgresEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('select 1 from sections limit 1')).rows.length === 0;
  } finally {
    await client.end();
  }
}

/**
 * Seeds the demo content into an empty PostgreSQL database; returns the number of stories. `render`
 * as for seedDemoContent (scripts/lib/seed-demo.ts passes the editor's).
 */
export async function seedPostgres(
  url: string,
  { render, now = Date.now(), activity = false }: { render: RenderBody; now?: number; activity?: boolean },
): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-seed-'));
  try {
    const file = path.join(dir, 'demo.db');
    const db = openDatabase(file);
    migrateDatabase(db);
    const { articles } = seedDemoContent(db, { render, now, activity });
    db.$client.close();
    await copyDatabase({ kind: 'sqlite', file }, { kind: 'postgres', url });
    return articles;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
