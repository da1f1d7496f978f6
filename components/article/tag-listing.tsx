import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/article/article-card';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { SECTION_PAGE_SIZE } from '@/components/article/section-listing';
import { Pagination } from '@/components/ui/pagination';
import { countArticlesByTag, listArticlesByTag } from '@/db/queries/articles';
import { getSiteSettings } from '@/db/queries/site';
import { getTagBySlug } from '@/db/queries/tags';
import { tagPath } from '@/lib/domain/routes';
import { SLUG_PATTERN } from '@/lib/domain/slug';

export const tagPageHref = (slug: string, n: number) => (n === 1 ? tagPath(slug) : `${tagPath(slug)}/page/${n}`);

/** The tag, or undefined when it does not exist or has no public story (a draft's tags stay private). */
export function loadTag(slug: string) {
  const tag = SLUG_PATTERN.test(slug) ? getTagBySlug(slug) : undefined;
  if (!tag) return undefined;
  const total = countArticlesByTag(tag.id);
  return total > 0 ? { ...tag, total } : undefined;
}

/** A topic's page: its public stories, newest first, paginated like a section. */
export function TagListing({ slug, page }: { slug: string; page: number }) {
  const tag = loadTag(slug);
  if (!tag) notFound();
  const pageCount = Math.max(1, Math.ceil(tag.total / SECTION_PAGE_SIZE));
  if (page > pageCount) notFound();
  const stories = listArticlesByTag(tag.id, { limit: SECTION_PAGE_SIZE, offset: (page - 1) * SECTION_PAGE_SIZE });
  const site = getSiteSettings();

  return (
    <>
      <Breadcrumb
        items={[
          { name: site.siteName, href: '/' },
          { name: `Topic: ${tag.name}`, href: tagPath(tag.slug) },
        ]}
      />
      <header className="mt-4 border-b border-rule pb-4">
        <p className="text-sm font-bold tracking-wide text-brand uppercase">Topic</p>
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">
          {tag.name}
          {page > 1 ? <span className="text-muted"> · page {page}</span> : null}
        </h1>
        <p className="mt-2 text-muted">{tag.total === 1 ? '1 story' : `${tag.total} stories`}</p>
      </header>
      <h2 className="sr-only">Stories</h2>
      <div className="mt-6 grid gap-8 md:grid-cols-2">
        {stories.map((a) => (
          <ArticleCard key={a.id} article={a} showSection />
        ))}
      </div>
      <Pagination page={page} pageCount={pageCount} href={(n) => tagPageHref(tag.slug, n)} />
    </>
  );
}
