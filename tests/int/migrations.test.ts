import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsFolder, openDatabase } from '@/db/client';

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

  it('kept the SQLite migrations as existing sites applied them: same files, same hashes, same times', () => {
    // drizzle's migrator runs every migration newer than the last row of __drizzle_migrations (by
    // created_at, the journal's "when"). These are the rows every SQLite site has had since before
    // drizzle/ was split per engine: a database migrated from the old folder finds nothing to re-run.
    const shipped = [
      ['0000_init', 1795639761502, 'eceec12e336e933bb1906e8cd7c44a4fab2c9adca40dccf74478d4d1280abcfe'],
      ['0001_search_filter_index', 1795640614421, 'b459e1111846e706295c99b32c697b699c3a0582e37b6959a01bd45809fe01e0'],
      ['0002_search_index', 1795640616631, '42ec6d5876c6de03193db3a22b42fc7568ee12a8ed97de53b544b98f0705d2e8'],
      ['0003_listing_indexes', 1795647027569, 'ceae0314153c8000024a8b66315f6435d4ffd53d07e564b58bffb0665150e87e'],
      [
        '0004_vote_hourly_covering_index',
        1795654401316,
        'ff28d1c67fa666d333e14d6ff3ce4034f4de92a11ca422151da53fc8d3fe66eb',
      ],
    ] as const;
    expect(migrationsFolder()).toMatch(/drizzle[\\/]sqlite$/);
    const db = openDatabase(path.join(dir, 'pinned.db'));
    migrateDatabase(db);
    const applied = () =>
      db.$client.prepare('select hash, created_at as createdAt from __drizzle_migrations order by id').all() as {
        hash: string;
        createdAt: number;
      }[];
    expect(applied().slice(0, shipped.length)).toEqual(shipped.map(([, createdAt, hash]) => ({ hash, createdAt })));
    const count = applied().length;
    migrateDatabase(db);
    expect(applied()).toHaveLength(count);
    db.$client.close();
  });
});
