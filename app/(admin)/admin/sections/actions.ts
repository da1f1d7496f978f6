'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  createSection,
  deleteSection,
  reorderSection,
  sectionSlugTaken,
  updateSection,
  wouldCycle,
} from '@/db/queries/admin-sections';
import { getSectionById } from '@/db/queries/sections';
import { formValues, parseForm, type ActionState } from '@/lib/action-state';
import { idField, reorderSchema, sectionSchema } from '@/lib/admin/schemas';
import { revalidateEverything } from '@/lib/admin/revalidate';
import { requireStaffAction } from '@/lib/auth/staff';
import { SLUG_PATTERN, slugify } from '@/lib/domain/slug';

type Checked = { name: string; slug: string; description: string; parentId: number | null };

async function check(
  input: z.output<typeof sectionSchema>,
  form: FormData,
): Promise<{ value: Checked } | { state: ActionState }> {
  const slug = input.slug || slugify(input.name);
  const fail = (field: string, message: string) => ({
    state: {
      ok: false,
      message: 'Please correct the fields marked below.',
      errors: { [field]: [message] },
      values: formValues(form),
    },
  });
  if (!SLUG_PATTERN.test(slug)) return fail('slug', 'Use lowercase letters, digits and single hyphens.');
  if (sectionSlugTaken(slug, input.id)) return fail('slug', 'Another section already uses this slug.');
  if (input.parentId !== null && !(await getSectionById(input.parentId)))
    return fail('parentId', 'Choose a parent from the list.');
  if (input.id !== undefined && (await wouldCycle(input.id, input.parentId)))
    return fail('parentId', 'A section cannot go under itself or one of its own subsections.');
  return { value: { name: input.name, slug, description: input.description, parentId: input.parentId } };
}

export async function createSectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('section.manage');
  const parsed = parseForm(sectionSchema, form);
  if (parsed.state) return parsed.state;
  const checked = await check({ ...parsed.data, id: undefined }, form);
  if ('state' in checked) return checked.state;
  createSection(user.id, checked.value);
  revalidateEverything();
  return { ok: true, message: `Section “${checked.value.name}” created.` };
}

export async function updateSectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('section.manage');
  const parsed = parseForm(sectionSchema, form);
  if (parsed.state) return parsed.state;
  if (parsed.data.id === undefined || !(await getSectionById(parsed.data.id)))
    return { ok: false, message: 'This section no longer exists.' };
  const checked = await check(parsed.data, form);
  if ('state' in checked) return checked.state;
  updateSection(user.id, parsed.data.id, checked.value);
  revalidateEverything();
  redirect(`/admin/sections/${parsed.data.id}?saved=1`);
}

export async function reorderSectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('section.manage');
  const parsed = parseForm(reorderSchema, form);
  if (parsed.state) return parsed.state;
  const moved = reorderSection(user.id, parsed.data.id, parsed.data.direction);
  if (moved) revalidateEverything();
  return moved
    ? { ok: true, message: 'Order saved.' }
    : { ok: false, message: 'It is already at the end of the list.' };
}

export async function deleteSectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('section.manage');
  const parsed = parseForm(z.object({ id: idField }), form);
  if (parsed.state) return parsed.state;
  const result = deleteSection(user.id, parsed.data.id);
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
    return { ok: false, message: 'This section no longer exists.' };
  }
  revalidateEverything();
  redirect('/admin/sections?deleted=1');
}
