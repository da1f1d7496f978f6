import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable } from '@/components/admin/admin-table';
import { FilterSelect, filterControlClass } from '@/components/admin/filter-select';
import { PageHeader } from '@/components/admin/page-header';
import { sectionOptions } from '@/components/admin/section-options';
import { StatusBadge } from '@/components/admin/status-badge';
import { Pagination } from '@/components/ui/pagination';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/lib/domain/article-status';
import {
  countStoriesForAdmin,
  listAuthors,
  listStoriesForAdmin,
  storyIsPublic,
  type StoryFilter,
} from '@/db/queries/admin-stories';
import { listSections } from '@/db/queries/sections';
import { idParam, pageParam, param, withParam, type RawSearchParams } from '@/lib/admin/search-params';
import { STATUS_LABELS } from '@/lib/admin/story-schema';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { can, canEditStory, canViewStoryInsights } from '@/lib/permissions';
import { articlePath } from '@/lib/domain/routes';

export const metadata: Metadata = { title: 'Stories' };

const PAGE_SIZE = 25;

export default async function StoriesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireStaff('story.write');
  const params = await searchParams;
  const seesAll = can(user.role, 'story.edit-any');
  const status = param(params, 'status');
  const filter: StoryFilter = {
    status: ARTICLE_STATUSES.includes(status as ArticleStatus) ? (status as ArticleStatus) : undefined,
    sectionId: idParam(params, 'section'),
    authorId: idParam(params, 'author'),
    q: param(params, 'q', 100),
    // Writers work on their own stories only.
    createdBy: seesAll ? undefined : user.id,
  };
  const total = await countStoriesForAdmin(filter);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(pageParam(params), pageCount);
  const rows = await listStoriesForAdmin(filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const sections = await listSections();
  const authors = await listAuthors();

  return (
    <>
      <PageHeader
        title={seesAll ? 'Stories' : 'Your stories'}
        actions={
          <Link
            href="/admin/stories/new"
            className="rounded bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark dark:text-black"
          >
            New story
          </Link>
        }
      />
      <form
        method="get"
        role="search"
        aria-label="Filter stories"
        className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      >
        <label className="flex flex-col font-semibold">
          Title contains
          <input type="search" name="q" defaultValue={filter.q ?? ''} maxLength={100} className={filterControlClass} />
        </label>
        <FilterSelect
          label="Status"
          name="status"
          defaultValue={filter.status}
          options={ARTICLE_STATUSES.map((v) => ({ value: v, label: STATUS_LABELS[v] }))}
        />
        <FilterSelect
          label="Section"
          name="section"
          defaultValue={filter.sectionId}
          options={sectionOptions(sections)}
        />
        <FilterSelect
          label="Author"
          name="author"
          defaultValue={filter.authorId}
          options={authors.map((a) => ({ value: a.id, label: a.name }))}
        />
        <button type="submit" className="rounded border border-rule px-3 py-1 font-semibold hover:border-ink">
          Filter
        </button>
        <Link href="/admin/stories" className="py-1 text-muted hover:underline">
          Clear
        </Link>
      </form>
      <p className="mb-2 text-sm text-muted">
        {total} {total === 1 ? 'story' : 'stories'}
      </p>
      <AdminTable
        className="stack-on-phone"
        rows={rows}
        rowKey={(s) => s.id}
        columns={[
          {
            header: 'Headline',
            cell: (s) =>
              canEditStory(user, s) ? (
                <Link href={`/admin/stories/${s.id}`} className="font-semibold text-brand hover:underline">
                  {s.title}
                </Link>
              ) : (
                <span className="font-semibold">{s.title}</span>
              ),
          },
          { header: 'Status', cell: (s) => <StatusBadge status={s.status} publishedAt={s.publishedAt} /> },
          { header: 'Section', cell: (s) => s.sectionName },
          { header: 'Byline', cell: (s) => s.byline },
          { header: 'Changed', className: 'whitespace-nowrap text-muted', cell: (s) => formatDateTime(s.updatedAt) },
          {
            header: null,
            hiddenHeader: 'Links',
            className: 'whitespace-nowrap',
            cell: (s) => (
              <>
                <Link href={`/admin/stories/${s.id}/preview`} className="hover:underline">
                  Preview
                </Link>
                {storyIsPublic(s) ? (
                  <>
                    {' · '}
                    <Link href={articlePath(s.slug)} className="hover:underline">
                      View
                    </Link>
                  </>
                ) : null}
                {canViewStoryInsights(user, s) ? (
                  <>
                    {' · '}
                    <Link href={`/admin/insights/stories/${s.id}`} className="hover:underline">
                      Insights
                    </Link>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {rows.length === 0 ? <p className="mt-4 text-muted">No story matches these filters.</p> : null}
      <Pagination page={page} pageCount={pageCount} href={(n) => withParam('/admin/stories', params, 'page', n)} />
    </>
  );
}
