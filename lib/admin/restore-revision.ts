// Restoring a story's revision (decision 039): its text goes back into the story as a new revision of
// kind 'restore'; status and publish time stay. Outside the 'use server' module so that only the
// action (staffAction, story.restore-revision) can be called from a browser, and tests can call this.
import 'server-only';
import {
  getStoryForEdit,
  isSlugClaimed,
  resolveStorySlugs,
  saveStory,
  StoryRefused,
  type StorySaved,
} from '@/db/queries/admin-stories';
import { setStoryBodyPhotos } from '@/db/queries/body-photos';
import { getRevision } from '@/db/queries/revisions';
import type { StaffUser } from '@/lib/auth/staff';
import { renderStoryBody } from '@/lib/media/body-photos';
import { can, canEditStory } from '@/lib/permissions';

const NOT_YOURS = 'You cannot edit this story.';

export type RestoreResult = { ok: true; saved: StorySaved } | { ok: false; message: string };

/**
 * Puts revision `revision` of story `id` back. Who may edit the story is checked before anything is
 * read for the restore, and again on the locked row inside the save's transaction, which also records
 * the revision: someone who lost the right meanwhile writes nothing.
 */
export async function restoreStoryRevision(
  { id, revision: revisionId }: { id: number; revision: number },
  user: Pick<StaffUser, 'id' | 'role'>,
): Promise<RestoreResult> {
  const story = await getStoryForEdit(id);
  if (!story) return { ok: false, message: 'This story no longer exists.' };
  if (!canEditStory(user, story)) return { ok: false, message: NOT_YOURS };
  const revision = await getRevision(story.id, revisionId);
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
  const viewer = { id: user.id, seesAll: can(user.role, 'story.edit-any') };
  const related = await resolveStorySlugs(story.related, viewer);
  let saved: StorySaved;
  try {
    saved = await saveStory(
      user.id,
      story.id,
      {
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
      },
      Date.now(),
      // On the locked row: the right to edit, and the status and publish time it has now.
      (before) =>
        before && canEditStory(user, before)
          ? { ok: true, value: { status: before.status, publishedAt: before.publishedAt } }
          : { ok: false, field: 'form', message: NOT_YOURS },
      { text: { ...text, body: revision.body }, base: undefined, kind: 'restore', restoredFrom: revision.id },
    );
  } catch (error) {
    if (error instanceof StoryRefused) return { ok: false, message: error.message };
    if (isSlugClaimed(error)) return { ok: false, message: 'Another story holds this address now.' };
    throw error;
  }
  await setStoryBodyPhotos(story.id, rendered.mediaIds);
  return { ok: true, saved };
}
