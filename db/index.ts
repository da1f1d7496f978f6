// The synchronous SQLite connection of the server process, for code not yet converted to db/engine
// (docs/data-layer-conversion.md). It refuses to run on PostgreSQL rather than read a stray SQLite file.
import 'server-only';
import { databaseMode, databasePath } from './config';
import { openDatabase, type DB } from './client';
import { engineKind } from './engine/config';

const globalForDb = globalThis as unknown as { moodwireDb?: { db: DB; env: string | undefined } };

/**
 * Opened lazily on first use. Reopened only if DATABASE_PATH changes, which happens in tests that
 * point each file at its own temporary database.
 */
export function getDb(): DB {
  if (engineKind() === 'postgres')
    throw new Error(
      'This code still uses the synchronous SQLite connection (getDb) and cannot run on PostgreSQL yet: convert it to db/engine (docs/data-layer-conversion.md).',
    );
  const env = process.env.DATABASE_PATH;
  const current = globalForDb.moodwireDb;
  if (current && current.env === env) return current.db;
  current?.db.$client.close();
  const mode = databaseMode();
  const db = openDatabase(databasePath(), { readonly: mode.readonly });
  if (mode.readonly)
    console.warn(
      '[moodwire] DATABASE_READ_ONLY: the database is opened read-only; voting and share counts are paused.',
    );
  if (mode.maxPageCount) {
    // Test hook (decision 014): SQLite keeps the cap per connection and never below the current size.
    const cap = db.$client.pragma(`max_page_count = ${mode.maxPageCount}`, { simple: true });
    console.warn(`[moodwire] test hook MOODWIRE_TEST_MAX_PAGE_COUNT: database capped at ${cap} pages.`);
  }
  globalForDb.moodwireDb = { db, env };
  if (!current) {
    // Next's SIGTERM handler finishes in-flight requests, then exits: close the file cleanly so the
    // WAL is checkpointed and removed.
    process.once('exit', () => globalForDb.moodwireDb?.db.$client.close());
  }
  return db;
}
