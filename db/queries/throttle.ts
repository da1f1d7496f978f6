import 'server-only';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db, prepared, transaction, type AppDb } from '@/db/engine';
import { loginThrottle, rateLimits } from '@/db/schema';

/** The login throttle's limits (read from the environment by lib/auth/throttle-config.ts). */
export type ThrottleConfig = { maxFailures: number; windowMs: number; lockMs: number; lockMaxMs: number };

/** How long the n-th lock (1, 2, …) lasts: the base lock, doubled each time, at most the maximum. */
export function lockDuration(level: number, config: ThrottleConfig): number {
  return Math.min(config.lockMaxMs, config.lockMs * 2 ** Math.min(Math.max(level - 1, 0), 40));
}

/** Latest time any of the keys stays locked until (0 when none is locked). */
export async function loginLockedUntil(keys: string[], now = Date.now()): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db()
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil));
  return until > now ? until : 0;
}

export type LoginReservation = { reserved: true } | { reserved: false; retryAt: number };

/** How long a refused attempt that found the window full (but no lock yet) is told to wait. */
const FULL_RETRY_MS = 60_000;

/**
 * Reserves one password check against every key, before any hash runs: in one transaction, each key's
 * row is inserted or updated only if it is not locked and its failures plus the checks still running
 * stay under `maxFailures` in the window (the condition is the upsert's own WHERE, so the check and
 * the count are one statement). If any key refuses, nothing is counted for any of them. So at any
 * concurrency at most `maxFailures` wrong passwords per key and window are ever hashed. On PostgreSQL
 * the upsert locks the key's row and evaluates its WHERE on the latest version, so the same holds
 * across connections; the keys are taken in one order so that two attempts cannot deadlock.
 */
export async function reserveLoginAttempt(
  keys: string[],
  config: ThrottleConfig,
  now = Date.now(),
): Promise<LoginReservation> {
  if (keys.length === 0) return { reserved: true };
  const t = loginThrottle;
  // A new window: the old one has run out, or a lock has ended since the last failure (a lock resets
  // the count). A key that has stayed quiet for a whole maximum lock after its last lock starts
  // again from the base lock.
  const fresh = sql`(${now} - ${t.firstFailureAt} > ${config.windowMs} or (${t.lockedUntil} > 0 and ${t.lockedUntil} <= ${now} and ${t.failures} = 0 and ${t.pending} = 0))`;
  const quiet = sql`(${t.lockedUntil} > 0 and ${now} - ${t.lockedUntil} > ${config.lockMaxMs})`;
  let refused = false;
  try {
    await transaction(async (tx) => {
      for (const key of [...new Set(keys)].sort()) {
        const [row] = await tx
          .insert(t)
          .values({ key, failures: 0, pending: 1, firstFailureAt: now, lockedUntil: 0, lockLevel: 0 })
          .onConflictDoUpdate({
            target: t.key,
            set: {
              failures: sql`case when ${fresh} then 0 else ${t.failures} end`,
              pending: sql`case when ${fresh} then 1 else ${t.pending} + 1 end`,
              firstFailureAt: sql`case when ${fresh} then ${now} else ${t.firstFailureAt} end`,
              lockLevel: sql`case when ${quiet} then 0 else ${t.lockLevel} end`,
            },
            setWhere: sql`${t.lockedUntil} <= ${now} and (${fresh} or ${t.failures} + ${t.pending} < ${config.maxFailures})`,
          })
          .returning({ key: t.key });
        if (!row) {
          refused = true;
          throw new Error('login attempt refused'); // rolls back the keys already counted
        }
      }
    });
  } catch (error) {
    if (!refused) throw error;
  }
  if (!refused) return { reserved: true };
  const until = await loginLockedUntil(keys, now);
  return { reserved: false, retryAt: until || now + FULL_RETRY_MS };
}

/** `now + case lock_level when 0 then <first lock> when 1 then <second> … else <longest> end`, from lockDuration. */
function nextLockDuration(config: ThrottleConfig, now: number) {
  // Integer literals, not parameters: PostgreSQL cannot type a case whose every branch is a parameter.
  const int = (n: number) => sql.raw(String(Math.trunc(n)));
  const steps: SQL[] = [];
  for (let level = 0; level < 64 && lockDuration(level + 1, config) < config.lockMaxMs; level++)
    steps.push(sql` when ${int(level)} then ${int(lockDuration(level + 1, config))}`);
  return sql`${int(now)} + (case ${loginThrottle.lockLevel}${sql.join(steps)} else ${int(config.lockMaxMs)} end)`;
}

/**
 * Settles reserved checks that found a wrong password: each key's reservation becomes a failure, and
 * the failure that reaches `maxFailures` locks the key one step longer than its last lock (10, 20,
 * 40 … minutes up to the maximum) and starts the count again. Checks reserved in one burst settle
 * one by one, so the burst locks once.
 */
export async function recordLoginFailure(keys: string[], config: ThrottleConfig, now = Date.now()): Promise<void> {
  if (keys.length === 0) return;
  const t = loginThrottle;
  const locks = sql`${t.failures} + 1 >= ${config.maxFailures}`;
  await transaction(async (tx) => {
    await tx
      .update(t)
      .set({
        pending: sql`case when ${t.pending} > 0 then ${t.pending} - 1 else 0 end`,
        failures: sql`case when ${locks} then 0 else ${t.failures} + 1 end`,
        lockLevel: sql`case when ${locks} then ${t.lockLevel} + 1 else ${t.lockLevel} end`,
        lockedUntil: sql`case when ${locks} then ${nextLockDuration(config, now)} else ${t.lockedUntil} end`,
      })
      .where(inArray(t.key, [...new Set(keys)].sort()));
  });
}

/** Gives back reservations whose check ended without a verdict (an error): nothing is counted. */
export async function releaseLoginAttempt(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const t = loginThrottle;
  await transaction(async (tx) => {
    await tx
      .update(t)
      .set({ pending: sql`case when ${t.pending} > 0 then ${t.pending} - 1 else 0 end` })
      .where(inArray(t.key, keys));
  });
}

/**
 * A right password: the account forgets its failures and its lock history; the other keys (the client
 * address) only get their reservation back. Someone holding one valid account must not be able to
 * wipe their address's failures on other accounts by signing in to it.
 */
export async function recordLoginSuccess(accountKey: string, otherKeys: string[]): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, accountKey));
    if (otherKeys.length)
      await tx
        .update(loginThrottle)
        .set({ pending: sql`case when ${loginThrottle.pending} > 0 then ${loginThrottle.pending} - 1 else 0 end` })
        .where(inArray(loginThrottle.key, otherKeys));
  });
}

/**
 * Counts one hit of `key` in the fixed window that starts at `window` (ms), inside `tx`, unless `limit`
 * (when given) is already reached there; false, and nothing counted, when over, so a flood cannot push
 * the window further. One upsert whose WHERE is the limit: concurrent hits cannot both take the last
 * place. Kept as a prepared statement: votes and shares count with it in their own transactions.
 */
export async function countInWindow(tx: AppDb, key: string, window: number, limit?: number): Promise<boolean> {
  const capped = limit !== undefined;
  const counted = await prepared(tx, capped ? 'limits:count-in-window-capped' : 'limits:count-in-window', (d) =>
    d
      .insert(rateLimits)
      .values({ key: sql.placeholder('key'), windowStart: sql.placeholder('window'), count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.windowStart} = excluded.window_start
                  then ${rateLimits.count} + 1 else 1 end`,
          windowStart: sql`excluded.window_start`,
        },
        setWhere: capped
          ? sql`${rateLimits.windowStart} <> excluded.window_start or ${rateLimits.count} < ${sql.placeholder('limit')}`
          : undefined,
      })
      .returning({ key: rateLimits.key }),
  ).execute({ key, window, limit });
  return counted.length === 1;
}

/** Fixed-window counter in a transaction of its own: true when this hit is within `limit` per `windowMs`. */
export async function takeRateLimit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
  return transaction((tx) => countInWindow(tx, key, now - (now % windowMs), limit));
}

/**
 * Forgets what no longer limits anyone, so that attempts at random e-mail addresses do not grow the
 * table without end: sign-in keys whose window has ended and whose last lock lies a whole maximum
 * lock in the past (its doubling has lapsed), and contact-form and password-reset windows that ended
 * over an hour ago.
 */
export async function pruneThrottleState(config: ThrottleConfig, now = Date.now()): Promise<number> {
  const t = loginThrottle;
  return transaction(async (tx) => {
    const keys = await tx
      .delete(t)
      .where(
        sql`${t.firstFailureAt} < ${now - config.windowMs - 60_000} and ${t.lockedUntil} < ${now - config.lockMaxMs}`,
      )
      .returning({ key: t.key });
    const windows = await tx
      .delete(rateLimits)
      .where(
        sql`((${rateLimits.key} >= 'contact:' and ${rateLimits.key} < 'contact;') or (${rateLimits.key} >= 'reset:' and ${rateLimits.key} < 'reset;')) and ${rateLimits.windowStart} < ${now - 2 * 3600_000}`,
      )
      .returning({ key: rateLimits.key });
    return keys.length + windows.length;
  });
}
