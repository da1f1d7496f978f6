'use server';

import { z } from 'zod';
import { getStoryAccess } from '@/db/queries/admin-stories';
import { attachHeroImage, updateHeroText } from '@/db/queries/media';
import { fieldErrors, formValues, type ActionState } from '@/lib/action-state';
import { idField, photoTextFields } from '@/lib/admin/schemas';
import { revalidateStory } from '@/lib/admin/revalidate';
import { requireStaffAction } from '@/lib/auth/staff';
import {
  deleteProcessedImage,
  deleteReplacedImage,
  MAX_UPLOAD_BYTES,
  processHeroUpload,
  UploadError,
} from '@/lib/media/upload';
import { canEditStory } from '@/lib/permissions';

const heroText = photoTextFields;
const uploadSchema = z.object({ id: idField, ...heroText });
const textSchema = z.object({ id: idField, ...heroText });

export async function uploadHeroAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('media.upload');
  const values = formValues(form);
  const parsed = uploadSchema.safeParse(Object.fromEntries(form.entries()));
  const file = form.get('photo');
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  if (!(file instanceof File) || file.size === 0) errors.photo = ['Choose a photo to upload.'];
  else if (file.size > MAX_UPLOAD_BYTES) errors.photo = ['The photo is larger than 5 MB. Export a smaller one.'];
  if (!parsed.success || Object.keys(errors).length > 0 || !(file instanceof File))
    return { ok: false, message: 'Please correct the fields marked below.', errors, values };

  const story = getStoryAccess(parsed.data.id);
  if (!story) return { ok: false, message: 'This story no longer exists.' };
  if (!canEditStory(user, story)) return { ok: false, message: 'You cannot change this story’s photo.' };

  let image;
  try {
    image = await processHeroUpload(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof UploadError)
      return { ok: false, message: 'The photo was not accepted.', errors: { photo: [error.message] }, values };
    throw error;
  }
  let result;
  try {
    result = attachHeroImage(user.id, story.id, {
      ...image,
      alt: parsed.data.alt,
      caption: parsed.data.caption,
      credit: parsed.data.credit,
    });
  } catch (error) {
    await deleteProcessedImage(image.key);
    throw error;
  }
  if (!result) {
    await deleteProcessedImage(image.key);
    return { ok: false, message: 'This story no longer exists.' };
  }
  await deleteReplacedImage(result.replacedPath);
  revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
  return { ok: true, message: `Photo saved (${image.width}×${image.height}, ${image.variants.length} sizes).` };
}

export async function updateHeroTextAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('media.upload');
  const values = formValues(form);
  const parsed = textSchema.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success)
    return {
      ok: false,
      message: 'Please correct the fields marked below.',
      errors: fieldErrors(parsed.error.issues),
      values,
    };
  const story = getStoryAccess(parsed.data.id);
  if (!story) return { ok: false, message: 'This story no longer exists.' };
  if (!canEditStory(user, story)) return { ok: false, message: 'You cannot change this story’s photo.' };
  const result = updateHeroText(user.id, story.id, {
    alt: parsed.data.alt,
    caption: parsed.data.caption,
    credit: parsed.data.credit,
  });
  if (!result) return { ok: false, message: 'This story has no photo yet.' };
  revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
  return { ok: true, message: 'Caption saved.' };
}
