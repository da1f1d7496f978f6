'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { MAX_PINS, replacePins, setStoryPinned, type ReplacePinsResult } from '@/db/queries/pins';
import { getSectionById, listSections, sectionAndDescendantIds } from '@/db/queries/sections';
import { formValues, type ActionState } from '@/lib/action-state';
import { idField } from '@/lib/admin/schemas';
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

/** The pages a place's pins show on. */
function revalidatePins(section: { slug: string } | undefined) {
  if (section) {
    // The section's own page: its later pages shift when a pin comes or goes.
    revalidatePath(sectionPath(section.slug));
    revalidatePath('/section/[slug]/page/[n]', 'page');
  }
  // The home page shows the home pins, and each top-level section's block opens with its pins.
  revalidatePath('/');
}

async function savePins(input: PinsFormInput, user: StaffUser): Promise<ActionState> {
  const all = await listSections();
  const section = input.place === null ? undefined : await getSectionById(input.place);
  if (input.place !== null && !section) return { ok: false, message: 'This section no longer exists.' };
  const result = await replacePins(user.id, input.place, input.pins, {
    sectionIds: section ? sectionAndDescendantIds(all, section.id) : undefined,
  });
  if (!result.ok) return { ok: false, message: REFUSED[result.reason] };
  revalidatePins(section);
  const expired = input.droppedExpired ? `&expired=${input.droppedExpired}` : '';
  redirect(`/admin/front-page?place=${section ? section.id : 'home'}&saved=1${expired}`);
}

const pinStorySchema = z.object({
  id: idField,
  place: z.union([z.literal('home'), idField], { message: 'Choose the home page or a section.' }),
  pin: z.enum(['1', '0'], { message: 'Choose to pin or to unpin.' }),
});

/** From a story's own page: pin it at the top of the home page or one of its sections, or unpin it. */
export async function pinStoryAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.publish', pinStorySchema, async ({ id, place, pin }, user) => {
    const all = await listSections();
    const section = place === 'home' ? undefined : all.find((s) => s.id === place);
    if (place !== 'home' && !section) return { ok: false, message: 'This section no longer exists.' };
    const result = await setStoryPinned(user.id, section ? section.id : null, id, pin === '1', {
      sectionIds: section ? sectionAndDescendantIds(all, section.id) : undefined,
    });
    if (!result.ok)
      return {
        ok: false,
        message:
          result.reason === 'too-many'
            ? `At most ${MAX_PINS} stories can be pinned in one place: unpin one on the front-page page first.`
            : result.reason === 'unknown-story'
              ? 'Only a published or scheduled story can be pinned.'
              : REFUSED[result.reason],
      };
    revalidatePins(section);
    redirect(`/admin/stories/${id}?saved=${pin === '1' ? 'pinned' : 'unpinned'}`);
  });
}
