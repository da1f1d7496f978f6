// The PostgreSQL migrations (drizzle/pg): several servers may start at once; the database itself
// enforces what SQLite's does (CHECKs, uniques, foreign keys).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgEngine } from '@/db/engine/pg';
import { createEmptyPostgresDatabase } from '../../helpers/test-db';

let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
let client: pg.Client;
beforeAll(async () => {
  empty = await createEmptyPostgresDatabase();
});
afterAll(async () => {
  await client?.end();
  await empty?.cleanup();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: { code?: string }) => e.code,
  );

describe('PostgreSQL migrations', () => {
  it('three servers starting at once migrate once, and again changes nothing', async () => {
    const engines = [1, 2, 3].map(() => createPgEngine({ url: empty.url, poolSize: 1 }));
    try {
      await Promise.all(engines.map((e) => e.migrate()));
      const state = await engines[0]!.migrationState();
      expect(state.applied).toBe(state.expected);
      await engines[1]!.migrate();
      expect(await engines[1]!.migrationState()).toEqual(state);
    } finally {
      await Promise.all(engines.map((e) => e.close()));
    }
  });

  it('constrain moods, statuses, roles and one vote per reader in the database itself', async () => {
    client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    await client.query("insert into sections (slug, name, created_at, updated_at) values ('s', 'S', 0, 0)");
    expect(
      await failure(
        client.query(
          "insert into articles (slug, title, section_id, status, created_at, updated_at) values ('a', 'A', 1, 'live', 0, 0)",
        ),
      ),
    ).toBe('23514');
    // The refused row used up id 1 of the sequence, as it would on a live site.
    const article = (
      await client.query<{ id: number }>(
        "insert into articles (slug, title, section_id, status, created_at, updated_at) values ('a', 'A', 1, 'draft', 0, 0) returning id",
      )
    ).rows[0]!.id;
    const vote = (mood: string) =>
      client.query(
        `insert into votes (article_id, reader_id, mood, created_at, updated_at) values (${article}, 'r', '${mood}', 0, 0)`,
      );
    expect(await failure(vote('furious'))).toBe('23514');
    await vote('angry');
    expect(await failure(vote('sad'))).toBe('23505');
    expect(
      await failure(
        client.query(
          "insert into users (email, name, role, password_hash, created_at, updated_at) values ('x@y', 'X', 'owner', 'h', 0, 0)",
        ),
      ),
    ).toBe('23514');
    expect(await failure(client.query(`insert into article_tags values (${article}, 999)`))).toBe('23503');
  });
});
