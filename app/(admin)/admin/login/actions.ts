'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { assertForm, fieldErrors, type ActionState } from '@/lib/action-state';
import { LOCKED_MESSAGE, SIGN_IN_EMAIL_MAX, SIGN_IN_PASSWORD_MAX } from '@/lib/auth/login-throttle';
import { currentStaff, requireSameOrigin } from '@/lib/auth/staff';
import { endUserSessions } from '@/db/queries/users';
import { safeNextPath } from '@/lib/proxy/admin';

const schema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your e-mail address.')
    .max(SIGN_IN_EMAIL_MAX, 'That e-mail address is too long.'),
  password: z.string().min(1, 'Enter your password.').max(SIGN_IN_PASSWORD_MAX, 'That password is too long.'),
});

// One message for an unknown e-mail, a wrong password and a disabled account: the form must not tell
// which e-mail addresses have accounts.
const WRONG = 'The e-mail address or password is not right.';

export async function signInAction(_state: ActionState, form: FormData): Promise<ActionState> {
  // A sign-in from another site would log the visitor into an account of the attacker's choosing.
  await requireSameOrigin();
  assertForm(form);
  const email = String(form.get('email') ?? '');
  const parsed = schema.safeParse({ email, password: form.get('password') });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues), values: { email } };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeNextPath(form.get('next')),
    });
  } catch (error) {
    // signIn redirects by throwing; only auth failures are ours to turn into a message.
    if (error instanceof AuthError) {
      if (error.type === 'CredentialsSignin' && 'code' in error && error.code === 'locked') {
        return { ok: false, message: LOCKED_MESSAGE, values: { email } };
      }
      if (error.type === 'CredentialsSignin') return { ok: false, message: WRONG, values: { email } };
      return { ok: false, message: 'Sign-in failed. Please try again.', values: { email } };
    }
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await requireSameOrigin();
  // Dropping this browser's cookie is not enough: a copy of the token would stay valid until it expires.
  const staff = await currentStaff();
  if (staff) await endUserSessions(staff.id);
  await signOut({ redirectTo: '/admin/login?signed-out=1' });
}
