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
import { renderStoryBody } from '@/lib/media/body-photos';
import { setStoryBodyPhotos } from '@/db/queries/body-photos';
import { conflictState, revisionBase } from '@/lib/admin/story-revisions';
import { RevisionConflict } from '@/db/queries/revisions';
import { deleteReplacedImage } from '@/lib/media/upload';
import { can, canEditStory } from '@/lib/permissions';
import { deliverQueuedWebhooks } from '@/lib/webhooks/events';
import { noticeOfReview } from '@/lib/email/notices';
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

    const photos = await renderStoryBody(input.body);
    if (!photos.ok) return fail('body', photos.message);
    // Nothing is written for someone who may not edit the story, not even the revision below (the
    // locked save checks again).
    const access = input.id === undefined ? undefined : await getStoryAccess(input.id);
    if (input.id !== undefined && !access) return { ok: false, message: GONE };
    if (access && !canEditStory(user, access)) return { ok: false, message: NOT_YOURS };
    // The text is kept as a revision in the save's transaction; a save from an older revision than the
    // newest is refused and writes nothing.
    const text = { title: input.title, standfirst: input.standfirst, byline: input.byline, dateline: input.dateline };
    const base = input.id === undefined ? undefined : revisionBase(form);

    // The story's status as it was, read on the locked row: whether it has just gone to review.
    let prior: { status: string } | undefined;
    let saved;
    // One clock for the save and the publication rule: a publish time taken after the save's own "now"
    // would read as the future, and the story's webhook event would be lost (nothing "became public").
    const now = Date.now();
    try {
      saved = await saveStory(
        user.id,
        input.id,
        {
          ...text,
          slug: input.slug,
          sectionId: input.sectionId,
          authorId: input.authorId ?? null,
          ...photos.rendered,
          tags: input.tags,
          relatedIds: [...related.ids.values()],
          status: input.status,
          publishedAt: null,
        },
        now,
        // Who may edit the story and what status it may take, decided on the locked row.
        (before) => {
          prior = before && { status: before.status };
          if (before && !canEditStory(user, before)) return { ok: false, field: 'form', message: NOT_YOURS };
          return resolvePublication(user.role, { status: input.status, publishAtMs: input.publishAtMs }, before, now);
        },
        { text: { ...text, body: input.body }, base },
      );
    } catch (error) {
      if (error instanceof RevisionConflict) return conflictState(error.conflict, values);
      if (error instanceof StoryRefused) {
        if (error.field === 'id') return { ok: false, message: GONE };
        if (error.field === 'form') return { ok: false, message: error.message };
        return fail(error.field, error.message);
      }
      // Another story was published or scheduled at this address between the check and the save.
      if (isSlugClaimed(error)) return fail('slug', SLUG_TAKEN);
      throw error;
    }
    await setStoryBodyPhotos(saved.id, photos.mediaIds);
    await revalidateStory(saved);
    deliverQueuedWebhooks(saved.webhooks);
    if (saved.status === 'review' && prior?.status !== 'review')
      void noticeOfReview({ id: saved.id, title: input.title }, user.name);
    redirect(`/admin/stories/${saved.id}?saved=${saved.status}${photos.outsideImage ? '&outside=1' : ''}`);
  });
}

const idOnly = z.object({ id: idField });

export async function unpublishStoryAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.publish', idOnly, async ({ id }, user) => {
    const result = await unpublishStory(user.id, id);
    if (!result) return { ok: false, message: GONE };
    await revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
    deliverQueuedWebhooks(result.webhooks);
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
