// The one wrapper of every staff server action (issue 21 §1, decision 029): our own Origin, the
// session, the permission, the form parsed by its zod schema, then the body with a typed user and
// typed input. Every write transaction the body opens (db/queries/staff-guard.ts) first reads the
// user's row again, locked, and refuses the write when the account was disabled, signed out or lost
// the permission meanwhile: the checks hold inside the write's transaction, not only before it.
import 'server-only';
import { runWithActorCheck, type ActorCheck } from '@/db/queries/staff-guard';
import { lockSessionUser } from '@/db/queries/users';
import { parseForm, type ActionState, type SafeParser } from '@/lib/action-state';
import { can, type Permission } from '@/lib/permissions';
import { requireStaffAction, type StaffUser } from './staff';

/** Thrown inside a write transaction when the acting user may no longer do the action. */
class StaffRightsChanged extends Error {
  constructor() {
    super('The staff member may no longer do this.');
    this.name = 'StaffRightsChanged';
  }
}

export const RIGHTS_CHANGED_MESSAGE =
  'Your account changed while this was being saved (signed out, disabled or given another role), so nothing was saved. Reload the page.';

/**
 * Runs a staff action: refuses a request from another site (403), an anonymous one (to the sign-in
 * page) and one without `permission` (403), answers input the schema refuses with the form's field
 * messages, or with `invalid` when given (nothing written), then runs `body`. The body hashes
 * passwords and processes images before it writes (only database calls await inside a transaction).
 */
export async function staffAction<T>(
  form: FormData,
  permission: Permission,
  schema: SafeParser<T>,
  body: (input: T, user: StaffUser, form: FormData) => Promise<ActionState>,
  invalid?: ActionState,
): Promise<ActionState> {
  const user = await requireStaffAction(permission);
  const parsed = parseForm(schema, form);
  if (parsed.state) return invalid ?? parsed.state;
  const check: ActorCheck = async (tx) => {
    const row = await lockSessionUser(tx, user.id);
    if (!row || row.disabled || row.sessionsValidAfter !== user.sessionsValidAfter || !can(row.role, permission))
      throw new StaffRightsChanged();
  };
  try {
    return await runWithActorCheck(check, () => body(parsed.data, user, form));
  } catch (error) {
    if (error instanceof StaffRightsChanged) return { ok: false, message: RIGHTS_CHANGED_MESSAGE };
    throw error;
  }
}
