// Checks e-mail and password for the Credentials provider, and the current password on "Your account",
// with the failed-attempt throttle. Every failure looks the same to the visitor: unknown e-mail, wrong
// password and disabled account.
import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { getUserForSignIn } from '@/db/queries/users';
import { normaliseEmail } from '@/db/accounts';
import {
  loginKeys,
  redeemLoginTicket,
  reservePasswordCheck,
  SIGN_IN_EMAIL_MAX,
  SIGN_IN_PASSWORD_MAX,
  type LoginAttempt,
} from '@/lib/auth/login-throttle';
import { burnPasswordCheck, verifyPassword } from '@/lib/password';

export class AccountLocked extends CredentialsSignin {
  code = 'locked';
}

const input = z.object({
  email: z.string().trim().max(SIGN_IN_EMAIL_MAX),
  password: z.string().max(SIGN_IN_PASSWORD_MAX),
});

/** Runs `check` (the one place a hash is verified) under a reserved attempt, and settles it. */
async function settled<T>(attempt: LoginAttempt, check: () => Promise<{ ok: boolean; value: T }>): Promise<T> {
  let verdict: { ok: boolean; value: T };
  try {
    verdict = await check();
  } catch (error) {
    await attempt.abandoned();
    throw error;
  }
  if (verdict.ok) await attempt.succeeded();
  else await attempt.failed();
  return verdict.value;
}

export async function checkCredentials(
  credentials: Partial<Record<string, unknown>>,
  request: Pick<Request, 'headers'>,
): Promise<{ id: string; name: string; email: string } | null> {
  const parsed = input.safeParse(credentials);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  const keys = loginKeys(email, request.headers);

  // Before any hashing, the attempt is reserved: a locked account or client, or one whose window is
  // already taken by checks in flight, costs the server one indexed write and no hash. A plain form
  // post was reserved by the proxy already (lib/proxy/login-throttle.ts).
  let attempt = redeemLoginTicket(request.headers, keys);
  if (!attempt) {
    const reserved = await reservePasswordCheck(keys);
    if ('refusedUntil' in reserved) throw new AccountLocked();
    attempt = reserved.attempt;
  }

  return settled(attempt, async () => {
    const user = await getUserForSignIn(email);
    const ok = user
      ? await verifyPassword(user.passwordHash, parsed.data.password)
      : (await burnPasswordCheck(parsed.data.password), false);
    if (!user || !ok || user.disabled) return { ok: false, value: null };
    return { ok: true, value: { id: String(user.id), name: user.name, email: user.email } };
  });
}

/**
 * The current password of a signed-in user ("Your account"), throttled with the same keys as signing
 * in: one account has one budget of wrong guesses, whichever form they come through.
 */
export async function checkCurrentPassword(
  user: { email: string },
  password: string,
  headers: Pick<Headers, 'get'>,
): Promise<'ok' | 'wrong' | 'locked'> {
  const reserved = await reservePasswordCheck(loginKeys(user.email, headers));
  if ('refusedUntil' in reserved) return 'locked';
  return settled(reserved.attempt, async () => {
    const row = await getUserForSignIn(user.email);
    const ok = row !== undefined && !row.disabled && (await verifyPassword(row.passwordHash, password));
    return { ok, value: ok ? ('ok' as const) : ('wrong' as const) };
  });
}
