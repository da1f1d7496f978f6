import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '@/db/client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-mig-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('apply to an empty file, twice without harm, with WAL and foreign keys on', () => {
    const file = path.join(dir, 'empty.db');
    const db = openDatabase(file);
    migrateDatabase(db);
    migrateDatabase(db);
    const tables = db.$client
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const name of [
      'articles',
      'sections',
      'votes',
      'vote_tallies',
      'media',
      'tags',
      'pages',
      'partners',
      'promos',
      'settings',
      'users',
    ]) {
      expect(tables).toContain(name);
    }
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.$client.close();
  });

  it('constrain moods and statuses in the database itself', () => {
    const db = openDatabase(path.join(dir, 'checks.db'));
    migrateDatabase(db);
    const now = Date.now();
    db.$client
      .prepare("insert into sections (slug, name, created_at, updated_at) values ('s', 'S', ?, ?)")
      .run(now, now);
    expect(() =>
      db.$client
        .prepare(
          "insert into articles (slug, title, section_id, status, created_at, updated_at) values ('a', 'A', 1, 'live', ?, ?)",
        )
        .run(now, now),
    ).toThrow(/CHECK constraint/);
    db.$client
      .prepare(
        "insert into articles (slug, title, section_id, status, created_at, updated_at) values ('a', 'A', 1, 'draft', ?, ?)",
      )
      .run(now, now);
    expect(() =>
      db.$client
        .prepare(
          "insert into votes (article_id, reader_id, mood, created_at, updated_at) values (1, 'r', 'furious', ?, ?)",
        )
        .run(now, now),
    ).toThrow(/CHECK constraint/);
    db.$client
      .prepare("insert into votes (article_id, reader_id, mood, created_at, updated_at) values (1, 'r', 'angry', ?, ?)")
      .run(now, now);
    expect(() =>
      db.$client
        .prepare("insert into votes (article_id, reader_id, mood, created_at, updated_at) values (1, 'r', 'sad', ?, ?)")
        .run(now, now),
    ).toThrow(/UNIQUE constraint/);
    db.$client.close();
  });
});
