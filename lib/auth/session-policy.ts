// Session rules that need no Next or database: lifetime, cookie names and flags, and whether a
// session is still good for a given user row. Unit-tested; used by auth.ts and lib/auth/staff.ts.
import { z } from 'zod';

const lifetimeHours = z.coerce
  .number()
  .positive()
  .max(24 * 30)
  .default(12);

/** Absolute session lifetime (SESSION_LIFETIME_HOURS, default 12): counted from sign-in, never extended. */
export function sessionLifetimeMs(env: Record<string, string | undefined> = process.env): number {
  const parsed = lifetimeHours.safeParse(env.SESSION_LIFETIME_HOURS || undefined);
  if (!parsed.success) throw new Error('SESSION_LIFETIME_HOURS must be a number of hours above 0 (at most 720).');
  return Math.round(parsed.data * 3_600_000);
}

export const SESSION_COOKIE = 'authjs.session-token';

/** Cookie settings for the session: HttpOnly, SameSite=Lax; Secure and a __Secure- name on an https site. */
export function sessionCookieSettings(siteUrl: string) {
  const secure = siteUrl.startsWith('https://');
  return {
    useSecureCookies: secure,
    name: secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure },
  };
}

/** Why a session is no longer good, or undefined when it is. */
export function sessionProblem(
  session: { issuedAt: number },
  user: { disabled: boolean; sessionsValidAfter: number } | undefined,
  now: number,
  lifetimeMs: number,
): string | undefined {
  if (!user) return 'no-user';
  if (user.disabled) return 'disabled';
  if (!session.issuedAt || session.issuedAt <= user.sessionsValidAfter) return 'ended';
  if (now - session.issuedAt > lifetimeMs) return 'expired';
  return undefined;
}
