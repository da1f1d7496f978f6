'use server';

import { redirect } from 'next/navigation';
import {
  getStoryAccess,
  isSlugClaimed,
  resolveStorySlugs,
  saveStory,
  setStoryHero,
  slugTaken,
  StoryRefused,
  unpublishStory,
} from '@/db/queries/admin-stories';
import { formValues, type ActionState } from '@/lib/action-state';
import { idField } from '@/lib/admin/schemas';
import { revalidateStory } from '@/lib/admin/revalidate';
import { storySchema } from '@/lib/admin/story-schema';
import { resolvePublication } from '@/lib/admin/story-rules';
import { staffAction } from '@/lib/auth/staff-action';
import { renderedBody } from '@/lib/markdown';
import { deleteReplacedImage } from '@/lib/media/upload';
import { can, canEditStory } from '@/lib/permissions';
import { z } from 'zod';

const SLUG_TAKEN = 'Another story already uses this address. Change the slug.';
const NOT_YOURS = 'You cannot edit this story: writers edit their own drafts and stories in review only.';
const GONE = 'This story no longer exists.';

export async function saveStoryAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.write', storySchema, async (input, user) => {
    const values = formValues(form);
    const fail = (field: string, message: string): ActionState => ({
      ok: false,
      message: 'Please correct the fields marked below.',
      errors: { [field]: [message] },
      values,
    });

    // Both answers count only stories this user may see (decision 022).
    const viewer = { id: user.id, seesAll: can(user.role, 'story.edit-any') };
    if (await slugTaken(input.slug, input.id, viewer)) return fail('slug', SLUG_TAKEN);
    const related = await resolveStorySlugs(
      input.related.map((s) => s.toLowerCase()),
      viewer,
    );
    if (related.missing.length) return fail('related', `No story has the slug: ${related.missing.join(', ')}.`);

    let saved;
    try {
      const body = renderedBody(input.body);
      saved = await saveStory(
        user.id,
        input.id,
        {
          title: input.title,
          slug: input.slug,
          standfirst: input.standfirst,
          sectionId: input.sectionId,
          authorId: input.authorId ?? null,
          byline: input.byline,
          dateline: input.dateline,
          ...body,
          tags: input.tags,
          relatedIds: [...related.ids.values()],
          status: input.status,
          publishedAt: null,
        },
        Date.now(),
        // Who may edit the story and what status it may take, decided on the locked row.
        (before) => {
          if (before && !canEditStory(user, before)) return { ok: false, field: 'form', message: NOT_YOURS };
          return resolvePublication(user.role, { status: input.status, publishAtMs: input.publishAtMs }, before);
        },
      );
    } catch (error) {
      if (error instanceof StoryRefused) {
        if (error.field === 'id') return { ok: false, message: GONE };
        if (error.field === 'form') return { ok: false, message: error.message };
        return fail(error.field, error.message);
      }
      // Another story was published or scheduled at this address between the check and the save.
      if (isSlugClaimed(error)) return fail('slug', SLUG_TAKEN);
      throw error;
    }
    await revalidateStory(saved);
    redirect(`/admin/stories/${saved.id}?saved=${saved.status}`);
  });
}

const idOnly = z.object({ id: idField });

export async function unpublishStoryAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.publish', idOnly, async ({ id }, user) => {
    const result = await unpublishStory(user.id, id);
    if (!result) return { ok: false, message: GONE };
    await revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
    redirect(`/admin/stories/${id}?saved=unpublished`);
  });
}

export async function removeHeroAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'media.upload', idOnly, async ({ id }, user) => {
    const story = await getStoryAccess(id);
    if (!story) return { ok: false, message: GONE };
    if (!canEditStory(user, story)) return { ok: false, message: NOT_YOURS };
    const result = await setStoryHero(user.id, story.id, null, {}, Date.now(), (before) => canEditStory(user, before));
    if (result === 'refused') return { ok: false, message: NOT_YOURS };
    if (result) {
      await deleteReplacedImage(result.replacedPath);
      await revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
    }
    return { ok: true, message: 'Photo removed from the story.' };
  });
}
