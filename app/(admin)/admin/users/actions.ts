'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createUser, getUserById, setUserDisabledBy, setUserPasswordBy, updateUser } from '@/db/queries/users';
import { type ActionState } from '@/lib/action-state';
import {
  createUserSchema,
  resetPasswordSchema,
  setDisabledSchema,
  updateUserSchema,
  userIdSchema,
} from '@/lib/admin/schemas';
import { inviteAccount, newInvitation, sendInvitation } from '@/lib/auth/password-links';
import { emailEnabled } from '@/lib/email/mailer';
import { staffAction } from '@/lib/auth/staff-action';
import { hashPassword, randomPassword } from '@/lib/password';
import { linkUserToAuthor } from '@/db/queries/user-authors';
import { idField } from '@/lib/admin/schemas';
import type { StaffUser } from '@/lib/auth/staff';
import { z } from 'zod';

const GONE = 'That user no longer exists.';
const EMAIL_TAKEN = 'Another account uses this e-mail address.';

export async function createUserAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'users.manage', createUserSchema, async (input, actor): Promise<ActionState> => {
    const values = { email: input.email, name: input.name, role: input.role, access: input.access };
    const invite = input.access === 'invite';
    if (invite && !emailEnabled())
      return { ok: false, errors: { access: ['Email is off on this site: set a password for them instead.'] }, values };
    // An invited account's password is random and known to nobody until they choose their own.
    const passwordHash = await hashPassword(invite ? randomPassword() : input.password);
    const invitation = invite ? newInvitation(actor.id) : undefined;
    const created = await createUser(
      actor.id,
      { email: input.email, name: input.name, role: input.role, passwordHash },
      invitation?.link,
    );
    if (!created.ok) return { ok: false, errors: { email: [EMAIL_TAKEN] }, values };
    revalidatePath('/admin/users');
    if (!invitation) redirect(`/admin/users/${created.id}?created=1`);
    const sent = await sendInvitation(input, invitation.token, invitation.expiresAt, actor.name);
    redirect(`/admin/users/${created.id}?invited=${sent ? 'sent' : 'not-sent'}`);
  });
}

/** Sends a new invitation (the older link stops working) to an account that has not taken its one up. */
export async function resendInvitationAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'users.manage', userIdSchema, async ({ id }, actor) => {
    if (!emailEnabled()) return { ok: false, message: 'Email is off on this site: reset their password instead.' };
    const result = await inviteAccount(id, actor);
    if (result === 'refused')
      return { ok: false, message: 'This account has no invitation waiting (accepted, disabled or gone).' };
    revalidatePath(`/admin/users/${id}`);
    revalidatePath('/admin/users');
    if (result === 'not-sent')
      return {
        ok: false,
        message: 'A new link was made, but the mail server did not take the email. Try again in a while.',
      };
    return { ok: true, message: 'Invitation sent again. Only the newest link works; it lasts 7 days.' };
  });
}

export async function updateUserAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'users.manage', updateUserSchema, async (input, actor): Promise<ActionState> => {
    const result = await updateUser(actor.id, input.id, input);
    const values = { ...input, id: String(input.id) };
    if (!result.ok) {
      if (result.reason === 'missing') return { ok: false, message: GONE };
      if (result.reason === 'email-taken') return { ok: false, errors: { email: [EMAIL_TAKEN] }, values };
      return {
        ok: false,
        errors: { role: ['This is the last active administrator; make someone else an administrator first.'] },
        values,
      };
    }
    revalidatePath('/admin/users');
    return {
      ok: true,
      message: result.roleChanged
        ? 'Saved. The new role applies from their next sign-in; their current sessions have ended.'
        : 'Saved.',
    };
  });
}

export async function setUserDisabledAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'users.manage', setDisabledSchema, async ({ id, disabled }, actor) => {
    if (disabled === '1' && id === actor.id) return { ok: false, message: 'You cannot disable your own account.' };
    const result = await setUserDisabledBy(actor.id, id, disabled === '1');
    if (!result.ok)
      return { ok: false, message: result.reason === 'missing' ? GONE : 'This is the last active administrator.' };
    revalidatePath('/admin/users');
    return {
      ok: true,
      message:
        disabled === '1'
          ? 'Disabled. Their sessions stop working on their next request.'
          : 'Enabled again. They can sign in.',
    };
  });
}

export async function resetUserPasswordAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'users.manage', resetPasswordSchema, async (input, actor) => {
    if (!(await getUserById(input.id))) return { ok: false, message: GONE };
    if (!(await setUserPasswordBy(actor.id, input.id, await hashPassword(input.password))))
      return { ok: false, message: GONE };
    return {
      ok: true,
      message:
        input.id === actor.id
          ? 'Password changed. Sign in again with the new one.'
          : 'Password reset. Their sessions have ended; give them the new password in person.',
    };
  });
}

const linkAuthorSchema = z.object({
  id: idField,
  authorId: z
    .string()
    .trim()
    .regex(/^(|[1-9]\d{0,8})$/, 'Choose an author page from the list.')
    .transform((v) => (v === '' ? null : Number(v))),
});

/** Links a staff account to its author page: their new stories take its name as byline and author. */
export async function linkAuthorAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'users.manage', linkAuthorSchema, linkAuthor);
}

async function linkAuthor(input: z.output<typeof linkAuthorSchema>, actor: StaffUser): Promise<ActionState> {
  const result = await linkUserToAuthor(actor.id, input.id, input.authorId);
  if (!result) return { ok: false, message: 'That account or author page no longer exists.' };
  revalidatePath(`/admin/users/${input.id}`);
  return {
    ok: true,
    message: result.authorName
      ? `Linked to ${result.authorName}: their new stories carry that byline and author page.`
      : 'No author page linked any more.',
  };
}
