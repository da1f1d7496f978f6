// "Photos in the story": upload a photo into the library for this story's body, and the photos the body
// shows, each with its block to place it (decision 040). Separate from the lead photo's form.
import Link from 'next/link';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { PhotoFields } from '@/components/admin/photo-fields';
import { PhotoThumb } from '@/components/admin/photo-thumb';
import { InsertBlockButton } from '@/components/admin/insert-block-button';
import type { LibraryPhoto } from '@/db/queries/body-photos';
import type { FormAction } from '@/lib/action-state';

export function StoryPhotos({
  storyId,
  photos,
  action,
}: {
  storyId: number;
  photos: LibraryPhoto[];
  /** uploadBodyPhotoAction (app/(admin)/admin/stories/photo-actions.ts), passed by the page */
  action: FormAction;
}) {
  return (
    <section aria-labelledby="body-photos" className="admin-card mt-8">
      <h2 id="body-photos" className="mb-1 text-lg font-bold">
        Photos in the story
      </h2>
      <p className="mb-4 text-sm text-muted">
        Each photo is placed by a line of its own between two paragraphs of the body: <code>{'{{photo 12}}'}</code> for
        one photo, <code>{'{{gallery 12 13 14}}'}</code> for several side by side. Photos from other sites are not shown
        to readers: upload them here. Reuse earlier uploads from the{' '}
        <Link href="/admin/media" className="underline">
          media library
        </Link>
        .
      </p>
      {photos.length ? (
        <ul className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Photos the body shows">
          {photos.map((p) => (
            <li key={p.id} className="min-w-0 rounded border border-rule p-2 text-sm">
              <PhotoThumb photo={p} />
              <p className="font-mono">{`{{photo ${p.id}}}`}</p>
              <p className="break-words text-muted">{p.caption || p.alt}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <ActionForm action={action} actionName="story.upload-body-photo" encType="multipart/form-data">
        <input type="hidden" name="id" value={storyId} />
        <div className="grid gap-x-4 md:grid-cols-2">
          <PhotoFields file={{ name: 'bodyPhoto', label: 'Photo for the body' }} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>Upload into the story</SubmitButton>
          <InsertBlockButton />
        </div>
      </ActionForm>
    </section>
  );
}
