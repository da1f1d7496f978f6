'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  createSection,
  deleteSection,
  reorderSection,
  updateSection,
  type SectionRefusal,
} from '@/db/queries/admin-sections';
import { formValues, type ActionState } from '@/lib/action-state';
import { idField, reorderSchema, sectionSchema } from '@/lib/admin/schemas';
import { revalidateEverything } from '@/lib/admin/revalidate';
import { staffAction } from '@/lib/auth/staff-action';
import { SLUG_PATTERN, slugify } from '@/lib/domain/slug';

type Checked = { name: string; slug: string; description: string; parentId: number | null };

const GONE = 'This section no longer exists.';

const REFUSALS: Record<SectionRefusal['reason'], string> = {
  'slug-taken': 'Another section already uses this slug.',
  'parent-missing': 'Choose a parent from the list.',
  cycle: 'A section cannot go under itself or one of its own subsections.',
  missing: GONE,
};

function fail(form: FormData, field: string, message: string): ActionState {
  return {
    ok: false,
    message: 'Please correct the fields marked below.',
    errors: { [field]: [message] },
    values: formValues(form),
  };
}

/** The slug's form; whether it is free and where the section may go are decided in the save's transaction. */
function check(input: z.output<typeof sectionSchema>, form: FormData): { value: Checked } | { state: ActionState } {
  const slug = input.slug || slugify(input.name);
  if (!SLUG_PATTERN.test(slug))
    return { state: fail(form, 'slug', 'Use lowercase letters, digits and single hyphens.') };
  return { value: { name: input.name, slug, description: input.description, parentId: input.parentId } };
}

function refused(form: FormData, refusal: SectionRefusal): ActionState {
  if (refusal.field === 'id') return { ok: false, message: GONE };
  return fail(form, refusal.field, REFUSALS[refusal.reason]);
}

export async function createSectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'section.manage', sectionSchema, async (input, user) => {
    const checked = check({ ...input, id: undefined }, form);
    if ('state' in checked) return checked.state;
    const result = await createSection(user.id, checked.value);
    if (!result.ok) return refused(form, result);
    revalidateEverything();
    return { ok: true, message: `Section “${checked.value.name}” created.` };
  });
}

export async function updateSectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'section.manage', sectionSchema, async (input, user) => {
    if (input.id === undefined) return { ok: false, message: GONE };
    const checked = check(input, form);
    if ('state' in checked) return checked.state;
    const result = await updateSection(user.id, input.id, checked.value);
    if (!result.ok) return refused(form, result);
    revalidateEverything();
    redirect(`/admin/sections/${input.id}?saved=1`);
  });
}

export async function reorderSectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'section.manage', reorderSchema, async (input, user) => {
    const moved = await reorderSection(user.id, input.id, input.direction);
    if (moved) revalidateEverything();
    return moved
      ? { ok: true, message: 'Order saved.' }
      : { ok: false, message: 'It is already at the end of the list.' };
  });
}

export async function deleteSectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'section.manage', z.object({ id: idField }), async (input, user) => {
    const result = await deleteSection(user.id, input.id);
    if (!result.ok) {
      if (result.reason === 'stories')
        return {
          ok: false,
          message:
            `This section has ${result.count} ${result.count === 1 ? 'story' : 'stories'}. ` +
            'Move them to another section first; a section with stories cannot be deleted.',
        };
      if (result.reason === 'children')
        return { ok: false, message: 'This section has subsections. Move or delete them first.' };
      return { ok: false, message: GONE };
    }
    revalidateEverything();
    redirect('/admin/sections?deleted=1');
  });
}
