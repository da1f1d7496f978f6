'use server';

import { z } from 'zod';
import { getStoryAccess } from '@/db/queries/admin-stories';
import { addLibraryPhoto } from '@/db/queries/body-photos';
import { fieldErrors, formValues, type ActionState } from '@/lib/action-state';
import { idField, photoTextFields } from '@/lib/admin/schemas';
import { requireStaffAction } from '@/lib/auth/staff';
import type { StaffUser } from '@/lib/auth/staff';
import { deleteProcessedImage, MAX_UPLOAD_BYTES, processHeroUpload, UploadError } from '@/lib/media/upload';
import { canEditStory } from '@/lib/permissions';

const bodyPhotoSchema = z.object({ id: idField, ...photoTextFields });
type BodyPhotoInput = z.output<typeof bodyPhotoSchema> & { file: File };

/** A photo for a story's body: processed like the lead photo, kept in the library, placed by its block. */
export async function uploadBodyPhotoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('media.upload');
  const values = formValues(form);
  const parsed = bodyPhotoSchema.safeParse(Object.fromEntries(form.entries()));
  const file = form.get('bodyPhoto');
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  if (!(file instanceof File) || file.size === 0) errors.bodyPhoto = ['Choose a photo to upload.'];
  else if (file.size > MAX_UPLOAD_BYTES) errors.bodyPhoto = ['The photo is larger than 5 MB. Export a smaller one.'];
  if (!parsed.success || Object.keys(errors).length > 0 || !(file instanceof File))
    return { ok: false, message: 'Please correct the fields marked below.', errors, values };
  return uploadBodyPhoto({ ...parsed.data, file }, user, values);
}

async function uploadBodyPhoto(input: BodyPhotoInput, user: StaffUser, values: Record<string, string>) {
  const story = await getStoryAccess(input.id);
  if (!story) return { ok: false, message: 'This story no longer exists.' };
  if (!canEditStory(user, story)) return { ok: false, message: 'You cannot add photos to this story.' };
  let image;
  try {
    image = await processHeroUpload(new Uint8Array(await input.file.arrayBuffer()));
  } catch (error) {
    if (error instanceof UploadError)
      return { ok: false, message: 'The photo was not accepted.', errors: { bodyPhoto: [error.message] }, values };
    throw error;
  }
  let mediaId: number;
  try {
    mediaId = await addLibraryPhoto(
      user.id,
      image,
      { alt: input.alt, caption: input.caption, credit: input.credit },
      story.id,
    );
  } catch (error) {
    await deleteProcessedImage(image.key);
    throw error;
  }
  const block = `{{photo ${mediaId}}}`;
  return {
    ok: true,
    message: `Photo ${mediaId} is in the library. To place it, put ${block} on a line of its own between two paragraphs of the body, then save the story.`,
    values: { block },
  };
}
