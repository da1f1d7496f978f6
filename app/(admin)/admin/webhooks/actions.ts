'use server';

import { isIP } from 'node:net';
import { z } from 'zod';
import {
  allowPrivateTargets,
  createWebhook,
  deleteWebhook,
  MAX_WEBHOOKS,
  setAllowPrivateTargets,
  setWebhookActive,
} from '@/db/queries/webhooks';
import { formValues, type ActionState } from '@/lib/action-state';
import { idField } from '@/lib/admin/schemas';
import type { StaffUser } from '@/lib/auth/staff';
import { staffAction } from '@/lib/auth/staff-action';
import { addressProblem, parseWebhookUrl } from '@/lib/webhooks/target';
import { revalidatePath } from 'next/cache';

const urlSchema = z.object({ url: z.string().max(4000, 'The address is too long.') });
const toggleSchema = z.object({ id: idField, active: z.enum(['1', '0']) });
const idSchema = z.object({ id: idField });
const allowSchema = z.object({ allow: z.enum(['1', '0']) });

async function createWebhookBody(input: z.infer<typeof urlSchema>, user: StaffUser): Promise<ActionState> {
  const parsed = parseWebhookUrl(input.url);
  const host = 'url' in parsed ? parsed.url.hostname.replace(/^\[|\]$/g, '') : '';
  // An address typed as digits is checked now; a name is checked at every attempt, where it resolves.
  const problem =
    'error' in parsed ? parsed.error : isIP(host) ? addressProblem(host, await allowPrivateTargets()) : undefined;
  if (problem) return { ok: false, message: 'Please correct the fields marked below.', errors: { url: [problem] } };
  const created = await createWebhook(user.id, (parsed as { url: URL }).url.href);
  if (!created) return { ok: false, message: `A site can have at most ${MAX_WEBHOOKS} webhooks.` };
  revalidatePath('/admin/webhooks');
  return { ok: true, message: 'Webhook added. Its signing secret is shown below it.' };
}

async function toggleWebhookBody(input: z.infer<typeof toggleSchema>, user: StaffUser): Promise<ActionState> {
  const active = input.active === '1';
  if (!(await setWebhookActive(user.id, input.id, active)))
    return { ok: false, message: 'This webhook no longer exists.' };
  revalidatePath('/admin/webhooks');
  return { ok: true, message: active ? 'Webhook resumed.' : 'Webhook paused: nothing is sent to it.' };
}

async function deleteWebhookBody(input: z.infer<typeof idSchema>, user: StaffUser): Promise<ActionState> {
  if (!(await deleteWebhook(user.id, input.id))) return { ok: false, message: 'This webhook no longer exists.' };
  revalidatePath('/admin/webhooks');
  return { ok: true, message: 'Webhook removed, with its deliveries.' };
}

async function allowPrivateBody(input: z.infer<typeof allowSchema>, user: StaffUser): Promise<ActionState> {
  await setAllowPrivateTargets(user.id, input.allow === '1');
  revalidatePath('/admin/webhooks');
  return {
    ok: true,
    message:
      input.allow === '1'
        ? 'Webhooks may now post to private and loopback addresses.'
        : 'Webhooks post to public addresses only.',
  };
}

export async function createWebhookAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'webhooks.manage', urlSchema, async (input, user) => {
    const result = await createWebhookBody(input, user);
    return result.ok ? result : { ...result, values: formValues(form) };
  });
}

export async function toggleWebhookAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'webhooks.manage', toggleSchema, toggleWebhookBody);
}

export async function deleteWebhookAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'webhooks.manage', idSchema, deleteWebhookBody);
}

export async function allowPrivateWebhooksAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'settings.manage', allowSchema, allowPrivateBody);
}
