import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { getDb } from '@/db';
import { unavailableReason, writeUnavailable, type WriteUnavailable } from '@/db/write-errors';

export type Health =
  | { ok: true; migrations: { applied: number; expected: number } }
  | { ok: false; reason: string; migrations?: { applied: number; expected: number } };

/** How long a failed write (a full disk) keeps health degraded when nothing has been written since. */
const FAILURE_MEMORY_MS = 60_000;
/** How long the answer of writeStatus() is reused: the vote script asks on every story it shows. */
const STATUS_TTL_MS = 2_000;

// One process, several route bundles: the state lives on globalThis, like the connection (db/index.ts).
const state = globalThis as unknown as {
  moodwireWrites?: {
    failure?: { kind: WriteUnavailable; at: number };
    status?: { at: number; value: WriteUnavailable | undefined };
  };
};
const writes = () => (state.moodwireWrites ??= {});

/**
 * A write the site needed failed for want of a writable database (recorded by the vote and share
 * endpoints). A lock is what the probe sees too: the next votes within 2 s are refused at once
 * instead of each waiting out the busy timeout. A full disk is remembered until a write succeeds.
 */
export function recordWriteFailure(kind: WriteUnavailable, now: number = Date.now()): void {
  if (kind === 'busy') {
    writes().status = { at: now, value: 'busy' };
    return;
  }
  writes().failure = { kind, at: now };
  writes().status = undefined;
}

/**
 * For a catch around a write: the kind of unavailability, recorded (see recordWriteFailure); any
 * other error is a bug and is thrown on.
 */
export function recordedWriteFailure(error: unknown): WriteUnavailable {
  const kind = writeUnavailable(error);
  if (!kind) throw error;
  recordWriteFailure(kind);
  return kind;
}

/** A write went through: whatever failed before has recovered. */
export function recordWriteSuccess(): void {
  const w = writes();
  if (w.failure) {
    w.failure = undefined;
    w.status = undefined;
  }
}

function expectedMigrations(): number {
  const journal = JSON.parse(
    fs.readFileSync(
      path.join(/*turbopackIgnore: true*/ process.cwd(), 'drizzle', 'sqlite', 'meta', '_journal.json'),
      'utf8',
    ),
  ) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * Can the database take a write now? Takes the write lock for at most 200 ms (another process
 * holding it means "busy"), and stages a row that is rolled back, because a read-only connection
 * is only refused at its first real write. A full disk only shows when a write needs a new page, so
 * a recent failed write counts until a later one succeeds.
 */
function probeWrite(now: number): WriteUnavailable | undefined {
  const sqlite = getDb().$client;
  if (sqlite.readonly) return 'read-only';
  const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 200');
  try {
    sqlite.prepare('begin immediate').run();
    try {
      sqlite
        .prepare("insert or replace into rate_limits (key, window_start, count) values ('health:probe', 0, 0)")
        .run();
    } finally {
      sqlite.prepare('rollback').run();
    }
  } catch (error) {
    const kind = writeUnavailable(error);
    if (kind) return kind;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
  const failure = writes().failure;
  return failure && now - failure.at < FAILURE_MEMORY_MS ? failure.kind : undefined;
}

/** Why writes are refused right now (undefined: they are not), reused for two seconds. */
export function writeStatus(now: number = Date.now()): WriteUnavailable | undefined {
  const w = writes();
  if (w.status && now - w.status.at < STATUS_TTL_MS) return w.status.value;
  let value: WriteUnavailable | undefined;
  try {
    value = probeWrite(now);
  } catch {
    value = 'io';
  }
  w.status = { at: now, value };
  return value;
}

/** Can we read, can we write (locked by another writer, read-only, full), are migrations current? */
export function checkDatabaseHealth(now: number = Date.now()): Health {
  let migrations: { applied: number; expected: number } | undefined;
  try {
    const sqlite = getDb().$client;
    const applied = (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    migrations = { applied, expected: expectedMigrations() };
    if (applied !== migrations.expected)
      return { ok: false, reason: `migrations: ${applied} of ${migrations.expected} applied`, migrations };
    writes().status = undefined;
    const unavailable = writeStatus(now);
    return unavailable ? { ok: false, reason: unavailableReason(unavailable), migrations } : { ok: true, migrations };
  } catch (error) {
    const kind = writeUnavailable(error);
    const code = (error as { code?: string }).code ?? '';
    return {
      ok: false,
      reason: kind ? unavailableReason(kind) : `database unavailable (${code || 'error'})`,
      migrations,
    };
  }
}
