// Which database errors mean "the database cannot take writes right now" (as opposed to a bug): the
// vote and share endpoints answer those with 503 and "voting is paused", and health reports them.
// SQLite's and PostgreSQL's errors map to the same kinds. No Next.js imports: tests and scripts use it too.

export type WriteUnavailable = 'busy' | 'full' | 'read-only' | 'io' | 'unreachable';

// Node's socket errors when the PostgreSQL server cannot be reached or drops the connection.
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);

/** node-postgres errors without a code, by their (stable) messages. */
function pgClientError(message: string): WriteUnavailable | undefined {
  // Every pooled connection is in use for longer than the connection timeout.
  if (message === 'timeout exceeded when trying to connect') return 'busy';
  if (message.startsWith('Connection terminated')) return 'unreachable';
  return undefined;
}

/** PostgreSQL's SQLSTATE codes (node-postgres puts them in `error.code`). */
function pgState(code: string): WriteUnavailable | undefined {
  // read_only_sql_transaction: DATABASE_READ_ONLY, a hot standby, default_transaction_read_only
  if (code === '25006') return 'read-only';
  if (code === '53100') return 'full'; // disk_full
  // lock_not_available (lock_timeout), too_many_connections, serialization_failure and deadlock_detected
  // once the retries are spent, query_canceled (statement_timeout), out_of_memory
  if (['55P03', '53300', '40001', '40P01', '57014', '53200'].includes(code)) return 'busy';
  // connection exceptions; admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down)
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return 'unreachable';
  if (code.startsWith('58')) return 'io'; // system_error, io_error
  return undefined;
}

/**
 * better-sqlite3 puts SQLite's extended result code name in `error.code` (SQLITE_BUSY_SNAPSHOT,
 * SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE …); the prefix is the primary code. node-postgres puts
 * the five-character SQLSTATE there, and Node a socket error name.
 */
export function writeUnavailable(error: unknown): WriteUnavailable | undefined {
  // drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const kind = ownKind(e);
    if (kind) return kind;
  }
  return undefined;
}

/** The database error code of an error, from it or the errors it wraps (drizzle's "Failed query"). */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function ownKind(error: unknown): WriteUnavailable | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') {
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? pgClientError(message) : undefined;
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  // A disk that vanished or a file the process can no longer open or write.
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  if (SOCKET_ERRORS.has(code)) return 'unreachable';
  if (/^[0-9A-Z]{5}$/.test(code)) return pgState(code);
  return undefined;
}

const REASONS: Record<WriteUnavailable, string> = {
  busy: 'database is locked by another writer',
  full: 'database is full (no space to write)',
  'read-only': 'database is read-only',
  io: 'database cannot be written (input/output error)',
  unreachable: 'database server is unreachable',
};

export const unavailableReason = (kind: WriteUnavailable) => REASONS[kind];
