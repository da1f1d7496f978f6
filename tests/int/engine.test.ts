// The seam itself, on both engines (vitest projects 'sqlite' and 'postgres'): transactions, locks,
// retries, numbers and booleans, the read connection, degraded states.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeEngine,
  db,
  dialect,
  engineKind,
  getEngine,
  lockRows,
  NestedTransactionError,
  prepared,
  rows,
  transaction,
} from '@/db/engine';
import { createPgEngine } from '@/db/engine/pg';
import { articles, rateLimits, sections, settings, users } from '@/db/schema';
import { writeUnavailable } from '@/db/write-errors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let temp: TestDatabase;
beforeAll(async () => {
  temp = await createTestDatabase({ seed: true });
});
afterAll(() => temp.cleanup());

/** Resolves when `open()` is called, or after `ms` at the latest. */
function gate(ms: number) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, wait: () => Promise.race([opened, new Promise<void>((r) => setTimeout(r, ms))]) };
}

const counterKey = (name: string) => `engine-test:${name}`;
async function readCounter(tx: Parameters<Parameters<typeof transaction>[0]>[0], key: string) {
  const [row] = await tx.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  return row!.count;
}

describe('transactions', () => {
  it('commit what the callback wrote, and roll everything back when it throws', async () => {
    await transaction((tx) => tx.insert(settings).values({ key: 'engine-test:kept', value: 'yes' }));
    await expect(
      transaction(async (tx) => {
        await tx.insert(settings).values({ key: 'engine-test:dropped', value: 'no' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const keys = (await db().select({ key: settings.key }).from(settings)).map((r) => r.key);
    expect(keys).toContain('engine-test:kept');
    expect(keys).not.toContain('engine-test:dropped');
  });

  it('50 read-check-writes fired at once, each with lockRows, lose no update', async () => {
    const key = counterKey('burst');
    await transaction((tx) => tx.insert(rateLimits).values({ key, windowStart: 0, count: 0 }));
    await Promise.all(
      Array.from({ length: 50 }, () =>
        transaction(async (tx) => {
          await lockRows(tx, rateLimits, eq(rateLimits.key, key));
          const count = await readCounter(tx, key);
          await tx
            .update(rateLimits)
            .set({ count: count + 1 })
            .where(eq(rateLimits.key, key));
        }),
      ),
    );
    expect(await readCounter(db(), key)).toBe(50);
  });

  it('lockRows makes a second read-check-write wait for the first to commit (no lost update)', async () => {
    const key = counterKey('pair');
    await transaction((tx) => tx.insert(rateLimits).values({ key, windowStart: 0, count: 0 }));
    const firstHasRead = gate(5_000);
    const secondHasRead = gate(300);
    const increment = (before: () => Promise<void>, after: () => void, between: () => Promise<void>) =>
      transaction(async (tx) => {
        await before();
        await lockRows(tx, rateLimits, eq(rateLimits.key, key));
        const count = await readCounter(tx, key);
        after();
        // Without the lock (PostgreSQL) the second reads the same value while the first waits here,
        // and one of the two increments is lost.
        await between();
        await tx
          .update(rateLimits)
          .set({ count: count + 1 })
          .where(eq(rateLimits.key, key));
      });
    await Promise.all([
      increment(async () => {}, firstHasRead.open, secondHasRead.wait),
      increment(firstHasRead.wait, secondHasRead.open, async () => {}),
    ]);
    expect(await readCounter(db(), key)).toBe(2);
  });

  it('serializable with retry keeps "never the last administrator" when two demote each other at once', async () => {
    const now = Date.now();
    const ids = await transaction(async (tx) =>
      (
        await tx
          .insert(users)
          .values(
            ['a', 'b'].map((n) => ({
              email: `admin-${n}@engine.test`,
              name: n,
              role: 'admin' as const,
              passwordHash: 'x',
              createdAt: now,
              updatedAt: now,
            })),
          )
          .returning({ id: users.id })
      ).map((r) => r.id),
    );
    const bothRead = [gate(500), gate(500)];
    let attempts = 0;
    const demote = (self: 0 | 1) =>
      transaction(
        async (tx) => {
          attempts++;
          const admins = await tx
            .select({ id: users.id })
            .from(users)
            .where(sql`${users.role} = 'admin' and ${users.email} like '%@engine.test'`);
          bothRead[self]!.open();
          await bothRead[1 - self]!.wait();
          if (admins.length < 2) return false;
          await tx
            .update(users)
            .set({ role: 'editor' })
            .where(eq(users.id, ids[1 - self]!));
          return true;
        },
        { isolation: 'serializable' },
      );
    const results = await Promise.all([demote(0), demote(1)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const left = await db()
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.role} = 'admin' and ${users.email} like '%@engine.test'`);
    expect(left).toHaveLength(1);
    // PostgreSQL ran one of them again after its serialization failure; SQLite ran them one after the other.
    expect(attempts).toBe(engineKind() === 'postgres' ? 3 : 2);
  });

  it('a prepared statement is built once and runs inside each transaction: it sees its writes and goes with its rollback', async () => {
    let builds = 0;
    const counter = (runner: Parameters<typeof prepared>[0]) =>
      prepared(runner, 'engine-test:counter', (d) => {
        builds++;
        return d
          .select({ count: rateLimits.count })
          .from(rateLimits)
          .where(eq(rateLimits.key, sql.placeholder('key')));
      });
    const add = (runner: Parameters<typeof prepared>[0]) =>
      prepared(runner, 'engine-test:counter-add', (d) =>
        d.insert(rateLimits).values({ key: sql.placeholder('key'), windowStart: 0, count: sql.placeholder('count') }),
      );
    const key = counterKey('prepared');
    // Uncommitted: only the transaction's own statements can see the row.
    const inside = await transaction(async (tx) => {
      await add(tx).execute({ key, count: 3 });
      return counter(tx).execute({ key });
    });
    expect(inside).toEqual([{ count: 3 }]);
    await expect(
      transaction(async (tx) => {
        await add(tx).execute({ key: counterKey('prepared-dropped'), count: 4 });
        expect(await counter(tx).execute({ key: counterKey('prepared-dropped') })).toEqual([{ count: 4 }]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await counter(db()).execute({ key: counterKey('prepared-dropped') })).toEqual([]);
    expect(await counter(db()).execute({ key })).toEqual([{ count: 3 }]);
    // Transactions at once, each on its own connection on PostgreSQL, none seeing another's row.
    const seen = await Promise.all(
      [5, 6, 7].map((count) =>
        transaction(async (tx) => {
          await add(tx).execute({ key: counterKey(`prepared-${count}`), count });
          return (await counter(tx).execute({ key: counterKey(`prepared-${count}`) }))[0]?.count;
        }),
      ),
    );
    expect(seen).toEqual([5, 6, 7]);
    // SQLite: once per connection (the read one, the write one); PostgreSQL: once.
    expect(builds).toBe(engineKind() === 'postgres' ? 1 : 2);
  });

  it('refuses a transaction inside a transaction with a clear error (no deadlock)', async () => {
    const inner = await transaction(async () => {
      try {
        await transaction(async () => 'never');
        return 'ran';
      } catch (error) {
        return error;
      }
    });
    expect(inner).toBeInstanceOf(NestedTransactionError);
  });

  it('a write outside a transaction fails loudly and writes nothing', async () => {
    const error = await db()
      .insert(settings)
      .values({ key: 'engine-test:stray', value: 'x' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeDefined();
    expect(writeUnavailable(error)).toBe('read-only');
    expect(await db().select().from(settings).where(eq(settings.key, 'engine-test:stray'))).toEqual([]);
  });
});

describe('values come back the same on both engines', () => {
  it('counts and sums are numbers; millisecond times keep their range; booleans are booleans', async () => {
    const far = Date.parse('2999-12-31T23:59:59.999Z');
    const [section] = await db().select({ id: sections.id }).from(sections).limit(1);
    const [row] = await transaction((tx) =>
      tx
        .insert(articles)
        .values({
          slug: 'far-future',
          title: 'Far future',
          sectionId: section!.id,
          status: 'scheduled',
          publishedAt: far,
          createdAt: far,
          updatedAt: far,
          votingPaused: true,
        })
        .returning({ id: articles.id, publishedAt: articles.publishedAt, votingPaused: articles.votingPaused }),
    );
    expect(row).toMatchObject({ publishedAt: far, votingPaused: true });
    const [counted] = await db()
      .select({ n: sql<number>`count(*)`, newest: sql<number>`max(${articles.publishedAt})` })
      .from(articles);
    expect(typeof counted!.n).toBe('number');
    expect(counted!.newest).toBe(far);
    const [raw] = await rows<{ n: unknown; total: unknown }>(
      sql`select count(*) as n, sum(${articles.createdAt}) as total from ${articles} where ${articles.id} = ${row!.id}`,
    );
    expect(raw).toEqual({ n: 1, total: far });
  });

  it('the dialect fragments mean the same thing', async () => {
    const f = dialect();
    const ms = Date.parse('2013-07-22T23:59:59.999Z');
    const [r] = await rows<Record<string, unknown>>(
      sql`select ${f.utcDay(sql`${ms}`)} as day, ${f.asInt(sql`1 = 1`)} as yes, ${f.asInt(sql`1 = 2`)} as no,
        ${f.contains(sql`'微信用户'`, '信用')} as found, ${f.greatest(sql`3`, sql`7`)} as most`,
    );
    expect({ ...r, found: Boolean(r!.found) }).toEqual({ day: '2013-07-22', yes: 1, no: 0, found: true, most: 7 });
    const [joined] = await rows<{ names: string }>(
      sql`select ${f.stringAgg(sql`slug`, ',')} as names from (select ${sections.slug} as slug from ${sections} order by ${sections.slug} limit 2) s`,
    );
    expect(joined!.names.split(',')).toHaveLength(2);
  });
});

describe('state of the database', () => {
  it('migrations are all applied, and a healthy database takes writes', async () => {
    const state = await getEngine().migrationState();
    expect(state.applied).toBe(state.expected);
    expect(state.expected).toBeGreaterThan(0);
    expect(await getEngine().probeWrite()).toBeUndefined();
  });

  it('DATABASE_READ_ONLY: writes are refused as read-only, reads go on', async () => {
    process.env.DATABASE_READ_ONLY = '1';
    try {
      expect(await getEngine().probeWrite()).toBe('read-only');
      const error = await transaction((tx) => tx.insert(settings).values({ key: 'engine-test:ro', value: 'x' })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(writeUnavailable(error)).toBe('read-only');
      expect((await db().select().from(sections)).length).toBeGreaterThan(0);
    } finally {
      delete process.env.DATABASE_READ_ONLY;
      await closeEngine();
    }
    expect(await getEngine().probeWrite()).toBeUndefined();
  });

  it.runIf(engineKind() === 'postgres')(
    'an unreachable server maps to "unreachable", for health and for writes',
    async () => {
      const engine = createPgEngine({ url: 'postgres://postgres@127.0.0.1:1/nothing' });
      try {
        expect(await engine.probeWrite()).toBe('unreachable');
        const error = await engine
          .transaction((tx) => tx.insert(settings).values({ key: 'x', value: 'y' }))
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(writeUnavailable(error)).toBe('unreachable');
      } finally {
        await engine.close();
      }
    },
  );
});
