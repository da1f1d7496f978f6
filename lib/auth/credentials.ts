// Checks e-mail and password for the Credentials provider, with the failed-attempt throttle.
// Every failure looks the same to the visitor: unknown e-mail, wrong password and disabled account.
import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { getUserForSignIn } from '@/db/queries/users';
import { normaliseEmail } from '@/db/accounts';
import { loginKeys, loginLockedFor, noteLoginFailure, noteLoginSuccess } from '@/lib/auth/login-throttle';
import { burnPasswordCheck, PASSWORD_MAX, verifyPassword } from '@/lib/password';

export class AccountLocked extends CredentialsSignin {
  code = 'locked';
}

const input = z.object({ email: z.string().trim().max(254), password: z.string().max(PASSWORD_MAX * 4) });

export async function checkCredentials(
  credentials: Partial<Record<string, unknown>>,
  request: Pick<Request, 'headers'>,
): Promise<{ id: string; name: string; email: string } | null> {
  const parsed = input.safeParse(credentials);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  const keys = loginKeys(email, request.headers);

  // Before any hashing: a locked account or client costs the server one indexed read.
  if (loginLockedFor(keys) > 0) throw new AccountLocked();

  const user = getUserForSignIn(email);
  const ok = user
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : (await burnPasswordCheck(parsed.data.password), false);
  if (!user || !ok || user.disabled) {
    noteLoginFailure(keys);
    return null;
  }
  noteLoginSuccess(keys);
  return { id: String(user.id), name: user.name, email: user.email };
}
