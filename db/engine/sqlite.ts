// The SQLite engine: one file, two connections per process.
// - The read connection serves everything outside a transaction. `query_only` makes a write that
//   forgot its transaction fail loudly; WAL gives it the last committed state.
// - The write connection is used only inside transaction(), one at a time (an async mutex): a
//   better-sqlite3 connection cannot host two overlapping async transactions, because another
//   request's statement would run inside yours between two awaits.
// Unconverted code still uses the synchronous getDb() connection of db/index.ts meanwhile.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { makePrivateDir } from '../config';
import { migrateDatabase, migrationsFolder, openDatabase, type DB } from '../client';
import * as schema from '../schema/sqlite';
import { writeUnavailable, type WriteUnavailable } from '../write-errors';
import { fragmentsFor } from './fragments';
import { ScopedStorage } from './scoped-storage.cjs';
import { sqliteSearch } from './sqlite-search';
import { NestedTransactionError, type AppDb, type Engine, type MigrationState, type Prepared } from './types';

export type SqliteEngineOptions = {
  file: string;
  readonly?: boolean;
  /** decision 014's test hook: caps the write connection at this many pages */
  maxPageCount?: number;
};

/** Runs async functions one at a time, in call order. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Compiled statements kept per connection, least recently used dropped first. */
const KEPT_STATEMENTS = 256;

/**
 * Keeps `client`'s compiled statements by their SQL text. drizzle asks better-sqlite3 to compile
 * every query it runs, each time: about a tenth of a vote's CPU went to SQLite's compiler, and as
 * much of a story's first render (issue 16). A statement is handed out again in object mode (drizzle
 * switches it to raw mode itself where it wants arrays); one still stepping through rows (busy)
 * is never handed out: its caller gets a fresh one.
 */
export function reuseStatements(client: Database.Database, kept = KEPT_STATEMENTS): Database.Database {
  const compile = client.prepare.bind(client);
  const statements = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    const known = statements.get(source);
    if (known && !known.busy) {
      statements.delete(source);
      statements.set(source, known);
      if (known.reader) known.raw(false).pluck(false).expand(false);
      return known;
    }
    const fresh = compile(source);
    if (known) return fresh;
    statements.set(source, fresh);
    if (statements.size > kept) statements.delete(statements.keys().next().value!);
    return fresh;
  }) as Database.Database['prepare'];
  return client;
}

type Runner = BetterSQLite3Database<typeof schema>;
const runner = (db: AppDb) => db as unknown as Runner;

export function createSqliteEngine(options: SqliteEngineOptions): Engine {
  const readonly = options.readonly ?? false;
  let reader: { client: Database.Database; db: Runner } | undefined;
  let writer: DB | undefined;
  const mutex = new Mutex();
  // prepared(): per connection (the read one, the write one), each statement compiled once.
  const preparedBy = new WeakMap<AppDb, Map<string, Prepared<unknown>>>();
  // Enabled only while a transaction runs: an idle one would tax every promise of every page.
  const inTransaction = new ScopedStorage<{ active: boolean }>();

  function read(): Runner {
    if (!reader) {
      if (!readonly) makePrivateDir(path.dirname(options.file));
      // The writer creates the file and sets WAL (a persistent property of the file) when it is new.
      if (!fs.existsSync(options.file) && !readonly) write();
      const client = reuseStatements(new Database(options.file, { readonly, fileMustExist: true }));
      client.pragma('busy_timeout = 5000');
      client.pragma('foreign_keys = ON');
      client.pragma('query_only = 1');
      reader = { client, db: drizzle(client, { schema }) };
    }
    return reader.db;
  }

  function write(): DB {
    if (!writer) {
      writer = openDatabase(options.file, { readonly });
      reuseStatements(writer.$client);
      if (options.maxPageCount) writer.$client.pragma(`max_page_count = ${options.maxPageCount}`);
    }
    return writer;
  }

  const engine: Engine = {
    kind: 'sqlite',
    get db() {
      return read() as unknown as AppDb;
    },

    async transaction(fn) {
      if (inTransaction.getStore()?.active) throw new NestedTransactionError();
      return mutex.run(() => {
        const state = { active: true };
        return inTransaction.run(state, async () => {
          const w = write();
          w.$client.exec('BEGIN IMMEDIATE');
          try {
            const result = await fn(w as unknown as AppDb);
            w.$client.exec('COMMIT');
            return result;
          } catch (error) {
            if (w.$client.inTransaction) w.$client.exec('ROLLBACK');
            throw error;
          } finally {
            state.active = false;
          }
        });
      });
    },

    async rows<T>(db: AppDb, query: SQL) {
      return runner(db).all<T>(query);
    },

    async execute(db: AppDb, query: SQL) {
      return runner(db).run(query).changes;
    },

    // A transaction's tx is the write connection itself: its statements are kept with it.
    prepared(db, name, build) {
      let kept = preparedBy.get(db);
      if (!kept) {
        kept = new Map();
        preparedBy.set(db, kept);
      }
      let statement = kept.get(name);
      if (!statement) {
        statement = build(db).prepare(name);
        kept.set(name, statement);
      }
      return statement as Prepared<never>;
    },

    // BEGIN IMMEDIATE has taken the database's one write lock: no other writer runs until COMMIT.
    async lockRows() {},
    async lockKey() {},
    async lockKeyShared() {},
    async tryLockKey() {
      return true;
    },
    async runAlone(_job, fn) {
      return { ran: true, value: await fn() };
    },

    sql: fragmentsFor('sqlite'),
    search: sqliteSearch,

    async migrate() {
      await mutex.run(async () => migrateDatabase(write()));
    },

    async migrationState(): Promise<MigrationState> {
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      const applied = read().get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`)?.n ?? 0;
      return { applied, expected: journal.entries.length };
    },

    // Takes the write lock for at most 200 ms (another process holding it means "busy") and stages a
    // row that is rolled back, because a read-only connection is only refused at its first real write.
    async probeWrite(): Promise<WriteUnavailable | undefined> {
      if (readonly) return 'read-only';
      return mutex.run(async () => {
        let client: Database.Database;
        try {
          client = write().$client;
        } catch (error) {
          const kind = writeUnavailable(error);
          if (kind) return kind;
          throw error;
        }
        const previous = client.pragma('busy_timeout', { simple: true }) as number;
        client.pragma('busy_timeout = 200');
        try {
          client.exec('BEGIN IMMEDIATE');
          try {
            client
              .prepare("insert or replace into rate_limits (key, window_start, count) values ('health:probe', 0, 0)")
              .run();
          } finally {
            client.exec('ROLLBACK');
          }
          return undefined;
        } catch (error) {
          const kind = writeUnavailable(error);
          if (kind) return kind;
          throw error;
        } finally {
          client.pragma(`busy_timeout = ${previous}`);
        }
      });
    },

    async close() {
      await mutex.run(async () => {
        reader?.client.close();
        writer?.$client.close();
        reader = undefined;
        writer = undefined;
      });
    },
  };
  return engine;
}
