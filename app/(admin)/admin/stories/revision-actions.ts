'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getStoryForEdit, isSlugClaimed, resolveStorySlugs, saveStory, StoryRefused } from '@/db/queries/admin-stories';
import { claimRevision, dropRevision, getRevision } from '@/db/queries/revisions';
import type { ActionState } from '@/lib/action-state';
import { idField } from '@/lib/admin/schemas';
import { revalidateStory } from '@/lib/admin/revalidate';
import type { StaffUser } from '@/lib/auth/staff';
import { staffAction } from '@/lib/auth/staff-action';
import { renderStoryBody } from '@/lib/media/body-photos';
import { setStoryBodyPhotos } from '@/db/queries/body-photos';
import { can, canEditStory } from '@/lib/permissions';

const restoreSchema = z.object({ id: idField, revision: idField });

/** Puts an older revision's text back into the story, as a new revision; status and publish time stay. */
export async function restoreRevisionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.write', restoreSchema, async (input, user) => {
    const result = await restoreRevision(input, user);
    if (!result.ok) return result;
    redirect(`/admin/stories/${input.id}?saved=restored`);
  });
}

async function restoreRevision(input: z.output<typeof restoreSchema>, user: StaffUser): Promise<ActionState> {
  const story = await getStoryForEdit(input.id);
  if (!story) return { ok: false, message: 'This story no longer exists.' };
  if (!canEditStory(user, story)) return { ok: false, message: 'You cannot edit this story.' };
  const revision = await getRevision(story.id, input.revision);
  if (!revision) return { ok: false, message: 'This story has no such revision.' };
  const body = await renderStoryBody(revision.body);
  // A photo the revision showed may have been deleted since: its block then shows nothing.
  const rendered = body.ok ? body : await renderStoryBody(revision.body.replace(/^\s*\{\{[^}]*\}\}\s*$/gm, ''));
  if (!rendered.ok) return { ok: false, message: rendered.message };
  const text = {
    title: revision.title,
    standfirst: revision.standfirst,
    byline: revision.byline,
    dateline: revision.dateline,
  };
  const claim = await claimRevision(
    story.id,
    user.id,
    { ...text, body: revision.body },
    { base: undefined, kind: 'restore', restoredFrom: revision.id },
  );
  if (!claim.ok) return { ok: false, message: 'The revision could not be restored.' };
  const viewer = { id: user.id, seesAll: can(user.role, 'story.edit-any') };
  const related = await resolveStorySlugs(story.related, viewer);
  let saved;
  try {
    saved = await saveStory(user.id, story.id, {
      ...text,
      slug: story.slug,
      sectionId: story.sectionId,
      authorId: story.authorId,
      ...rendered.rendered,
      body: revision.body,
      tags: story.tags,
      relatedIds: [...related.ids.values()],
      status: story.status,
      publishedAt: story.publishedAt,
    });
  } catch (error) {
    await dropRevision(claim.id);
    if (error instanceof StoryRefused) return { ok: false, message: error.message };
    if (isSlugClaimed(error)) return { ok: false, message: 'Another story holds this address now.' };
    throw error;
  }
  await setStoryBodyPhotos(story.id, rendered.mediaIds);
  await revalidateStory(saved);
  return { ok: true };
}
