// zod schemas for the staff forms: one per form, shared by the action and its tests.
import { z } from 'zod';
import { ROLES } from '@/lib/domain/roles';
import { passwordProblem } from '@/lib/password';

export const idField = z.coerce.number({ message: 'Missing id.' }).int().positive('Missing id.');

/** Alt text (required), caption and credit of a photo: the lead photo and photos in the body. */
export const photoTextFields = {
  alt: z
    .string()
    .trim()
    .min(1, 'Describe the photo for readers who cannot see it.')
    .max(300, 'At most 300 characters.'),
  caption: z.string().trim().max(500, 'At most 500 characters.').optional().default(''),
  credit: z.string().trim().max(120, 'At most 120 characters.').optional().default(''),
};

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter an e-mail address.')
  .max(254, 'At most 254 characters.')
  .email('Enter a valid e-mail address.');
const name = z.string().trim().min(1, 'Enter a name.').max(80, 'At most 80 characters.');
const role = z.enum(ROLES, { message: 'Choose a role.' });

export function checkedPassword(emailPath = 'email') {
  return (value: { password: string; [k: string]: unknown }, ctx: z.RefinementCtx) => {
    const problem = passwordProblem(value.password, {
      email: typeof value[emailPath] === 'string' ? (value[emailPath] as string) : undefined,
    });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  };
}

/** A new account gets a password typed by the administrator, or (email on) an invitation to choose one. */
export const createUserSchema = z
  .object({
    email,
    name,
    role,
    access: z.enum(['password', 'invite'], { message: 'Choose how they get in.' }).optional().default('password'),
    password: z.string().optional().default(''),
  })
  .superRefine((value, ctx) => {
    if (value.access === 'password') checkedPassword()(value, ctx);
    else if (value.password)
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'Leave the password empty to send an invitation: they choose their own.',
      });
  });
export const updateUserSchema = z.object({ id: idField, email, name, role });
export const userIdSchema = z.object({ id: idField });
export const setDisabledSchema = z.object({ id: idField, disabled: z.enum(['1', '0']) });
export const resetPasswordSchema = z.object({ id: idField, password: z.string() }).superRefine((v, ctx) => {
  const problem = passwordProblem(v.password);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
});
export const changeOwnPasswordSchema = z
  .object({
    current: z.string().min(1, 'Enter your current password.').max(512),
    password: z.string(),
    confirm: z.string(),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    else if (v.password !== v.confirm)
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The two new passwords differ.' });
  });

const nullableParent = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^[1-9]\d{0,8}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'Choose a parent from the list.' });
      return z.NEVER;
    }
    return Number(v);
  });

export const sectionSchema = z.object({
  id: idField.optional(),
  name: z.string().trim().min(1, 'Give the section a name.').max(60, 'At most 60 characters.'),
  slug: z.string().trim().toLowerCase().max(60, 'At most 60 characters.').optional().default(''),
  description: z.string().trim().max(300, 'At most 300 characters.').optional().default(''),
  parentId: nullableParent,
});
export const reorderSchema = z.object({ id: idField, direction: z.enum(['up', 'down']) });

const httpUrl = z
  .string()
  .trim()
  .max(500, 'At most 500 characters.')
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Enter a full web address starting with https://');

export const pageSchema = z.object({
  slug: z.enum(['about', 'contact', 'copyright', 'terms', 'privacy'], { message: 'Unknown page.' }),
  title: z.string().trim().min(1, 'Give the page a title.').max(120, 'At most 120 characters.'),
  body: z.string().max(100_000, 'The text is too long (100,000 characters at most).'),
});

const position = z.coerce
  .number({ message: 'Enter a number.' })
  .int('Enter a whole number.')
  .min(0, 'Zero or more.')
  .max(9999, 'At most 9999.');

export const partnerSchema = z.object({
  id: idField.optional(),
  name: z.string().trim().min(1, 'Enter the partner’s name.').max(80, 'At most 80 characters.'),
  url: httpUrl,
  position,
});

export const promoSchema = z
  .object({
    id: idField.optional(),
    title: z.string().trim().min(1, 'Give the promo a title.').max(100, 'At most 100 characters.'),
    body: z.string().trim().max(500, 'At most 500 characters.').optional().default(''),
    linkLabel: z.string().trim().max(60, 'At most 60 characters.').optional().default(''),
    linkUrl: z
      .union([z.literal(''), httpUrl])
      .optional()
      .default(''),
    active: z.literal('on').optional(),
    position,
  })
  .superRefine((v, ctx) => {
    if (v.linkLabel && !v.linkUrl)
      ctx.addIssue({ code: 'custom', path: ['linkUrl'], message: 'A link label needs a web address.' });
  });

export const settingsSchema = z.object({
  siteName: z.string().trim().min(1, 'The site needs a name.').max(60, 'At most 60 characters.'),
  tagline: z.string().trim().max(120, 'At most 120 characters.').optional().default(''),
  aboutBlurb: z.string().trim().max(600, 'At most 600 characters.').optional().default(''),
  copyrightHolder: z.string().trim().min(1, 'Name who holds the copyright.').max(80, 'At most 80 characters.'),
});

export const contactSchema = z.object({
  name: z.string().trim().min(1, 'Tell us your name.').max(100, 'At most 100 characters.'),
  email: z
    .string()
    .trim()
    .min(1, 'Give an e-mail address so we can reply.')
    .max(254, 'At most 254 characters.')
    .email('Enter a valid e-mail address.'),
  subject: z.string().trim().min(1, 'Add a subject.').max(150, 'At most 150 characters.'),
  message: z
    .string()
    .trim()
    .min(10, 'Write at least a sentence (10 characters).')
    .max(5000, 'At most 5,000 characters.'),
  // A field people never see; bots fill it in.
  website: z.string().max(0, 'Leave this field empty.').optional().default(''),
});
