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
import { type ActionState } from '@/lib/action-state';
import { idField, pageSchema, partnerSchema, promoSchema, settingsSchema } from '@/lib/admin/schemas';
import { revalidateEverything, revalidateStaticPage } from '@/lib/admin/revalidate';
import { staffAction } from '@/lib/auth/staff-action';
import { renderMarkdown } from '@/lib/markdown';

const idOnly = z.object({ id: idField });
const readSchema = z.object({ id: idField, read: z.enum(['1', '0']) });

export async function savePageAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'furniture.manage', pageSchema, async ({ slug, title, body }, user) => {
    await savePage(user.id, slug, { title, body, bodyHtml: renderMarkdown(body) });
    revalidateStaticPage(slug);
    redirect(`/admin/pages/${slug}?saved=1`);
  });
}

export async function savePartnerAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'furniture.manage', partnerSchema, async ({ id, ...input }, user) => {
    if (id === undefined) await createPartner(user.id, input);
    else if (!(await updatePartner(user.id, id, input)))
      return { ok: false, message: 'This partner no longer exists.' };
    revalidateEverything();
    return { ok: true, message: id === undefined ? `Added ${input.name}.` : 'Saved.' };
  });
}

export async function deletePartnerAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'furniture.manage', idOnly, async ({ id }, user) => {
    if (!(await deletePartner(user.id, id))) return { ok: false, message: 'This partner no longer exists.' };
    revalidateEverything();
    redirect('/admin/partners?deleted=1');
  });
}

export async function savePromoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'furniture.manage', promoSchema, async ({ id, active, ...rest }, user) => {
    const input = { ...rest, active: active === 'on' };
    if (id === undefined) await createPromo(user.id, input);
    else if (!(await updatePromo(user.id, id, input))) return { ok: false, message: 'This promo no longer exists.' };
    revalidateEverything();
    if (id === undefined) redirect('/admin/promos?created=1');
    return { ok: true, message: 'Saved.' };
  });
}

export async function deletePromoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'furniture.manage', idOnly, async ({ id }, user) => {
    if (!(await deletePromo(user.id, id))) return { ok: false, message: 'This promo no longer exists.' };
    revalidateEverything();
    redirect('/admin/promos?deleted=1');
  });
}

export async function saveSettingsAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'settings.manage', settingsSchema, async (input, user) => {
    await saveSettings(user.id, input);
    revalidateEverything();
    return { ok: true, message: 'Saved. Every page shows the new values.' };
  });
}

export async function markMessageAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'inbox.read', readSchema, async ({ id, read }, user) => {
    if (!(await setMessageRead(user.id, id, read === '1')))
      return { ok: false, message: 'This message no longer exists.' };
    redirect('/admin/inbox');
  });
}
