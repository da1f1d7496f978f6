// "Front page" on a published story's edit page (editors and administrators): pin the story at the top
// of the home page or of one of its sections, or unpin it, in one step (decision 062). Plain forms, so
// it works without JavaScript; the order of the other pins is arranged on /admin/front-page.
import Link from 'next/link';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/action-state';

export type PinPlaceChoice = { place: 'home' | number; name: string; pinned: boolean };

export function StoryPins({
  storyId,
  places,
  action,
}: {
  storyId: number;
  places: PinPlaceChoice[];
  /** pinStoryAction (app/(admin)/admin/front-page/actions.ts), passed by the page */
  action: FormAction;
}) {
  return (
    <section aria-labelledby="pins" className="admin-card h-fit">
      <h2 id="pins" className="mb-1 text-lg font-bold">
        Front page
      </h2>
      <p className="mb-3 text-sm text-muted">
        A pinned story leads the place it is pinned to (on the home page, the first pin is the lead). Order the pins on
        the{' '}
        <Link href="/admin/front-page" className="underline">
          front page
        </Link>{' '}
        page.
      </p>
      <ul className="space-y-2">
        {places.map((p) => (
          <li key={p.place}>
            <ActionForm action={action} actionName="story.pin" className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="id" value={storyId} />
              <input type="hidden" name="place" value={p.place} />
              <input type="hidden" name="pin" value={p.pinned ? '0' : '1'} />
              <span className="min-w-40 text-sm">
                <span className="font-semibold">{p.name}</span>
                <span className="text-muted">{p.pinned ? ' · pinned' : ' · not pinned'}</span>
              </span>
              <SubmitButton variant="secondary">{p.pinned ? `Unpin from ${p.name}` : `Pin to ${p.name}`}</SubmitButton>
            </ActionForm>
          </li>
        ))}
      </ul>
    </section>
  );
}
