// The running engine, chosen by DATABASE_URL (postgres://… → PostgreSQL; unset → the SQLite file at
// DATABASE_PATH), and the functions query code uses: db(), transaction(), rows(), execute(),
// lockRows(), lockKey(), dialect(). No Next.js imports: scripts and tests use it too.
import type { SQL } from 'drizzle-orm';
import { databaseMode, databasePath } from '../config';
import { engineKind, postgresPoolSize } from './config';
import { fragmentsFor } from './fragments';
import { createPgEngine } from './pg';
import { createSqliteEngine } from './sqlite';
import type {
  AppDb,
  AppTable,
  Engine,
  JobOutcome,
  Preparable,
  Prepared,
  SqlFragments,
  TransactionOptions,
} from './types';

export type {
  AppDb,
  AppTable,
  Engine,
  JobOutcome,
  Preparable,
  Prepared,
  SqlFragments,
  TransactionOptions,
} from './types';
export { NestedTransactionError } from './types';
export { engineKind } from './config';

// One engine per process, shared by every route bundle (like db/index.ts's connection). Made again
// only when the variables that choose it change, which tests do to point at their own database.
const globalForEngine = globalThis as unknown as { moodwireEngine?: { engine: Engine; key: string } };

const settingsKey = (env: NodeJS.ProcessEnv) =>
  [
    env.DATABASE_URL ?? '',
    env.DATABASE_PATH ?? '',
    env.DATABASE_READ_ONLY ?? '',
    env.DATABASE_POOL_SIZE ?? '',
    env.MOODWIRE_TEST_MAX_PAGE_COUNT ?? '',
  ].join('\u0000');

function createEngine(): Engine {
  const mode = databaseMode();
  if (engineKind() === 'postgres') {
    return createPgEngine({
      url: process.env.DATABASE_URL!.trim(),
      poolSize: postgresPoolSize(),
      readonly: mode.readonly,
    });
  }
  return createSqliteEngine({ file: databasePath(), readonly: mode.readonly, maxPageCount: mode.maxPageCount });
}

export function getEngine(): Engine {
  const key = settingsKey(process.env);
  const current = globalForEngine.moodwireEngine;
  if (current && current.key === key) return current.engine;
  if (current) void current.engine.close().catch(() => undefined);
  const engine = createEngine();
  globalForEngine.moodwireEngine = { engine, key };
  return engine;
}

/** Closes the engine's connections (scripts and tests, before they exit or drop their database). */
export async function closeEngine(): Promise<void> {
  const current = globalForEngine.moodwireEngine;
  globalForEngine.moodwireEngine = undefined;
  await current?.engine.close();
}

/** Reads outside a transaction. Inside one, use its tx. */
export const db = (): AppDb => getEngine().db;

export function transaction<T>(fn: (tx: AppDb) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return getEngine().transaction(fn, options);
}

/** Raw SQL returning rows; `runner` is a transaction's tx, or the read connection when left out. */
export function rows<T>(query: SQL, runner: AppDb = db()): Promise<T[]> {
  return getEngine().rows<T>(runner, query);
}

/** Raw SQL changing rows, inside a transaction; returns how many rows changed. */
export function execute(query: SQL, tx: AppDb): Promise<number> {
  return getEngine().execute(tx, query);
}

/**
 * A statement of a hot path (a vote), built once with sql.placeholder() values and run many times:
 * drizzle builds a query's SQL text anew each time it runs. A vote's transaction on SQLite went from
 * 0.32–0.55 to 0.13 ms of CPU with its statements kept (issue 16). `name` names one statement for
 * the whole process: one name, one build.
 *   await prepared(tx, 'votes:tallies', (d) => d.select(…).where(eq(t.id, sql.placeholder('id')))).execute({ id })
 */
export function prepared<R>(runner: AppDb, name: string, build: (db: AppDb) => Preparable<R>): Prepared<R> {
  return getEngine().prepared(runner, name, build);
}

/** Locks the matching rows until the transaction ends (PostgreSQL); SQLite needs nothing. */
export function lockRows(tx: AppDb, table: AppTable, where: SQL): Promise<void> {
  return getEngine().lockRows(tx, table, where);
}

/** Locks a name until the transaction ends (PostgreSQL); SQLite needs nothing. */
export function lockKey(tx: AppDb, key: string): Promise<void> {
  return getEngine().lockKey(tx, key);
}

/**
 * Takes a name shared until the transaction ends (PostgreSQL): shared holders run side by side, a
 * lockKey() holder of the same name runs alone. SQLite needs nothing.
 */
export function lockKeyShared(tx: AppDb, key: string): Promise<void> {
  return getEngine().lockKeyShared(tx, key);
}

/**
 * Takes a name until the transaction ends if nobody holds it, without waiting (PostgreSQL); false when
 * another transaction on any server holds it. Always true on SQLite.
 */
export function tryLockKey(tx: AppDb, key: string): Promise<boolean> {
  return getEngine().tryLockKey(tx, key);
}

/**
 * Runs a periodic job on one server at a time (PostgreSQL session advisory lock, never waited for):
 * `{ ran: false }` when another server is running it right now. SQLite: always runs (decision 056).
 */
export function runAlone<T>(job: string, fn: () => Promise<T>): Promise<JobOutcome<T>> {
  return getEngine().runAlone(job, fn);
}

/** SQL pieces spelled differently by the two engines; needs no connection. */
export const dialect = (): SqlFragments => fragmentsFor(engineKind());
