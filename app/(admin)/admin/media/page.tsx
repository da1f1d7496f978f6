import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/admin/page-header';
import { PhotoThumb } from '@/components/admin/photo-thumb';
import { ConfirmInUse } from '@/components/admin/confirm-in-use';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { Pagination } from '@/components/ui/pagination';
import { countLibrary, listLibrary, listPhotoUses } from '@/db/queries/body-photos';
import { pageParam, param, withParam, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { mediaStoredBytes } from '@/lib/media/upload';
import { can } from '@/lib/permissions';
import { deletePhotoAction } from './actions';

export const metadata: Metadata = { title: 'Media library' };

const PAGE_SIZE = 24;

const kb = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;

export default async function MediaPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireStaff('media.upload');
  const params = await searchParams;
  const q = param(params, 'q', 100);
  const total = await countLibrary(q);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(pageParam(params), pageCount);
  const photos = await listLibrary(q, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const details = await Promise.all(
    photos.map(async (p) => ({ ...p, bytes: await mediaStoredBytes(p.path), uses: await listPhotoUses(p.id) })),
  );
  const mayDelete = can(user.role, 'story.edit-any');

  return (
    <>
      <PageHeader title="Media library" />
      <form method="get" role="search" aria-label="Search the photos" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="text-sm font-semibold">
          Alt text, caption or credit
          <input
            name="q"
            defaultValue={q}
            maxLength={100}
            className="mt-1 block rounded border border-rule bg-paper px-3 py-2 text-sm"
          />
        </label>
        <button type="submit" className="rounded border border-rule px-3 py-2 text-sm font-semibold hover:border-ink">
          Search
        </button>
      </form>
      <p className="mb-4 text-sm text-muted">
        {total} {total === 1 ? 'photo' : 'photos'}. Place one in a story with its block on a line of its own, e.g.{' '}
        <code>{'{{photo 12}}'}</code>, or several with <code>{'{{gallery 12 13}}'}</code>.
      </p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {details.map((p) => (
          <li key={p.id} className="admin-card min-w-0 text-sm" data-photo={p.id}>
            <PhotoThumb photo={p} lazy />
            <p className="font-mono">{`{{photo ${p.id}}}`}</p>
            <p className="break-words">{p.caption || p.alt}</p>
            <p className="text-muted">
              {p.width}×{p.height} px · {kb(p.bytes)} · {p.uploadedByName ?? 'a former account'},{' '}
              {formatDateTime(p.createdAt)}
            </p>
            <p className="mt-1">
              {p.uses.length === 0 ? (
                <span className="text-muted">Not used in any story.</span>
              ) : (
                <>
                  Used in:{' '}
                  {p.uses.map((u, i) => (
                    <span key={`${u.as}-${u.id}`}>
                      {i ? ', ' : ''}
                      <Link href={`/admin/stories/${u.id}`} className="text-brand hover:underline">
                        {u.title}
                      </Link>{' '}
                      <span className="text-muted">({u.as === 'photo' ? 'lead photo' : 'in the text'})</span>
                    </span>
                  ))}
                </>
              )}
            </p>
            <div className="mt-2 flex flex-wrap items-start gap-2">
              {mayDelete ? (
                <ActionForm action={deletePhotoAction} actionName="media.delete">
                  <input type="hidden" name="id" value={p.id} />
                  <ConfirmInUse />
                  <SubmitButton variant="danger">Delete</SubmitButton>
                </ActionForm>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {details.length === 0 ? <p className="mt-4 text-muted">No photo matches.</p> : null}
      <Pagination
        page={page}
        pageCount={pageCount}
        href={(n) => withParam('/admin/media', params, 'page', n)}
        labels={{ previous: '← Newer photos', next: 'Older photos →' }}
      />
    </>
  );
}
