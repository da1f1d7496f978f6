// npm run backup on PostgreSQL: pg_dump's custom format, readable by pg_restore, and a restore holds
// the same site.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, createTestDatabase, type TestDatabase } from '../../helpers/test-db';

let site: TestDatabase;
let restored: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
let dir: string;
beforeAll(async () => {
  site = await createTestDatabase({ seed: true });
  restored = await createEmptyPostgresDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-pg-backup-'));
});
afterAll(async () => {
  await site?.cleanup();
  await restored?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(
      "select (select count(*) from articles) as articles, (select md5(string_agg(bytes, '' order by media_key, file)) from media_files) as photos, (select count(*) from search_documents) as indexed, (select count(*) from vote_tallies) as tallies, (select count(*) from drizzle.__drizzle_migrations) as migrations",
    );
    return r.rows[0];
  } finally {
    await client.end();
  }
}

describe('npm run backup on PostgreSQL', () => {
  it('writes a pg_dump that pg_restore reads back into the same site, uploaded photos included', async () => {
    const photo = new pg.Client({ connectionString: site.location });
    await photo.connect();
    await photo.query(
      "insert into media_files (media_key, file, content_type, size, bytes, created_at) values ('AAAAAAAAAAAAAAAAAAAAAA', '640.webp', 'image/webp', 4, '\\x52494646', 0)",
    );
    await photo.end();
    const file = path.join(dir, 'site.dump');
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/backup.ts', file], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: site.location },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/pg_restore reads it \(\d+ tables, uploaded photos included as media_files rows\)/);
    // A dump holds everything the database does: readable by its owner only (issue 15, §5).
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const restore = spawnSync('pg_restore', ['--no-owner', `--dbname=${restored.url}`, file], { encoding: 'utf8' });
    expect(restore.status, restore.stderr).toBe(0);
    expect(await counts(restored.url)).toEqual(await counts(site.location));
    expect((await counts(restored.url)).photos).toMatch(/^[0-9a-f]{32}$/);
    const again = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/backup.ts', file], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: site.location },
    });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});
