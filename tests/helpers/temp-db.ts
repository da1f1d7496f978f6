// A fresh SQLite file per test file: migrated, optionally seeded with the demo content.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type DB } from '@/db/client';
import { seedDemo } from '../../scripts/lib/seed-demo';

export function createTempDatabase({ seed = true, now = Date.now() }: { seed?: boolean; now?: number } = {}): {
  file: string;
  db: DB;
  cleanup: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-test-'));
  const file = path.join(dir, 'test.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  if (seed) seedDemo(db, { now });
  process.env.DATABASE_PATH = file;
  return {
    file,
    db,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
