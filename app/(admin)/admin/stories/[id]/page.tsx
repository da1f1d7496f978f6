import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { PhotoFields } from '@/components/admin/photo-fields';
import { PageHeader } from '@/components/admin/page-header';
import { StatusBadge } from '@/components/admin/status-badge';
import { StoryForm } from '@/components/admin/story-form';
import { CorrectionPanel } from '@/components/admin/correction-form';
import { listCorrections } from '@/db/queries/corrections';
import { addCorrectionAction } from '../correction-actions';
import { getStoryForEdit, listAuthors, storyIsPublic } from '@/db/queries/admin-stories';
import { listSections, sectionTrail } from '@/db/queries/sections';
import { listPinPlacesOf } from '@/db/queries/pins';
import { StoryPins, type PinPlaceChoice } from '@/components/admin/story-pins';
import { pinStoryAction } from '../../front-page/actions';
import { requireStaff } from '@/lib/auth/staff';
import { can, canEditStory, canViewStoryInsights } from '@/lib/permissions';
import { articlePath } from '@/lib/domain/routes';
import { removeHeroAction, saveStoryAction, unpublishStoryAction } from '../actions';
import { updateHeroTextAction, uploadHeroAction } from '../hero-actions';
import { Notice } from '@/components/ui/notice';
import { StoryPhotos } from '@/components/admin/story-photos';
import { listStoryBodyPhotos } from '@/db/queries/body-photos';
import { latestSavedRevision, pendingAutosave } from '@/db/queries/revisions';
import { uploadBodyPhotoAction } from '../photo-actions';
import { OUTSIDE_IMAGE_NOTICE } from '@/lib/media/body-photos';

export const metadata: Metadata = { title: 'Edit story' };

const SAVED: Record<string, string> = {
  draft: 'Saved as a draft.',
  review: 'Saved and sent for review: editors will see it in the “In review” list.',
  scheduled: 'Scheduled: readers will see it from its publish time.',
  published: 'Published: readers can see it now.',
  unpublished: 'Unpublished: the story is a draft again and its address answers 404.',
  correction: 'Correction published: readers see it under the headline.',
  update: 'Update published: readers see it under the headline.',
  pinned: 'Pinned: the story leads the place it is pinned to.',
  unpinned: 'Unpinned: the story takes its place by date again.',
  restored: 'Revision restored: the story has its text again (the text it replaced is kept in the revisions).',
};

/** The home page and the sections a story sits in (its trail, top level first), and whether it is pinned there. */
async function pinChoices(story: { id: number; sectionId: number }): Promise<PinPlaceChoice[]> {
  const [all, pinnedAt] = await Promise.all([listSections(), listPinPlacesOf(story.id)]);
  return [
    { place: 'home' as const, name: 'the home page', pinned: pinnedAt.includes(null) },
    ...sectionTrail(all, story.sectionId).map((s) => ({ place: s.id, name: s.name, pinned: pinnedAt.includes(s.id) })),
  ];
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditStoryPage({ params, searchParams }: Props) {
  const user = await requireStaff('story.write');
  const { id } = await params;
  const story = /^\d{1,9}$/.test(id) ? await getStoryForEdit(Number(id)) : undefined;
  if (!story) notFound();
  if (!canEditStory(user, story)) forbidden();
  const query = await searchParams;
  const saved = query.saved;
  const savedMessage = typeof saved === 'string' ? SAVED[saved] : undefined;
  const live = storyIsPublic(story);
  const mayPin = can(user.role, 'story.publish') && (story.status === 'published' || story.status === 'scheduled');
  const [latest, autosave, bodyPhotos] = await Promise.all([
    latestSavedRevision(story.id),
    pendingAutosave(story.id, user.id),
    listStoryBodyPhotos(story.id),
  ]);

  return (
    <>
      <PageHeader
        title={story.title}
        back={{ href: '/admin/stories', label: 'Stories' }}
        actions={
          <>
            <Link
              href={`/admin/stories/${story.id}/preview`}
              className="rounded border border-rule px-3 py-2 text-sm font-semibold hover:border-ink"
            >
              Preview
            </Link>
            <Link
              href={`/admin/stories/${story.id}/revisions`}
              className="rounded border border-rule px-3 py-2 text-sm font-semibold hover:border-ink"
            >
              Revisions
            </Link>
            {live ? (
              <Link
                href={articlePath(story.slug)}
                className="rounded border border-rule px-3 py-2 text-sm font-semibold hover:border-ink"
              >
                View on the site
              </Link>
            ) : null}
            {canViewStoryInsights(user, story) ? (
              <Link
                href={`/admin/insights/stories/${story.id}`}
                className="rounded border border-rule px-3 py-2 text-sm font-semibold hover:border-ink"
              >
                Insights
              </Link>
            ) : null}
          </>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted">
        <StatusBadge status={story.status} publishedAt={story.publishedAt} />
        {story.createdByName ? <span>Started by {story.createdByName}</span> : null}
      </p>
      {savedMessage ? <Notice>{savedMessage}</Notice> : null}
      {query.outside === '1' ? <Notice tone="problem">{OUTSIDE_IMAGE_NOTICE}</Notice> : null}
      <StoryForm
        action={saveStoryAction}
        role={user.role}
        sections={await listSections()}
        authors={await listAuthors()}
        story={{ ...story, publishedAt: story.publishedAt }}
        draft={{ revision: latest?.id ?? null, autosave }}
      />

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="photo" className="admin-card">
          <h2 id="photo" className="mb-3 text-lg font-bold">
            Photo
          </h2>
          {story.heroPath ? (
            <figure className="mb-4">
              <Image
                src={story.heroPath}
                alt={story.heroAlt ?? ''}
                width={story.heroWidth ?? 1200}
                height={story.heroHeight ?? 675}
                sizes="480px"
                unoptimized={story.heroPath.endsWith('.svg')}
                className="h-auto w-full max-w-md"
              />
              <figcaption className="mt-1 text-xs text-muted">
                {story.heroCaption} {story.heroCredit}
              </figcaption>
            </figure>
          ) : (
            <p className="mb-3 text-sm text-muted">No photo yet.</p>
          )}
          <ActionForm action={uploadHeroAction} actionName="story.upload-hero" encType="multipart/form-data">
            <input type="hidden" name="id" value={story.id} />
            <PhotoFields file={{ name: 'photo', label: story.heroPath ? 'Replace with a new photo' : 'Photo' }} />
            <SubmitButton>Upload photo</SubmitButton>
          </ActionForm>
          {story.heroId ? (
            <>
              <h3 className="mt-6 mb-2 font-bold">Edit the current photo’s text</h3>
              <ActionForm action={updateHeroTextAction} actionName="story.update-hero-text">
                <input type="hidden" name="id" value={story.id} />
                <PhotoFields
                  defaults={{
                    alt: story.heroAlt ?? '',
                    caption: story.heroCaption ?? '',
                    credit: story.heroCredit ?? '',
                  }}
                />
                <SubmitButton variant="secondary">Save photo text</SubmitButton>
              </ActionForm>
              <ActionForm action={removeHeroAction} actionName="story.remove-hero" className="mt-4">
                <input type="hidden" name="id" value={story.id} />
                <SubmitButton variant="danger">Remove photo from the story</SubmitButton>
              </ActionForm>
            </>
          ) : null}
        </section>
        {can(user.role, 'story.publish') && live ? (
          <CorrectionPanel
            storyId={story.id}
            corrections={await listCorrections(story.id)}
            action={addCorrectionAction}
          />
        ) : null}
        {mayPin ? <StoryPins storyId={story.id} places={await pinChoices(story)} action={pinStoryAction} /> : null}
        {can(user.role, 'story.publish') && (story.status === 'published' || story.status === 'scheduled') ? (
          <section aria-labelledby="unpublish" className="admin-card h-fit">
            <h2 id="unpublish" className="mb-3 text-lg font-bold">
              Take it down
            </h2>
            <p className="mb-3 text-sm text-muted">
              The story becomes a draft again; readers get “not found” at its address.
            </p>
            <ActionForm action={unpublishStoryAction} actionName="story.unpublish">
              <input type="hidden" name="id" value={story.id} />
              <SubmitButton variant="danger">Unpublish</SubmitButton>
            </ActionForm>
          </section>
        ) : null}
      </div>
      <StoryPhotos storyId={story.id} photos={bodyPhotos} action={uploadBodyPhotoAction} />
    </>
  );
}
