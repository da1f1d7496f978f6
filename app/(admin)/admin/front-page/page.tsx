import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterSelect } from '@/components/admin/filter-select';
import { sectionOptions } from '@/components/admin/section-options';
import { PageHeader } from '@/components/admin/page-header';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { CheckboxField, SelectField, TextField } from '@/components/ui/fields';
import { Notice } from '@/components/ui/notice';
import { listPinCandidates, listPinsForEditing, MAX_PINS, type PinForEditing } from '@/db/queries/pins';
import { getSectionById, listSections, sectionAndDescendantIds } from '@/db/queries/sections';
import { pinFieldNames } from '@/lib/admin/front-page-form';
import { idParam, param, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { articlePath, sectionPath } from '@/lib/domain/routes';
import { formatDateTime } from '@/lib/format';
import { currentTime, msToWallClock } from '@/lib/time-zone';
import { savePinsAction } from './actions';

export const metadata: Metadata = { title: 'Front page' };

function pinState(pin: PinForEditing, now: number): string {
  if (pin.live) return pin.expiresAt ? `Pinned until ${formatDateTime(pin.expiresAt)}` : 'Pinned';
  if (pin.expiresAt !== null && pin.expiresAt <= now) return 'Its time has passed: it leaves the list when you save';
  if (pin.status === 'scheduled') return `Shows from ${formatDateTime(pin.publishedAt ?? now)}`;
  if (pin.status === 'published') return 'Not in this section any more: unpin it';
  return 'Unpublished: readers do not see it';
}

export default async function FrontPagePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireStaff('story.publish');
  const params = await searchParams;
  const all = await listSections();
  const section = await getSectionByIdParam(params);
  const sectionIds = section ? sectionAndDescendantIds(all, section.id) : undefined;
  const place = section ? section.id : null;
  const now = currentTime();
  const [pins, candidates] = await Promise.all([
    listPinsForEditing(place, { sectionIds, now }),
    listPinCandidates(sectionIds),
  ]);
  const pinnedIds = new Set(pins.map((p) => p.articleId));
  const placeName = section ? `the ${section.name} page` : 'the home page';
  const expired = idParam(params, 'expired');

  return (
    <>
      <PageHeader
        title="Front page"
        actions={
          <Link
            href={section ? sectionPath(section.slug) : '/'}
            className="rounded border border-rule px-3 py-2 text-sm font-semibold hover:border-ink"
          >
            View {placeName}
          </Link>
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm">
        <FilterSelect
          label="Place"
          name="place"
          anyLabel="Home page"
          defaultValue={section?.id}
          options={sectionOptions(all).map((o) => ({ value: o.value, label: `Section: ${o.label}` }))}
        />
        <button type="submit" className="rounded border border-rule px-3 py-1.5 font-semibold hover:border-ink">
          Show
        </button>
      </form>
      {param(params, 'saved', 2) ? (
        <Notice>
          Saved: readers see the new order {section ? 'within five minutes' : 'within a minute'}.
          {expired ? ` ${expired} pin${expired === 1 ? '' : 's'} whose time had passed left the list.` : ''}
        </Notice>
      ) : null}
      <p className="mb-4 max-w-3xl text-sm text-muted">
        Pinned stories come first on {placeName}, in the order below (1 first), each until its time if it has one.{' '}
        {section
          ? 'The rest of the section follows, newest first.'
          : 'The first is the lead story; the newest stories fill the places left. With nothing pinned, the newest story leads.'}{' '}
        At most {MAX_PINS} pins.
      </p>

      <ActionForm action={savePinsAction} actionName="front-page.pins" className="max-w-3xl">
        <input type="hidden" name="place" value={section ? section.id : 'home'} />
        {pins.length === 0 ? (
          <p className="mb-4 text-sm text-muted">Nothing is pinned on {placeName}.</p>
        ) : (
          <ol className="mb-6 space-y-4" aria-label={`Pinned on ${placeName}`}>
            {pins.map((pin, i) => {
              const names = pinFieldNames(pin.articleId);
              return (
                <li key={pin.articleId} className="admin-card" data-pin={pin.articleId}>
                  <input type="hidden" name="pin" value={pin.articleId} />
                  <fieldset>
                    <legend className="font-serif text-lg leading-snug font-bold">
                      <span className="text-muted">{i + 1}.</span> {pin.title}
                    </legend>
                    <p className="mb-3 text-sm text-muted">
                      {pin.sectionName} · {pinState(pin, now)} ·{' '}
                      <Link href={articlePath(pin.slug)} className="underline underline-offset-2">
                        View
                      </Link>
                    </p>
                    <div className="grid gap-x-3 sm:grid-cols-[7rem_1fr]">
                      <TextField name={names.order} type="number" label="Order" defaultValue={String(i + 1)} />
                      <TextField
                        name={names.expires}
                        type="datetime-local"
                        label="Pinned until (optional)"
                        defaultValue={pin.expiresAt ? msToWallClock(pin.expiresAt) : ''}
                      />
                    </div>
                    <CheckboxField name={names.remove} label="Unpin" />
                  </fieldset>
                </li>
              );
            })}
          </ol>
        )}
        <fieldset className="admin-card mb-6">
          <legend className="text-lg font-bold">Pin a story</legend>
          <SelectField
            name="add"
            label="Story"
            hint={
              section
                ? 'Published and scheduled stories of this section and its subsections, newest first.'
                : 'Published and scheduled stories, newest first. A scheduled story shows from its publish time.'
            }
            options={[
              { value: '', label: 'None' },
              ...candidates
                .filter((c) => !pinnedIds.has(c.id))
                .map((c) => ({
                  value: String(c.id),
                  label: c.status === 'scheduled' ? `${c.title} (scheduled)` : c.title,
                })),
            ]}
          />
          <div className="grid gap-x-3 sm:grid-cols-[7rem_1fr]">
            <TextField name="add-order" type="number" label="Order" defaultValue={String(pins.length + 1)} />
            <TextField name="add-expires" type="datetime-local" label="Pinned until (optional)" />
          </div>
        </fieldset>
        <SubmitButton>Save {section ? 'section' : 'front page'}</SubmitButton>
      </ActionForm>
    </>
  );
}

async function getSectionByIdParam(params: RawSearchParams) {
  const id = idParam(params, 'place');
  return id === undefined ? undefined : await getSectionById(id);
}
