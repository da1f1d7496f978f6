'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  countActiveAdmins,
  createUser,
  emailTaken,
  getUserById,
  setUserDisabledBy,
  setUserPasswordBy,
  updateUser,
} from '@/db/queries/users';
import { parseForm, type ActionState } from '@/lib/action-state';
import { createUserSchema, resetPasswordSchema, setDisabledSchema, updateUserSchema } from '@/lib/admin/schemas';
import { requireStaffAction } from '@/lib/auth/staff';
import { hashPassword } from '@/lib/password';
import { linkUserToAuthor } from '@/db/queries/user-authors';
import { idField } from '@/lib/admin/schemas';
import type { StaffUser } from '@/lib/auth/staff';
import { z } from 'zod';

export async function createUserAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireStaffAction('users.manage');
  const parsed = parseForm(createUserSchema, form);
  if (parsed.state) return parsed.state;
  const input = parsed.data;
  if (emailTaken(input.email))
    return {
      ok: false,
      errors: { email: ['Another account uses this e-mail address.'] },
      values: { email: input.email, name: input.name, role: input.role },
    };
  const id = createUser(actor.id, {
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  revalidatePath('/admin/users');
  redirect(`/admin/users/${id}?created=1`);
}

export async function updateUserAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireStaffAction('users.manage');
  const parsed = parseForm(updateUserSchema, form);
  if (parsed.state) return parsed.state;
  const input = parsed.data;
  const target = getUserById(input.id);
  if (!target) return { ok: false, message: 'That user no longer exists.' };
  if (emailTaken(input.email, input.id))
    return {
      ok: false,
      errors: { email: ['Another account uses this e-mail address.'] },
      values: { ...input, id: String(input.id) },
    };
  if (target.role === 'admin' && input.role !== 'admin' && !target.disabled && countActiveAdmins() <= 1) {
    return {
      ok: false,
      errors: { role: ['This is the last active administrator; make someone else an administrator first.'] },
      values: { ...input, id: String(input.id) },
    };
  }
  updateUser(actor.id, input.id, input);
  revalidatePath('/admin/users');
  return {
    ok: true,
    message:
      target.role !== input.role
        ? 'Saved. The new role applies from their next sign-in; their current sessions have ended.'
        : 'Saved.',
  };
}

export async function setUserDisabledAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireStaffAction('users.manage');
  const parsed = parseForm(setDisabledSchema, form);
  if (parsed.state) return parsed.state;
  const { id, disabled } = parsed.data;
  const target = getUserById(id);
  if (!target) return { ok: false, message: 'That user no longer exists.' };
  if (disabled === '1') {
    if (id === actor.id) return { ok: false, message: 'You cannot disable your own account.' };
    if (target.role === 'admin' && countActiveAdmins() <= 1)
      return { ok: false, message: 'This is the last active administrator.' };
  }
  setUserDisabledBy(actor.id, id, disabled === '1');
  revalidatePath('/admin/users');
  return {
    ok: true,
    message:
      disabled === '1'
        ? 'Disabled. Their sessions stop working on their next request.'
        : 'Enabled again. They can sign in.',
  };
}

export async function resetUserPasswordAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireStaffAction('users.manage');
  const parsed = parseForm(resetPasswordSchema, form);
  if (parsed.state) return parsed.state;
  if (!getUserById(parsed.data.id)) return { ok: false, message: 'That user no longer exists.' };
  setUserPasswordBy(actor.id, parsed.data.id, await hashPassword(parsed.data.password));
  return {
    ok: true,
    message:
      parsed.data.id === actor.id
        ? 'Password changed. Sign in again with the new one.'
        : 'Password reset. Their sessions have ended; give them the new password in person.',
  };
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
  const actor = await requireStaffAction('users.manage');
  const parsed = parseForm(linkAuthorSchema, form);
  if (parsed.state) return parsed.state;
  return linkAuthor(parsed.data, actor);
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
