// Direct access to the e2e server's SQLite file, for tests that need data of their own (unique values,
// removed again afterwards). The server sees the writes at once: WAL lets both processes share the file.
import Database from 'better-sqlite3';

export function openE2eDatabase(): Database.Database {
  const db = new Database(process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
