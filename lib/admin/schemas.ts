// zod schemas for the staff forms: one per form, shared by the action and its tests.
import { z } from 'zod';
import { ROLES } from '@/db/schema';
import { passwordProblem } from '@/lib/password';

export const idField = z.coerce.number({ message: 'Missing id.' }).int().positive('Missing id.');

const email = z.string().trim().toLowerCase().min(1, 'Enter an e-mail address.').max(254, 'At most 254 characters.').email('Enter a valid e-mail address.');
const name = z.string().trim().min(1, 'Enter a name.').max(80, 'At most 80 characters.');
const role = z.enum(ROLES, { message: 'Choose a role.' });

export function checkedPassword(emailPath = 'email') {
  return (value: { password: string; [k: string]: unknown }, ctx: z.RefinementCtx) => {
    const problem = passwordProblem(value.password, { email: typeof value[emailPath] === 'string' ? (value[emailPath] as string) : undefined });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  };
}

export const createUserSchema = z.object({ email, name, role, password: z.string() }).superRefine(checkedPassword());
export const updateUserSchema = z.object({ id: idField, email, name, role });
export const userIdSchema = z.object({ id: idField });
export const setDisabledSchema = z.object({ id: idField, disabled: z.enum(['1', '0']) });
export const resetPasswordSchema = z.object({ id: idField, password: z.string() }).superRefine((v, ctx) => {
  const problem = passwordProblem(v.password);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
});
export const changeOwnPasswordSchema = z
  .object({ current: z.string().min(1, 'Enter your current password.').max(512), password: z.string(), confirm: z.string() })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    else if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The two new passwords differ.' });
  });
