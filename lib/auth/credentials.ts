// Checks e-mail and password for the Credentials provider, with the failed-attempt throttle.
// Every failure looks the same to the visitor: unknown e-mail, wrong password and disabled account.
import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { clearLoginFailures, loginLockedUntil, recordLoginFailure } from '@/db/queries/throttle';
import { getUserForSignIn } from '@/db/queries/users';
import { normaliseEmail } from '@/db/accounts';
import { clientIpFrom, hashKey } from '@/lib/client-ip';
import { burnPasswordCheck, PASSWORD_MAX, verifyPassword } from '@/lib/password';

export class AccountLocked extends CredentialsSignin {
  code = 'locked';
}

const input = z.object({ email: z.string().trim().max(254), password: z.string().max(PASSWORD_MAX * 4) });

/** Per account: 5 failures in 15 minutes lock it; per client address: 20. */
const ACCOUNT_LIMIT = 5;
const CLIENT_LIMIT = 20;

export async function checkCredentials(credentials: Partial<Record<string, unknown>>, request: Request): Promise<{ id: string; name: string; email: string } | null> {
  const parsed = input.safeParse(credentials);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  const ip = clientIpFrom(request.headers);
  const accountKey = `login:acct:${hashKey('login', email)}`;
  // Without a known client address every visitor would share one key, and one person could lock
  // everybody out; then only the per-account limit applies.
  const clientKey = ip === 'unknown' ? undefined : `login:ip:${hashKey('login-ip', ip)}`;
  const keys = clientKey ? [accountKey, clientKey] : [accountKey];

  if (loginLockedUntil(keys) > 0) throw new AccountLocked();

  const user = getUserForSignIn(email);
  const ok = user ? await verifyPassword(user.passwordHash, parsed.data.password) : (await burnPasswordCheck(parsed.data.password), false);
  if (!user || !ok || user.disabled) {
    recordLoginFailure([{ key: accountKey, limit: ACCOUNT_LIMIT }, ...(clientKey ? [{ key: clientKey, limit: CLIENT_LIMIT }] : [])]);
    return null;
  }
  clearLoginFailures(accountKey);
  return { id: String(user.id), name: user.name, email: user.email };
}
