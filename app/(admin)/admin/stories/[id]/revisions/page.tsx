import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { PageHeader } from '@/components/admin/page-header';
import { RevisionCompare } from '@/components/admin/revision-compare';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { getStoryAccess } from '@/db/queries/admin-stories';
import { getRevision, listRevisions, type RevisionSummary } from '@/db/queries/revisions';
import { idParam, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { canEditStory } from '@/lib/permissions';
import { restoreRevisionAction } from '../../revision-actions';

export const metadata: Metadata = { title: 'Revisions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

function describe(r: RevisionSummary): string {
  if (r.kind === 'autosave') return 'Autosave, not saved to the story';
  if (r.kind === 'restore') return r.restoredFrom ? `Restored revision ${r.restoredFrom}` : 'Restored';
  return 'Saved';
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const user = await requireStaff('story.write');
  const { id } = await params;
  const story = /^\d{1,9}$/.test(id) ? await getStoryAccess(Number(id)) : undefined;
  if (!story) notFound();
  if (!canEditStory(user, story)) forbidden();
  const query = await searchParams;
  const revisions = await listRevisions(story.id);
  const saved = revisions.filter((r) => r.kind !== 'autosave');
  const wantedB = idParam(query, 'b') ?? saved[0]?.id;
  const wantedA = idParam(query, 'a') ?? saved.find((r) => r.id !== wantedB)?.id;
  const [a, b] = await Promise.all([
    wantedA ? getRevision(story.id, wantedA) : undefined,
    wantedB ? getRevision(story.id, wantedB) : undefined,
  ]);

  return (
    <>
      <PageHeader title="Revisions" back={{ href: `/admin/stories/${story.id}`, label: 'Back to the story' }} />
      {revisions.length === 0 ? (
        <p className="text-sm text-muted">
          No revisions yet: each save of the story keeps one from now on, with who saved it and when.
        </p>
      ) : (
        <form method="get" className="mb-8" aria-label="Choose two revisions to compare">
          <ol className="divide-y divide-rule rounded border border-rule bg-paper text-sm">
            {revisions.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2">
                <span className="font-mono">#{r.id}</span>
                <span className="min-w-0 grow">
                  <strong>{describe(r)}</strong> by {r.userName ?? 'a former account'},{' '}
                  <time dateTime={new Date(r.createdAt).toISOString()}>{formatDateTime(r.createdAt)}</time>
                </span>
                <label className="flex items-center gap-1">
                  <input type="radio" name="a" value={r.id} defaultChecked={r.id === a?.id} /> Left
                </label>
                <label className="flex items-center gap-1">
                  <input type="radio" name="b" value={r.id} defaultChecked={r.id === b?.id} /> Right
                </label>
              </li>
            ))}
          </ol>
          <button
            type="submit"
            className="mt-3 rounded border border-rule px-3 py-2 text-sm font-semibold hover:border-ink"
          >
            Compare
          </button>
        </form>
      )}
      {a || b ? (
        <section aria-labelledby="compare">
          <h2 id="compare" className="mb-3 text-lg font-bold">
            {a && b ? `Revision ${a.id} beside revision ${b.id}` : `Revision ${(a ?? b)!.id}`}
          </h2>
          <RevisionCompare left={a ?? b!} right={b ?? a!} />
          <div className="mt-4 flex flex-wrap gap-4">
            {[a, b]
              .filter((r, i, all) => r && all.findIndex((x) => x?.id === r.id) === i)
              .map((r) => (
                <ActionForm key={r!.id} action={restoreRevisionAction} actionName="story.restore-revision">
                  <input type="hidden" name="id" value={story.id} />
                  <input type="hidden" name="revision" value={r!.id} />
                  <SubmitButton variant="secondary">Restore revision {r!.id}</SubmitButton>
                </ActionForm>
              ))}
          </div>
          <p className="mt-2 text-sm text-muted">
            Restoring puts that revision’s headline, standfirst, byline, dateline and body back into the story as a new
            revision; its status and publish time stay. A published story changes for readers at once.{' '}
            <Link href={`/admin/stories/${story.id}`} className="underline">
              Back to the editor
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
