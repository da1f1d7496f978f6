// Which SQLite errors mean "the database cannot take writes right now" (as opposed to a bug): the
// vote and share endpoints answer those with 503 and "voting is paused", and health reports them.
// No Next.js imports: tests and scripts use it too.

export type WriteUnavailable = 'busy' | 'full' | 'read-only' | 'io';

/**
 * better-sqlite3 puts SQLite's extended result code name in `error.code` (SQLITE_BUSY_SNAPSHOT,
 * SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE …); the prefix is the primary code.
 */
export function writeUnavailable(error: unknown): WriteUnavailable | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  // A disk that vanished or a file the process can no longer open or write.
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  return undefined;
}

const REASONS: Record<WriteUnavailable, string> = {
  busy: 'database is locked by another writer',
  full: 'database is full (no space to write)',
  'read-only': 'database is read-only',
  io: 'database cannot be written (input/output error)',
};

export const unavailableReason = (kind: WriteUnavailable) => REASONS[kind];
