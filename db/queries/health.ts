import 'server-only';
import { getEngine } from '@/db/engine';
import { errorCode, unavailableReason, writeUnavailable, type WriteUnavailable } from '@/db/write-errors';

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
    /** the probe under way, shared by every request that asks meanwhile */
    probing?: Promise<WriteUnavailable | undefined>;
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

/** How long health waits for the database: an unreachable server must not hold the answer. */
const HEALTH_TIMEOUT_MS = 3_000;

class HealthTimeout extends Error {}

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Can the database take a write now? The engine stages a write that is rolled back (SQLite: takes the
 * write lock for at most 200 ms, another process holding it means "busy"; PostgreSQL: a 200 ms lock
 * timeout), because a read-only connection is only refused at its first real write. A full disk only
 * shows when a write needs new space, so a recent failed write counts until a later one succeeds.
 */
async function probeWrite(now: number): Promise<WriteUnavailable | undefined> {
  const kind = await getEngine().probeWrite();
  if (kind) return kind;
  const failure = writes().failure;
  return failure && now - failure.at < FAILURE_MEMORY_MS ? failure.kind : undefined;
}

/** Why writes are refused right now (undefined: they are not), reused for two seconds. */
export async function writeStatus(now: number = Date.now()): Promise<WriteUnavailable | undefined> {
  const w = writes();
  if (w.status && now - w.status.at < STATUS_TTL_MS) return w.status.value;
  // Votes that arrive together share one probe: 100 probes at once would each hold a pooled
  // connection and queue on the probe's row past its 200 ms lock timeout, and the first to time out
  // would refuse every vote of the next 2 s as "busy" (found by the cluster test, decision 057).
  w.probing ??= (async () => {
    let value: WriteUnavailable | undefined;
    try {
      value = await withinTimeout(probeWrite(now), HEALTH_TIMEOUT_MS);
    } catch (error) {
      value = error instanceof HealthTimeout ? 'unreachable' : 'io';
    }
    w.status = { at: now, value };
    return value;
  })().finally(() => {
    w.probing = undefined;
  });
  return w.probing;
}

/**
 * Can we read, can we write (locked by another writer, read-only, full, unreachable), are migrations
 * current? Answers within about HEALTH_TIMEOUT_MS even when the database server does not.
 */
export async function checkDatabaseHealth(now: number = Date.now()): Promise<Health> {
  let migrations: { applied: number; expected: number } | undefined;
  try {
    migrations = await withinTimeout(getEngine().migrationState(), HEALTH_TIMEOUT_MS);
    const { applied, expected } = migrations;
    if (applied !== expected) return { ok: false, reason: `migrations: ${applied} of ${expected} applied`, migrations };
    writes().status = undefined;
    const unavailable = await writeStatus(now);
    return unavailable ? { ok: false, reason: unavailableReason(unavailable), migrations } : { ok: true, migrations };
  } catch (error) {
    if (error instanceof HealthTimeout)
      return { ok: false, reason: `database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`, migrations };
    const kind = writeUnavailable(error);
    const code = errorCode(error) ?? '';
    return {
      ok: false,
      reason: kind ? unavailableReason(kind) : `database unavailable (${code || 'error'})`,
      migrations,
    };
  }
}
