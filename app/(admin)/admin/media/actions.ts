'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { deleteLibraryPhoto } from '@/db/queries/body-photos';
import type { ActionState } from '@/lib/action-state';
import { idField } from '@/lib/admin/schemas';
import { revalidateStory } from '@/lib/admin/revalidate';
import type { StaffUser } from '@/lib/auth/staff';
import { staffAction } from '@/lib/auth/staff-action';
import { rerenderBodies } from '@/lib/media/body-photos';
import { deleteReplacedImage } from '@/lib/media/upload';

const deleteSchema = z.object({ id: idField, confirm: z.enum(['1']).optional() });

/** Deletes a photo of the library; one that stories show only once the editor confirmed it. */
export async function deletePhotoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.edit-any', deleteSchema, deletePhoto);
}

async function deletePhoto(input: z.output<typeof deleteSchema>, user: StaffUser): Promise<ActionState> {
  const result = await deleteLibraryPhoto(user.id, input.id, input.confirm === '1');
  if (!result.ok && result.reason === 'missing')
    return { ok: false, message: 'This photo is no longer in the library.' };
  if (!result.ok)
    return {
      ok: false,
      message: `This photo is in use in ${result.uses} ${result.uses === 1 ? 'place' : 'places'}. Readers will no longer see it there.`,
      errors: { confirm: ['Tick the box to delete it anyway.'] },
    };
  await deleteReplacedImage(result.path);
  for (const story of [...result.heroStories, ...(await rerenderBodies(result.bodyStories))])
    await revalidateStory({ slug: story.slug, sectionIds: [story.sectionId] });
  revalidatePath('/admin/media');
  return { ok: true, message: 'Photo deleted.' };
}
