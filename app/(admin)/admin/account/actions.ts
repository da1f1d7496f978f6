'use server';

import { headers } from 'next/headers';
import { setUserPasswordBy } from '@/db/queries/users';
import { type ActionState } from '@/lib/action-state';
import { changeOwnPasswordSchema } from '@/lib/admin/schemas';
import { checkCurrentPassword } from '@/lib/auth/credentials';
import { staffAction } from '@/lib/auth/staff-action';
import { hashPassword } from '@/lib/password';

export async function changeOwnPasswordAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'admin.enter', changeOwnPasswordSchema, async (input, user) => {
    // Throttled like signing in (same account and address keys): a stolen session must not become
    // unlimited guesses at the password.
    const current = await checkCurrentPassword(user, input.current, await headers());
    if (current === 'locked')
      return {
        ok: false,
        errors: {
          current: ['Too many wrong passwords. Password checks are paused for a while; try again later.'],
        },
      };
    if (current === 'wrong') return { ok: false, errors: { current: ['That is not your current password.'] } };
    await setUserPasswordBy(user.id, user.id, await hashPassword(input.password));
    return {
      ok: true,
      message: 'Password changed. Every session, this one included, has ended: sign in again with the new password.',
    };
  });
}
