'use server';

import { getUserForSignIn, setUserPasswordBy } from '@/db/queries/users';
import { parseForm, type ActionState } from '@/lib/action-state';
import { changeOwnPasswordSchema } from '@/lib/admin/schemas';
import { requireStaffAction } from '@/lib/auth/staff';
import { hashPassword, verifyPassword } from '@/lib/password';

export async function changeOwnPasswordAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('admin.enter');
  const parsed = parseForm(changeOwnPasswordSchema, form);
  if (parsed.state) return parsed.state;
  const row = getUserForSignIn(user.email);
  if (!row || !(await verifyPassword(row.passwordHash, parsed.data.current)))
    return { ok: false, errors: { current: ['That is not your current password.'] } };
  setUserPasswordBy(user.id, user.id, await hashPassword(parsed.data.password));
  return {
    ok: true,
    message: 'Password changed. Every session, this one included, has ended: sign in again with the new password.',
  };
}
