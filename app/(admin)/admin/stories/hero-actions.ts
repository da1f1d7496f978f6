'use server';

import { z } from 'zod';
import { getStoryAccess } from '@/db/queries/admin-stories';
import { attachHeroImage, updateHeroText } from '@/db/queries/media';
import { formValues, type ActionState } from '@/lib/action-state';
import { idField, photoTextFields } from '@/lib/admin/schemas';
import { revalidateStory } from '@/lib/admin/revalidate';
import { staffAction } from '@/lib/auth/staff-action';
import {
  deleteProcessedImage,
  deleteReplacedImage,
  MAX_UPLOAD_BYTES,
  processHeroUpload,
  UploadError,
} from '@/lib/media/upload';
import { canEditStory } from '@/lib/permissions';

const heroText = photoTextFields;
const photo = z
  .custom<File>((v) => v instanceof File && v.size > 0, 'Choose a photo to upload.')
  .refine((f) => f.size <= MAX_UPLOAD_BYTES, 'The photo is larger than 5 MB. Export a smaller one.');
const uploadSchema = z.object({ id: idField, photo, ...heroText });
const textSchema = z.object({ id: idField, ...heroText });

const GONE = 'This story no longer exists.';
const NOT_YOURS = 'You cannot change this story’s photo.';

export async function uploadHeroAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'media.upload', uploadSchema, async (input, user) => {
    const values = formValues(form);
    const story = await getStoryAccess(input.id);
    if (!story) return { ok: false, message: GONE };
    if (!canEditStory(user, story)) return { ok: false, message: NOT_YOURS };

    // The image is processed before the transaction: only database calls await inside one.
    let image;
    try {
      image = await processHeroUpload(new Uint8Array(await input.photo.arrayBuffer()));
    } catch (error) {
      if (error instanceof UploadError)
        return { ok: false, message: 'The photo was not accepted.', errors: { photo: [error.message] }, values };
      throw error;
    }
    let result;
    try {
      result = await attachHeroImage(
        user.id,
        story.id,
        { ...image, alt: input.alt, caption: input.caption, credit: input.credit },
        Date.now(),
        (locked) => canEditStory(user, locked),
      );
    } catch (error) {
      await deleteProcessedImage(image.key);
      throw error;
    }
    if (!result || result === 'refused') {
      await deleteProcessedImage(image.key);
      return { ok: false, message: result ? NOT_YOURS : GONE };
    }
    await deleteReplacedImage(result.replacedPath);
    await revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
    return { ok: true, message: `Photo saved (${image.width}×${image.height}, ${image.variants.length} sizes).` };
  });
}

export async function updateHeroTextAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'media.upload', textSchema, async (input, user) => {
    const story = await getStoryAccess(input.id);
    if (!story) return { ok: false, message: GONE };
    if (!canEditStory(user, story)) return { ok: false, message: NOT_YOURS };
    const result = await updateHeroText(
      user.id,
      story.id,
      { alt: input.alt, caption: input.caption, credit: input.credit },
      Date.now(),
      (locked) => canEditStory(user, locked),
    );
    if (result === 'refused') return { ok: false, message: NOT_YOURS };
    if (!result) return { ok: false, message: 'This story has no photo yet.' };
    await revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
    return { ok: true, message: 'Caption saved.' };
  });
}
