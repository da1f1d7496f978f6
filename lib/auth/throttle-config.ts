// Login throttle limits, from the environment (read on each use, so a test can change them). The
// counting and the lock escalation run in one transaction in db/queries/throttle.ts.
import { z } from 'zod';
import type { ThrottleConfig } from '@/db/queries/throttle';

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  LOGIN_MAX_FAILURES: positive(5),
  LOGIN_WINDOW_MINUTES: positive(15),
  LOGIN_LOCK_MINUTES: positive(10),
  LOGIN_LOCK_MAX_MINUTES: positive(24 * 60),
});

export function throttleConfig(env: Record<string, string | undefined> = process.env): ThrottleConfig {
  const parsed = schema.safeParse({
    LOGIN_MAX_FAILURES: env.LOGIN_MAX_FAILURES || undefined,
    LOGIN_WINDOW_MINUTES: env.LOGIN_WINDOW_MINUTES || undefined,
    LOGIN_LOCK_MINUTES: env.LOGIN_LOCK_MINUTES || undefined,
    LOGIN_LOCK_MAX_MINUTES: env.LOGIN_LOCK_MAX_MINUTES || undefined,
  });
  if (!parsed.success) {
    throw new Error(
      `Login throttle settings: ${parsed.error.issues.map((i) => `${String(i.path[0])} must be a whole number above 0`).join('; ')}.`,
    );
  }
  const c = parsed.data;
  return {
    maxFailures: c.LOGIN_MAX_FAILURES,
    windowMs: c.LOGIN_WINDOW_MINUTES * 60_000,
    lockMs: c.LOGIN_LOCK_MINUTES * 60_000,
    lockMaxMs: Math.max(c.LOGIN_LOCK_MAX_MINUTES, c.LOGIN_LOCK_MINUTES) * 60_000,
  };
}
