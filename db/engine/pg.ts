// The PostgreSQL engine: drizzle on node-postgres with one pool per process (DATABASE_POOL_SIZE).
// Sessions are read-only by default, so a write outside transaction() fails loudly, as on SQLite;
// transaction() opens READ WRITE transactions (READ COMMITTED unless asked for SERIALIZABLE) and
// retries the whole callback on serialization failures and deadlocks.
import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../schema/pg';
import { errorCode, writeUnavailable, type WriteUnavailable } from '../write-errors';
import { fragmentsFor } from './fragments';
import { ScopedStorage } from './scoped-storage.cjs';
import { pgSearch } from './pg-search';
import { NestedTransactionError, type AppDb, type Engine, type MigrationState, type Prepared } from './types';

/** drizzle's prepared query for node-postgres: it runs on its `client` (drizzle-orm/node-postgres/session.js). */
type KeptStatement = Prepared<unknown> & { client: unknown };

export type PgEngineOptions = {
  url: string;
  poolSize?: number;
  readonly?: boolean;
  /** Waiting longer than this for a row lock gives 55P03 ('busy'), as SQLite's busy timeout does. */
  lockTimeoutMs?: number;
};

// count(*), sum() and bigint columns come back as JavaScript numbers, as they do from SQLite. Our
// int8 values are counts and millisecond times, far below 2^53; a larger one is refused rather than
// silently rounded. numeric (sum of bigint, avg) likewise.
function toSafeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) && Number.isInteger(n))
    throw new RangeError(`PostgreSQL returned ${text}, beyond JavaScript's exact integers`);
  return n;
}
pg.types.setTypeParser(pg.types.builtins.INT8, toSafeNumber);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (text: string) => Number(text));

const RETRYABLE = new Set(['40001', '40P01']);
const MIGRATION_LOCK = 0x6d6f6f64; // 'mood': one migrator at a time across every server process

export function pgMigrationsFolder(): string {
  return path.join(process.cwd(), 'drizzle', 'pg');
}

type Runner = NodePgDatabase<typeof schema>;
const runner = (db: AppDb) => db as unknown as Runner;
/** This process's row for the write probe (never committed). */
const probeKey = `health:probe:${randomBytes(6).toString('hex')}`;

/** Longer than the pool's own connection timeout (5 s), which should fire first. */
const CHECKOUT_DEADLINE_MS = 6_000;

/**
 * Every checkout, by query or by transaction, answers within `deadlineMs`. node-postgres's pool can
 * leave a checkout waiting for good after a connection attempt timed out (brianc/node-postgres#3721;
 * seen in the cluster test as votes never answered, decision 057). Past the deadline the caller gets
 * the pool's own timeout error (a 503 "busy" for a vote), and a connection that arrives later is given
 * back to the pool.
 */
export function boundCheckouts(pool: pg.Pool, deadlineMs: number): void {
  type Done = (err?: Error | boolean) => void;
  type Callback = (err: Error | undefined, client?: pg.PoolClient, done?: Done) => void;
  const connect = pool.connect.bind(pool) as unknown as (cb: Callback) => void;
  const bounded = (callback?: Callback): Promise<pg.PoolClient> | undefined => {
    let answer!: Callback;
    const promise = callback
      ? undefined
      : new Promise<pg.PoolClient>((resolve, reject) => {
          answer = (err, client) => (err ? reject(err) : resolve(client!));
        });
    if (callback) answer = callback;
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      answer(new Error('timeout exceeded when trying to connect'));
    }, deadlineMs);
    connect((err, client, done) => {
      clearTimeout(timer);
      if (settled) {
        if (client && done) done();
        return;
      }
      settled = true;
      answer(err, client, done);
    });
    return promise;
  };
  pool.connect = bounded as unknown as typeof pool.connect;
}

export function createPgEngine(options: PgEngineOptions): Engine {
  const readonly = options.readonly ?? false;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'moodwire',
    options: `-c default_transaction_read_only=on -c lock_timeout=${options.lockTimeoutMs ?? 5_000}`,
  });
  // An idle connection that the server closed: the pool drops it; the next query opens another.
  pool.on('error', () => {});
  boundCheckouts(pool, CHECKOUT_DEADLINE_MS);
  const db = drizzle(pool, { schema });
  // Enabled only while a transaction runs: an idle one would tax every promise of every page.
  const inTransaction = new ScopedStorage<{ active: boolean }>();
  const preparedStatements = new Map<string, KeptStatement>();

  async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await fn(client);
    } catch (error) {
      if (writeUnavailable(error) === 'unreachable') broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  const engine: Engine = {
    kind: 'postgres',
    db: db as unknown as AppDb,

    async transaction(fn, { isolation = 'read committed', retries = 5 } = {}) {
      if (inTransaction.getStore()?.active) throw new NestedTransactionError();
      for (let attempt = 0; ; attempt++) {
        const state = { active: true };
        try {
          return await inTransaction.run(state, () =>
            db.transaction((tx) => fn(tx as unknown as AppDb), {
              isolationLevel: isolation,
              accessMode: readonly ? 'read only' : 'read write',
            }),
          );
        } catch (error) {
          const code = errorCode(error);
          if (!code || !RETRYABLE.has(code) || attempt >= retries) throw error;
          // Back off a little, randomly, so that the transactions that collided do not collide again.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
        } finally {
          state.active = false;
        }
      }
    },

    async rows<T>(runnerDb: AppDb, query: SQL) {
      const result = await runner(runnerDb).execute(query);
      return result.rows as T[];
    },

    async execute(runnerDb: AppDb, query: SQL) {
      const result = await runner(runnerDb).execute(query);
      return result.rowCount ?? 0;
    },

    // Built once on the pool, under its name (node-postgres then parses it once per connection); a
    // transaction's copy runs on the transaction's connection.
    prepared(runnerDb, name, build) {
      let statement = preparedStatements.get(name);
      if (!statement) {
        statement = build(db as unknown as AppDb).prepare(name) as unknown as KeptStatement;
        preparedStatements.set(name, statement);
      }
      if (runnerDb === (db as unknown as AppDb)) return statement as unknown as Prepared<never>;
      const client = (runnerDb as unknown as { session: { client: pg.PoolClient } }).session.client;
      return Object.create(statement, { client: { value: client } }) as Prepared<never>;
    },

    async lockRows(tx, table, where) {
      await runner(tx).execute(sql`select 1 from ${table} where ${where} for update`);
    },

    async lockKey(tx, key) {
      await runner(tx).execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    },

    async lockKeyShared(tx, key) {
      await runner(tx).execute(sql`select pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`);
    },

    async tryLockKey(tx, key) {
      const result = await runner(tx).execute<{ ok: boolean }>(
        sql`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as ok`,
      );
      return result.rows[0]?.ok === true;
    },

    // The lock belongs to the session: the connection is kept out of the pool while the job runs (the
    // job's own queries use other connections) and given back once the lock is released.
    async runAlone(job, fn) {
      const key = `job:${job}`;
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const taken = await client.query<{ ok: boolean }>(
          'select pg_try_advisory_lock(hashtextextended($1, 0)) as ok',
          [key],
        );
        if (taken.rows[0]?.ok !== true) return { ran: false };
        try {
          return { ran: true, value: await fn() };
        } finally {
          await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch((error: Error) => {
            // Closing the connection ends the session, and the lock with it.
            broken = error;
          });
        }
      } finally {
        client.release(broken);
      }
    },

    sql: fragmentsFor('postgres'),
    search: pgSearch,

    // Two servers starting at once must not both run the migrations: an advisory lock makes the second
    // wait, then find nothing left to do. Its own connection, because the pool's sessions are read-only.
    async migrate() {
      const client = new pg.Client({ connectionString: options.url, application_name: 'moodwire migrate' });
      await client.connect();
      try {
        await client.query(`select pg_advisory_lock(${MIGRATION_LOCK})`);
        try {
          await migrate(drizzle(client), { migrationsFolder: pgMigrationsFolder() });
        } finally {
          await client.query(`select pg_advisory_unlock(${MIGRATION_LOCK})`);
        }
      } finally {
        await client.end();
      }
    },

    async migrationState(): Promise<MigrationState> {
      const journal = JSON.parse(fs.readFileSync(path.join(pgMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      const exists = await pool.query<{ t: string | null }>(`select to_regclass('drizzle.__drizzle_migrations') as t`);
      const applied = exists.rows[0]?.t
        ? ((await pool.query<{ n: number }>('select count(*) as n from drizzle.__drizzle_migrations')).rows[0]?.n ?? 0)
        : 0;
      return { applied, expected: journal.entries.length };
    },

    // A write staged and rolled back: it finds a read-only server, a lock held too long, a full disk
    // only when the write needs new space (health remembers failed writes for that), or no server.
    // Each server process stages its own key: the probes of several servers never queue on one row.
    async probeWrite(): Promise<WriteUnavailable | undefined> {
      if (readonly) return 'read-only';
      try {
        return await withClient(async (client) => {
          await client.query('begin read write');
          try {
            await client.query("set local lock_timeout = '200ms'");
            // A key of this process's own: probes of several servers (or of health and a vote at once)
            // never wait for each other's row, so a lock seen here is a real one.
            await client.query(
              'insert into rate_limits (key, window_start, count) values ($1, 0, 0) on conflict (key) do update set count = 0',
              [probeKey],
            );
          } finally {
            await client.query('rollback');
          }
          return undefined;
        });
      } catch (error) {
        const kind = writeUnavailable(error);
        if (kind) return kind;
        throw error;
      }
    },

    async close() {
      if (!pool.ended) await pool.end();
    },
  };
  return engine;
}
