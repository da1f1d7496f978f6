// Opens a SQLite file with Moodwire's settings. No Next.js imports: scripts and tests use it directly.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { makePrivateDir, PRIVATE_FILE_MODE, restrictToOwner } from './config';
import * as schema from './schema/sqlite';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string, options: { readonly?: boolean } = {}): DB {
  if (!options.readonly) {
    // Readable by the owner only: the database holds password hashes, messages and address hashes.
    // SQLite gives the -wal and -shm files the database file's own mode, so it is created 0600 first;
    // files an older version made 0644 are tightened.
    makePrivateDir(path.dirname(file));
    fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
    restrictToOwner(file, `${file}-wal`, `${file}-shm`);
  }
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema }) as DB;
}

export function migrationsFolder(): string {
  return path.join(process.cwd(), 'drizzle', 'sqlite');
}

export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}
