import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { getDb } from '@/db';

export type Health =
  | { ok: true; migrations: { applied: number; expected: number } }
  | { ok: false; reason: string; migrations?: { applied: number; expected: number } };

function expectedMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** Can we read, can we write (is another writer holding the lock, is the file read-only), are migrations current? */
export function checkDatabaseHealth(): Health {
  let migrations: { applied: number; expected: number } | undefined;
  try {
    const sqlite = getDb().$client;
    const applied = (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    migrations = { applied, expected: expectedMigrations() };
    if (applied !== migrations.expected) return { ok: false, reason: `migrations: ${applied} of ${migrations.expected} applied`, migrations };
    const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
    sqlite.pragma('busy_timeout = 200');
    try {
      sqlite.prepare('begin immediate').run();
      sqlite.prepare('rollback').run();
    } finally {
      sqlite.pragma(`busy_timeout = ${previous}`);
    }
    return { ok: true, migrations };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const reason = code.startsWith('SQLITE_BUSY')
      ? 'database is locked by another writer'
      : code.startsWith('SQLITE_READONLY')
        ? 'database is read-only'
        : `database unavailable (${code || 'error'})`;
    return { ok: false, reason, migrations };
  }
}
