import { ServerImage } from '@/components/ui/server-image';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/article/article-card';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { SECTION_PAGE_SIZE } from '@/components/article/section-listing';
import { Pagination } from '@/components/ui/pagination';
import { countArticlesByAuthor, listArticlesByAuthor } from '@/db/queries/articles';
import { getAuthorBySlug } from '@/db/queries/authors';
import { getSiteSettings } from '@/db/queries/site';
import { authorPath } from '@/lib/domain/routes';
import { SLUG_PATTERN } from '@/lib/domain/slug';

export const authorPageHref = (slug: string, n: number) =>
  n === 1 ? authorPath(slug) : `${authorPath(slug)}/page/${n}`;

export const loadAuthor = (slug: string) => (SLUG_PATTERN.test(slug) ? getAuthorBySlug(slug) : undefined);

/** A writer's page: photo, name, short bio, then their public stories, newest first. */
export function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const author = loadAuthor(slug);
  if (!author) notFound();
  const total = countArticlesByAuthor(author.id);
  const pageCount = Math.max(1, Math.ceil(total / SECTION_PAGE_SIZE));
  if (page > pageCount) notFound();
  const stories = listArticlesByAuthor(author.id, { limit: SECTION_PAGE_SIZE, offset: (page - 1) * SECTION_PAGE_SIZE });
  const site = getSiteSettings();

  return (
    <>
      <Breadcrumb
        items={[
          { name: site.siteName, href: '/' },
          { name: author.name, href: authorPath(author.slug) },
        ]}
      />
      <header className="mt-4 flex items-start gap-4 border-b border-rule pb-4 sm:gap-6">
        {author.photoPath ? (
          <ServerImage
            src={author.photoPath}
            alt=""
            width={96}
            height={96}
            sizes="96px"
            unoptimized={author.photoPath.endsWith('.svg')}
            priority
            className="h-20 w-20 shrink-0 rounded-full bg-black/5 sm:h-24 sm:w-24"
          />
        ) : null}
        <div>
          <h1 className="font-serif text-3xl font-bold sm:text-4xl">
            {author.name}
            {page > 1 ? <span className="text-muted"> · page {page}</span> : null}
          </h1>
          {author.bio ? <p className="mt-2 max-w-2xl text-muted">{author.bio}</p> : null}
        </div>
      </header>
      <h2 className="mt-6 border-b-2 border-ink pb-1 text-lg font-bold tracking-wide uppercase">
        Stories by {author.name}
      </h2>
      {stories.length === 0 ? (
        <p className="py-10 text-muted">No published stories yet.</p>
      ) : (
        <div className="mt-6 grid gap-8 md:grid-cols-2">
          {stories.map((a) => (
            <ArticleCard key={a.id} article={a} showSection />
          ))}
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} href={(n) => authorPageHref(author.slug, n)} />
    </>
  );
}
