// The one gate for the staff area. Pages, server actions and route handlers all call it with the
// permission they need (lib/permissions.ts); proxy.ts only turns anonymous visitors away early.
import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/auth';
import { getSessionUser, type SessionUser } from '@/db/queries/users';
import { can, type Permission } from '@/lib/permissions';

export type StaffUser = Omit<SessionUser, 'disabled' | 'sessionsValidAfter'>;

/**
 * The signed-in staff member, or null. The user row is read by id on every request, so a disabled
 * account, a reset password or a role change takes effect on the next request, whatever the token says.
 */
export const currentStaff = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  const id = session?.uid;
  if (!session || typeof id !== 'number') return null;
  const user = getSessionUser(id);
  if (!user || user.disabled) return null;
  if (session.issuedAt <= user.sessionsValidAfter) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, authorId: user.authorId };
});

/** For pages and server actions: anonymous → the sign-in page; signed in without the right → 403. */
export async function requireStaff(permission: Permission): Promise<StaffUser> {
  const user = await currentStaff();
  if (!user) redirect('/admin/login');
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For route handlers: the user, or the 401/403 response to send. */
export async function staffForRoute(permission: Permission): Promise<{ user: StaffUser } | { response: Response }> {
  const user = await currentStaff();
  if (!user) return { response: Response.json({ error: 'Sign in first.' }, { status: 401, headers: { 'Cache-Control': 'no-store' } }) };
  if (!can(user.role, permission)) return { response: Response.json({ error: 'Your role does not allow this.' }, { status: 403, headers: { 'Cache-Control': 'no-store' } }) };
  return { user };
}
