'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  createPartner,
  createPromo,
  deletePartner,
  deletePromo,
  savePage,
  saveSettings,
  updatePartner,
  updatePromo,
} from '@/db/queries/admin-site';
import { setMessageRead } from '@/db/queries/contact';
import { parseForm, type ActionState } from '@/lib/action-state';
import { idField, pageSchema, partnerSchema, promoSchema, settingsSchema } from '@/lib/admin/schemas';
import { revalidateEverything, revalidateStaticPage } from '@/lib/admin/revalidate';
import { requireStaffAction } from '@/lib/auth/staff';
import { renderMarkdown } from '@/lib/markdown';

export async function savePageAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('furniture.manage');
  const parsed = parseForm(pageSchema, form);
  if (parsed.state) return parsed.state;
  const { slug, title, body } = parsed.data;
  savePage(user.id, slug, { title, body, bodyHtml: renderMarkdown(body) });
  revalidateStaticPage(slug);
  redirect(`/admin/pages/${slug}?saved=1`);
}

export async function savePartnerAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('furniture.manage');
  const parsed = parseForm(partnerSchema, form);
  if (parsed.state) return parsed.state;
  const { id, ...input } = parsed.data;
  if (id === undefined) createPartner(user.id, input);
  else if (!updatePartner(user.id, id, input)) return { ok: false, message: 'This partner no longer exists.' };
  revalidateEverything();
  return { ok: true, message: id === undefined ? `Added ${input.name}.` : 'Saved.' };
}

export async function deletePartnerAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('furniture.manage');
  const parsed = parseForm(z.object({ id: idField }), form);
  if (parsed.state) return parsed.state;
  if (!deletePartner(user.id, parsed.data.id)) return { ok: false, message: 'This partner no longer exists.' };
  revalidateEverything();
  redirect('/admin/partners?deleted=1');
}

export async function savePromoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('furniture.manage');
  const parsed = parseForm(promoSchema, form);
  if (parsed.state) return parsed.state;
  const { id, active, ...rest } = parsed.data;
  const input = { ...rest, active: active === 'on' };
  if (id === undefined) createPromo(user.id, input);
  else if (!updatePromo(user.id, id, input)) return { ok: false, message: 'This promo no longer exists.' };
  revalidateEverything();
  if (id === undefined) redirect('/admin/promos?created=1');
  return { ok: true, message: 'Saved.' };
}

export async function deletePromoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('furniture.manage');
  const parsed = parseForm(z.object({ id: idField }), form);
  if (parsed.state) return parsed.state;
  if (!deletePromo(user.id, parsed.data.id)) return { ok: false, message: 'This promo no longer exists.' };
  revalidateEverything();
  redirect('/admin/promos?deleted=1');
}

export async function saveSettingsAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('settings.manage');
  const parsed = parseForm(settingsSchema, form);
  if (parsed.state) return parsed.state;
  saveSettings(user.id, parsed.data);
  revalidateEverything();
  return { ok: true, message: 'Saved. Every page shows the new values.' };
}

export async function markMessageAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('inbox.read');
  const parsed = parseForm(z.object({ id: idField, read: z.enum(['1', '0']) }), form);
  if (parsed.state) return parsed.state;
  if (!(await setMessageRead(user.id, parsed.data.id, parsed.data.read === '1')))
    return { ok: false, message: 'This message no longer exists.' };
  redirect('/admin/inbox');
}
