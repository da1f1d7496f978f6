'use server';

import { z } from 'zod';
import { getStoryAccess } from '@/db/queries/admin-stories';
import { addLibraryPhoto } from '@/db/queries/body-photos';
import { formValues, type ActionState } from '@/lib/action-state';
import { idField, photoTextFields } from '@/lib/admin/schemas';
import type { StaffUser } from '@/lib/auth/staff';
import { staffAction } from '@/lib/auth/staff-action';
import { deleteProcessedImage, MAX_UPLOAD_BYTES, processHeroUpload, UploadError } from '@/lib/media/upload';
import { canEditStory } from '@/lib/permissions';

const bodyPhoto = z
  .custom<File>((v) => v instanceof File && v.size > 0, 'Choose a photo to upload.')
  .refine((f) => f.size <= MAX_UPLOAD_BYTES, 'The photo is larger than 5 MB. Export a smaller one.');
const bodyPhotoSchema = z.object({ id: idField, bodyPhoto, ...photoTextFields });
type BodyPhotoInput = z.output<typeof bodyPhotoSchema>;

/** A photo for a story's body: processed like the lead photo, kept in the library, placed by its block. */
export async function uploadBodyPhotoAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'media.upload', bodyPhotoSchema, (input, user) =>
    uploadBodyPhoto(input, user, formValues(form)),
  );
}

async function uploadBodyPhoto(
  input: BodyPhotoInput,
  user: StaffUser,
  values: Record<string, string>,
): Promise<ActionState> {
  const story = await getStoryAccess(input.id);
  if (!story) return { ok: false, message: 'This story no longer exists.' };
  if (!canEditStory(user, story)) return { ok: false, message: 'You cannot add photos to this story.' };
  let image;
  try {
    image = await processHeroUpload(new Uint8Array(await input.bodyPhoto.arrayBuffer()));
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
