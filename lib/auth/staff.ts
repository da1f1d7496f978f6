// The one gate for the staff area. Pages, server actions and route handlers all call it with the
// permission they need (lib/permissions.ts); proxy.ts only turns anonymous visitors away early.
import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/auth';
import { getSessionUser, type SessionUser } from '@/db/queries/users';
import { crossSiteProblem } from '@/lib/auth/origin';
import { sessionLifetimeMs, sessionProblem } from '@/lib/auth/session-policy';
import { can, type Permission } from '@/lib/permissions';

export type StaffUser = Omit<SessionUser, 'disabled'>;

/**
 * The signed-in staff member, or null. The user row is read by id on every request, so a disabled
 * account, a reset password, a role change or a sign-out elsewhere takes effect on the next request,
 * whatever the token says; so does the end of the absolute session lifetime.
 */
export const currentStaff = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  const id = session?.uid;
  if (!session || typeof id !== 'number') return null;
  const user = await getSessionUser(id);
  if (!user || sessionProblem(session, user, Date.now(), sessionLifetimeMs())) return null;
  const { id: uid, email, name, role, authorId, sessionsValidAfter } = user;
  return { id: uid, email, name, role, authorId, sessionsValidAfter };
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
  if (!user)
    return {
      response: Response.json({ error: 'Sign in first.' }, { status: 401, headers: { 'Cache-Control': 'no-store' } }),
    };
  if (!can(user.role, permission))
    return {
      response: Response.json(
        { error: 'Your role does not allow this.' },
        { status: 403, headers: { 'Cache-Control': 'no-store' } },
      ),
    };
  return { user };
}

/**
 * Every server action that changes something starts here: a request from another site, or one with no
 * Origin at all, is refused (403) before the session is even looked at. Next checks a present Origin
 * only, and the proxy's filter (lib/proxy/cross-site.ts) does not see every path: this is the guard.
 * The comparison is the one every write uses (lib/auth/origin.ts).
 */
export async function requireSameOrigin(): Promise<void> {
  if (crossSiteProblem(await headers())) forbidden();
}

/** For state-changing server actions: our own Origin, then the session and the permission. */
export async function requireStaffAction(permission: Permission): Promise<StaffUser> {
  await requireSameOrigin();
  return requireStaff(permission);
}
