import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { loginThrottle, rateLimits } from '@/db/schema';

/** The login throttle's limits (read from the environment by lib/auth/throttle-config.ts). */
export type ThrottleConfig = { maxFailures: number; windowMs: number; lockMs: number; lockMaxMs: number };

/** How long the n-th lock (1, 2, …) lasts: the base lock, doubled each time, at most the maximum. */
export function lockDuration(level: number, config: ThrottleConfig): number {
  return Math.min(config.lockMaxMs, config.lockMs * 2 ** Math.min(Math.max(level - 1, 0), 40));
}

/** Latest time any of the keys stays locked until (0 when none is locked). */
export function loginLockedUntil(keys: string[], now = Date.now()): number {
  if (keys.length === 0) return 0;
  const rows = getDb()
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys))
    .all();
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil));
  return until > now ? until : 0;
}

/**
 * Counts a failed sign-in against each key. `maxFailures` failures within the window lock the key for
 * the base lock, twice as long each time after, up to the maximum. A key that has stayed quiet for a
 * whole maximum lock after its last lock starts again from the base lock.
 */
export function recordLoginFailure(keys: string[], config: ThrottleConfig, now = Date.now()): void {
  getDb().transaction((tx) => {
    for (const key of keys) {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const fresh =
        !row ||
        now - row.firstFailureAt > config.windowMs ||
        (row.lockedUntil > 0 && row.lockedUntil <= now && row.failures === 0);
      let failures = fresh ? 1 : row.failures + 1;
      const firstFailureAt = fresh ? now : row.firstFailureAt;
      let lockLevel =
        row && row.lockedUntil > 0 && now - row.lockedUntil > config.lockMaxMs ? 0 : (row?.lockLevel ?? 0);
      let lockedUntil = row?.lockedUntil ?? 0;
      if (failures >= config.maxFailures) {
        lockLevel += 1;
        lockedUntil = now + lockDuration(lockLevel, config);
        failures = 0;
      }
      tx.insert(loginThrottle)
        .values({ key, failures, firstFailureAt, lockedUntil, lockLevel })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, firstFailureAt, lockedUntil, lockLevel } })
        .run();
    }
  });
}

/** A successful sign-in forgets the failures and the lock history of its keys. */
export function clearLoginFailures(keys: string[]): void {
  if (keys.length) getDb().delete(loginThrottle).where(inArray(loginThrottle.key, keys)).run();
}

/**
 * Fixed-window counter: true when this hit is within `limit` per `windowMs`, false when over (and then
 * nothing is counted, so a flood cannot push the window further).
 */
export function takeRateLimit(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const windowStart = now - (now % windowMs);
  return getDb().transaction((tx) => {
    const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
    if (row && row.windowStart === windowStart && row.count >= limit) return false;
    tx.insert(rateLimits)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          windowStart,
          count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
        },
      })
      .run();
    return true;
  });
}
