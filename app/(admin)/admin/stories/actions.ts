'use server';

import { redirect } from 'next/navigation';
import {
  getStoryAccess,
  isSlugClaimed,
  listAuthors,
  resolveStorySlugs,
  saveStory,
  setStoryHero,
  slugTaken,
  unpublishStory,
} from '@/db/queries/admin-stories';
import { getSectionById } from '@/db/queries/sections';
import { parseForm, formValues, type ActionState } from '@/lib/action-state';
import { idField } from '@/lib/admin/schemas';
import { revalidateStory } from '@/lib/admin/revalidate';
import { storySchema } from '@/lib/admin/story-schema';
import { resolvePublication } from '@/lib/admin/story-rules';
import { requireStaffAction } from '@/lib/auth/staff';
import { afterStorySave, renderStoryBody } from '@/lib/media/body-photos';
import { conflictState, revisionBase } from '@/lib/admin/story-revisions';
import { claimRevision, dropRevision } from '@/db/queries/revisions';
import { deleteReplacedImage } from '@/lib/media/upload';
import { can, canEditStory } from '@/lib/permissions';
import { z } from 'zod';

const SLUG_TAKEN = 'Another story already uses this address. Change the slug.';
const NOT_YOURS = 'You cannot edit this story: writers edit their own drafts and stories in review only.';

export async function saveStoryAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('story.write');
  const parsed = parseForm(storySchema, form);
  if (parsed.state) return parsed.state;
  const input = parsed.data;
  const values = formValues(form);
  const fail = (field: string, message: string): ActionState => ({
    ok: false,
    message: 'Please correct the fields marked below.',
    errors: { [field]: [message] },
    values,
  });

  const before = input.id === undefined ? undefined : getStoryAccess(input.id);
  if (input.id !== undefined && !before) return { ok: false, message: 'This story no longer exists.' };
  if (before && !canEditStory(user, before)) return { ok: false, message: NOT_YOURS };

  if (!getSectionById(input.sectionId)) return fail('sectionId', 'Choose a section.');
  if (input.authorId !== undefined && !listAuthors().some((a) => a.id === input.authorId))
    return fail('authorId', 'Choose an author from the list.');
  // Both answers count only stories this user may see (decision 022).
  const viewer = { id: user.id, seesAll: can(user.role, 'story.edit-any') };
  if (slugTaken(input.slug, input.id, viewer)) return fail('slug', SLUG_TAKEN);
  const related = resolveStorySlugs(
    input.related.map((s) => s.toLowerCase()),
    viewer,
  );
  if (related.missing.length) return fail('related', `No story has the slug: ${related.missing.join(', ')}.`);

  const publication = resolvePublication(user.role, { status: input.status, publishAtMs: input.publishAtMs }, before);
  if (!publication.ok) return fail(publication.field, publication.message);

  const photos = await renderStoryBody(input.body);
  if (!photos.ok) return fail('body', photos.message);
  // The text is kept as a revision first; a save from an older revision than the newest is refused.
  const text = { title: input.title, standfirst: input.standfirst, byline: input.byline, dateline: input.dateline };
  const claim =
    input.id === undefined
      ? undefined
      : await claimRevision(input.id, user.id, { ...text, body: input.body }, { base: revisionBase(form) });
  if (claim && !claim.ok) return conflictState(claim.conflict, values);

  let saved;
  try {
    saved = saveStory(user.id, input.id, {
      ...text,
      slug: input.slug,
      sectionId: input.sectionId,
      authorId: input.authorId ?? null,
      ...photos.rendered,
      tags: input.tags,
      relatedIds: [...related.ids.values()],
      status: publication.value.status,
      publishedAt: publication.value.publishedAt,
    });
  } catch (error) {
    if (claim) await dropRevision(claim.id);
    // Another story was published or scheduled at this address between the check and the save.
    if (isSlugClaimed(error)) return fail('slug', SLUG_TAKEN);
    throw error;
  }
  await afterStorySave(saved.id, user.id, { ...text, body: input.body }, photos.mediaIds, claim === undefined);
  revalidateStory(saved);
  redirect(`/admin/stories/${saved.id}?saved=${publication.value.status}${photos.outsideImage ? '&outside=1' : ''}`);
}

const idOnly = z.object({ id: idField });

export async function unpublishStoryAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('story.publish');
  const parsed = parseForm(idOnly, form);
  if (parsed.state) return parsed.state;
  const result = unpublishStory(user.id, parsed.data.id);
  if (!result) return { ok: false, message: 'This story no longer exists.' };
  revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
  redirect(`/admin/stories/${parsed.data.id}?saved=unpublished`);
}

export async function removeHeroAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireStaffAction('media.upload');
  const parsed = parseForm(idOnly, form);
  if (parsed.state) return parsed.state;
  const story = getStoryAccess(parsed.data.id);
  if (!story) return { ok: false, message: 'This story no longer exists.' };
  if (!canEditStory(user, story)) return { ok: false, message: NOT_YOURS };
  const result = setStoryHero(user.id, story.id, null, {});
  if (result) {
    await deleteReplacedImage(result.replacedPath);
    revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
  }
  return { ok: true, message: 'Photo removed from the story.' };
}
