'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { MAX_PINS, replacePins, type ReplacePinsResult } from '@/db/queries/pins';
import { getSectionById, listSections, sectionAndDescendantIds } from '@/db/queries/sections';
import { formValues, type ActionState } from '@/lib/action-state';
import { parsePinsForm, type PinsFormInput } from '@/lib/admin/front-page-form';
import type { StaffUser } from '@/lib/auth/staff';
import { staffAction } from '@/lib/auth/staff-action';
import { z } from 'zod';
import { sectionPath } from '@/lib/domain/routes';

const REFUSED: Record<Extract<ReplacePinsResult, { ok: false }>['reason'], string> = {
  'too-many': `At most ${MAX_PINS} stories can be pinned in one place.`,
  duplicate: 'A story is in the list twice.',
  expired: 'A pin’s time has already passed.',
  'unknown-story': 'A story in the list is no longer published or scheduled: reload the page.',
  'outside-section': 'A story in the list is not in this section or one of its subsections: reload the page.',
};

/** The form's fields repeat per pinned story, so they are read by parsePinsForm, not by a fixed schema. */
const ANY_FIELDS = z.object({});

export async function savePinsAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.publish', ANY_FIELDS, async (_fields, user) => {
    const parsed = parsePinsForm(form, Date.now());
    if (!parsed.ok)
      return {
        ok: false,
        message: parsed.errors.form?.[0] ?? 'Please correct the fields marked below.',
        errors: parsed.errors,
        values: formValues(form),
      };
    return savePins(parsed.data, user);
  });
}

async function savePins(input: PinsFormInput, user: StaffUser): Promise<ActionState> {
  const all = await listSections();
  const section = input.place === null ? undefined : await getSectionById(input.place);
  if (input.place !== null && !section) return { ok: false, message: 'This section no longer exists.' };
  const result = await replacePins(user.id, input.place, input.pins, {
    sectionIds: section ? sectionAndDescendantIds(all, section.id) : undefined,
  });
  if (!result.ok) return { ok: false, message: REFUSED[result.reason] };
  if (section) {
    // The section's own page: its later pages shift when a pin comes or goes.
    revalidatePath(sectionPath(section.slug));
    revalidatePath('/section/[slug]/page/[n]', 'page');
  }
  // The home page shows the home pins, and each top-level section's block opens with its pins.
  revalidatePath('/');
  const expired = input.droppedExpired ? `&expired=${input.droppedExpired}` : '';
  redirect(`/admin/front-page?place=${section ? section.id : 'home'}&saved=1${expired}`);
}
