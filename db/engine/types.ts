// The seam between query code and the two database engines. Query code (db/queries) is written once
// against AppDb, with drizzle's query builder and the `sql` template, always awaited; what truly
// differs between SQLite and PostgreSQL sits behind Engine, in db/engine/sqlite.ts and db/engine/pg.ts.
// Rules and examples: docs/decisions/023-postgresql-beside-sqlite.md and docs/data-layer-conversion.md.
import type { SQL } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { SearchTerm } from '@/lib/search-query';
import type * as sqliteSchema from '../schema/sqlite';
import type { WriteUnavailable } from '../write-errors';
import type { EngineKind } from './config';

export type { EngineKind };

type CanonicalDb = BetterSQLite3Database<typeof sqliteSchema>;

/**
 * What query code may call on a database or a transaction: the builders both dialects share. It is
 * typed as SQLite's (the canonical dialect); on PostgreSQL the same calls run on node-postgres. Await
 * every builder: `.all()/.get()/.run()/.values()` exist only on SQLite (eslint forbids them in
 * converted modules). Raw SQL goes through rows()/execute() in db/engine.
 */
export type AppDb = Pick<
  CanonicalDb,
  'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | '$with' | 'with' | '$count' | 'query'
>;

/** A statement kept by prepared(): run it with its placeholders' values. */
export interface Prepared<R> {
  execute(values?: Record<string, unknown>): PromiseLike<R>;
}

/** A query builder with sql.placeholder() values, as prepared() takes it. */
export interface Preparable<R> {
  prepare(name: string): Prepared<R>;
}

/** A table of '@/db/schema', for lockRows(). */
export type AppTable = SQLiteTable;

export type TransactionOptions = {
  /**
   * PostgreSQL: 'read committed' (default) with explicit row locks (lockRows) for read-check-write, or
   * 'serializable' where a predicate over many rows must hold ("not the last administrator"). SQLite
   * runs every write transaction alone (BEGIN IMMEDIATE), which is at least as strict as both.
   */
  isolation?: 'read committed' | 'serializable';
  /**
   * PostgreSQL only: how many times the whole callback is run again after a serialization failure
   * or a deadlock (40001, 40P01). Default 5. The callback may therefore run more than once: keep
   * side effects (cache revalidation, e-mail) after the transaction.
   */
  retries?: number;
};

/** SQL pieces whose spelling differs between the engines. Pure: no connection needed. */
export interface SqlFragments {
  /** A condition that is nearly always true (SQLite's likely(): a planner hint); on PostgreSQL the condition itself. */
  likely(condition: SQL): SQL;
  /** 1 when the condition holds, else 0, as an integer expression. */
  asInt(condition: SQL): SQL;
  /** Whether `needle` occurs in `haystack` (case-sensitive): instr() / strpos(). */
  contains(haystack: SQL, needle: SQL | string): SQL;
  /** The UTC day (YYYY-MM-DD) of a millisecond timestamp expression. */
  utcDay(ms: SQL): SQL;
  /** The larger of two values (scalar): max(a, b) / greatest(a, b). */
  greatest(a: SQL, b: SQL): SQL;
  /** The values of `expr` joined by `separator`, an aggregate: group_concat() / string_agg(). */
  stringAgg(expr: SQL, separator: string): SQL;
  /** SQLite's `indexed by <index>` hint after a table name; nothing on PostgreSQL. */
  indexedBy(index: string): SQL;
  /**
   * At the end of a select in a transaction: lock the rows it returns and pass over rows another
   * transaction has locked (PostgreSQL `for update skip locked`: servers claiming work each take
   * different rows, without waiting). Nothing on SQLite, where write transactions run one at a time.
   */
  forUpdateSkipLocked(): SQL;
}

/** A search, as the engine's full-text index answers it; db/queries/search.ts adds filters and paging. */
export type SearchPlan = {
  /** common table expressions the plan needs, without the leading `with` */
  ctes: SQL[];
  /** the table expression to select from: joins `articles` (by its own name) to the matches */
  from: SQL;
  /** further conditions every match must meet (exact substrings) */
  where: SQL[];
  /** the order of relevance, ascending (best first); null: newest first */
  score: SQL | null;
};

export type MarkedText = { title: string; standfirst: string; body: string };

export interface FullTextSearch {
  /** 'none' when a term cannot match anything; null when there are no terms (plain listing). */
  plan(db: AppDb, terms: readonly SearchTerm[]): Promise<SearchPlan | 'none' | null>;
  /**
   * For stories matched by word terms: title and standfirst with every match marked (MARK_OPEN /
   * MARK_CLOSE), and the body's best passage (marked).
   */
  highlight(db: AppDb, ids: readonly number[], terms: readonly SearchTerm[]): Promise<Map<number, MarkedText>>;
}

export type MigrationState = { applied: number; expected: number };

export type JobOutcome<T> = { ran: true; value: T } | { ran: false };

export interface Engine {
  readonly kind: EngineKind;
  /**
   * Reads outside a transaction. It refuses writes on both engines (SQLite: a query_only connection;
   * PostgreSQL: read-only sessions), so a write that forgot its transaction fails loudly. Inside a
   * transaction use its `tx`: this connection does not see the transaction's own writes.
   */
  readonly db: AppDb;
  /**
   * One read-write transaction: committed when `fn` resolves, rolled back when it throws. SQLite: one
   * at a time per process (an async mutex), BEGIN IMMEDIATE. PostgreSQL: a pooled connection, READ
   * COMMITTED unless asked otherwise, retried on serialization failures. Nested calls throw: pass the
   * `tx` on instead.
   */
  transaction<T>(fn: (tx: AppDb) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Raw SQL that returns rows (column names as written in the query). */
  rows<T>(runner: AppDb, query: SQL): Promise<T[]>;
  /** Raw SQL that changes rows; returns how many. */
  execute(runner: AppDb, query: SQL): Promise<number>;
  /**
   * The statement `name`, built by `build` with sql.placeholder() for its values the first time it
   * is asked for, and kept: SQLite keeps it compiled per connection, PostgreSQL prepares it once per
   * connection under that name. Runs on `runner` (a transaction's tx, or the read connection).
   */
  prepared<R>(runner: AppDb, name: string, build: (db: AppDb) => Preparable<R>): Prepared<R>;
  /**
   * Locks the rows of `table` matching `where` until the transaction ends (PostgreSQL `FOR UPDATE`),
   * so a read-check-write sees no concurrent change between its read and its write. A no-op on
   * SQLite, where BEGIN IMMEDIATE already runs writers one at a time.
   */
  lockRows(tx: AppDb, table: AppTable, where: SQL): Promise<void>;
  /**
   * Locks a name until the transaction ends (PostgreSQL advisory lock), for a check over rows that
   * may not exist yet. A no-op on SQLite, for the same reason.
   */
  lockKey(tx: AppDb, key: string): Promise<void>;
  /**
   * Takes a name shared until the transaction ends (PostgreSQL shared advisory lock): holders of the
   * shared lock do not wait for each other, only for a holder of lockKey() on the same name, and it for
   * them. A no-op on SQLite.
   */
  lockKeyShared(tx: AppDb, key: string): Promise<void>;
  /**
   * Takes a name until the transaction ends if no one else holds it, without waiting (PostgreSQL
   * pg_try_advisory_xact_lock); false when another transaction, on any server, holds it. Always true
   * on SQLite.
   */
  tryLockKey(tx: AppDb, key: string): Promise<boolean>;
  /**
   * Runs a periodic job unless another process, on any server, is running the job of that name
   * (PostgreSQL: a session advisory lock, pg_try_advisory_lock, held on a pooled connection of its own
   * until `fn` settles; a server that dies mid-job loses its connection and so the lock). Never waits:
   * `{ ran: false }` when the job is running elsewhere. SQLite (one machine): always runs it.
   */
  runAlone<T>(job: string, fn: () => Promise<T>): Promise<JobOutcome<T>>;
  readonly sql: SqlFragments;
  readonly search: FullTextSearch;
  /** Applies this engine's migrations (drizzle/sqlite or drizzle/pg); safe to run from several processes at once. */
  migrate(): Promise<void>;
  migrationState(): Promise<MigrationState>;
  /** Why a write would fail right now (read-only, locked, unreachable…), or undefined when it would not. */
  probeWrite(): Promise<WriteUnavailable | undefined>;
  close(): Promise<void>;
}

export class NestedTransactionError extends Error {
  constructor() {
    super(
      'transaction() was called inside a transaction: pass the outer transaction (tx) to the code that needs it instead.',
    );
    this.name = 'NestedTransactionError';
  }
}
