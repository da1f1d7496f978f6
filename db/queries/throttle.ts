import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { loginThrottle, rateLimits } from '@/db/schema';

export const LOGIN_WINDOW_MS = 15 * 60_000;

/** Latest time any of the keys stays locked until (0 when none is locked). */
export function loginLockedUntil(keys: string[], now = Date.now()): number {
  if (keys.length === 0) return 0;
  const rows = getDb().select({ lockedUntil: loginThrottle.lockedUntil }).from(loginThrottle).where(inArray(loginThrottle.key, keys)).all();
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil));
  return until > now ? until : 0;
}

/**
 * Counts a failed sign-in against each key. `limit` failures within the window lock the key, for
 * 5 minutes the first time and twice as long each time after (at most an hour).
 */
export function recordLoginFailure(keys: { key: string; limit: number }[], now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    for (const { key, limit } of keys) {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const fresh = !row || now - row.firstFailureAt > LOGIN_WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const firstFailureAt = fresh ? now : row.firstFailureAt;
      let lockLevel = row?.lockLevel ?? 0;
      let lockedUntil = row?.lockedUntil ?? 0;
      let count = failures;
      if (failures >= limit) {
        lockLevel += 1;
        lockedUntil = now + Math.min(60, 5 * 2 ** (lockLevel - 1)) * 60_000;
        count = 0;
      }
      tx.insert(loginThrottle)
        .values({ key, failures: count, firstFailureAt, lockedUntil, lockLevel })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures: count, firstFailureAt, lockedUntil, lockLevel } })
        .run();
    }
  });
}

export function clearLoginFailures(key: string): void {
  getDb().delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
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
        set: { windowStart, count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end` },
      })
      .run();
    return true;
  });
}
