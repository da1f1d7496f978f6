// A page of stories about one thing: a section (with its subsections), a topic or an author. The three
// kinds differ only in what components/listing/kinds.tsx says about them (how the subject is found,
// its header, its metadata); the pages, their numbering and their URLs are this one definition.
import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ArticleCard } from '@/components/article/article-card';
import { Breadcrumb, type Crumb } from '@/components/article/breadcrumb';
import { Pagination } from '@/components/ui/pagination';
import { countArticles, listArticles, type ArticleCard as Card, type ArticleFilter } from '@/db/queries/articles';
import { getSiteSettings } from '@/db/queries/site';
import { parsePageNumber } from '@/lib/format';
import { pageMetadata } from '@/lib/seo';

export const LISTING_PAGE_SIZE = 8;

/** What one kind of listing says about its subject `S`. */
export type ListingKind<S extends { slug: string; name: string }> = {
  /** The subject a URL's slug names, or undefined (the page is a 404). */
  load(slug: string): Promise<S | undefined>;
  /** The address of its first page. */
  path(subject: S): string;
  filter(subject: S): ArticleFilter;
  /** How many public stories it has, when `load` already counted them. */
  total?(subject: S): number;
  metadata(
    subject: S,
    siteName: string,
  ): { description: string; imagePath: string; section?: { slug: string; name: string } };
  breadcrumb(subject: S): Crumb[];
  /** The header under the breadcrumb; `title` is the h1's text (the name, and the page number after page 1). */
  header(subject: S, title: ReactNode): ReactNode;
  /** The heading over the stories (hidden when omitted: the h1 says what they are). */
  storiesHeading?(subject: S): string;
  /** What a first page without stories says. */
  empty: string;
  /** Whether a card names its section (pointless on the section's own page). */
  showSection(card: Card, subject: S): boolean;
};

/** Page n of a listing: its first page has no number in the address. */
export const listingPageHref = (firstPage: string, n: number) => (n === 1 ? firstPage : `${firstPage}/page/${n}`);

async function StoryListing<S extends { slug: string; name: string }>({
  kind,
  subject,
  page,
}: {
  kind: ListingKind<S>;
  subject: S;
  page: number;
}) {
  const filter = kind.filter(subject);
  const total = kind.total?.(subject) ?? (await countArticles(filter));
  const pageCount = Math.max(1, Math.ceil(total / LISTING_PAGE_SIZE));
  if (page > pageCount) notFound();
  const stories = await listArticles(filter, { limit: LISTING_PAGE_SIZE, offset: (page - 1) * LISTING_PAGE_SIZE });
  const heading = kind.storiesHeading?.(subject);
  const title = (
    <>
      {subject.name}
      {page > 1 ? <span className="text-muted"> · page {page}</span> : null}
    </>
  );
  return (
    <>
      <Breadcrumb items={[{ name: (await getSiteSettings()).siteName, href: '/' }, ...kind.breadcrumb(subject)]} />
      {kind.header(subject, title)}
      {heading ? (
        <h2 className="mt-6 border-b-2 border-ink pb-1 text-lg font-bold tracking-wide uppercase">{heading}</h2>
      ) : null}
      {stories.length === 0 ? (
        <p className="py-10 text-muted">{kind.empty}</p>
      ) : (
        <>
          {heading ? null : <h2 className="sr-only">Stories</h2>}
          <div className="mt-6 grid gap-8 md:grid-cols-2">
            {stories.map((a) => (
              <ArticleCard key={a.id} article={a} showSection={kind.showSection(a, subject)} />
            ))}
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} href={(n) => listingPageHref(kind.path(subject), n)} />
    </>
  );
}

type Params = { params: Promise<{ slug: string; n?: string }> };

/**
 * The route of a listing's first page (`/tag/x`) or of its numbered pages (`/tag/x/page/2`): both
 * route files of a kind are this, bound to their kind. `/…/page/1` moves to the first page for good.
 */
export function listingRoute<S extends { slug: string; name: string }>(kind: ListingKind<S>) {
  const pageOf = (n: string | undefined) => (n === undefined ? 1 : parsePageNumber(n));
  return {
    async generateMetadata({ params }: Params): Promise<Metadata> {
      const { slug, n } = await params;
      const subject = await kind.load(slug);
      const page = pageOf(n);
      if (!subject || !page) return {};
      const site = await getSiteSettings();
      const { description, imagePath, section } = kind.metadata(subject, site.siteName);
      return pageMetadata({
        site,
        title: page > 1 ? `${subject.name}, page ${page}` : subject.name,
        description,
        path: listingPageHref(kind.path(subject), page),
        imagePath,
        section,
      });
    },
    async Page({ params }: Params) {
      const { slug, n } = await params;
      const page = pageOf(n);
      if (!page) notFound();
      const subject = await kind.load(slug);
      if (!subject) notFound();
      if (n !== undefined && page === 1) permanentRedirect(kind.path(subject));
      return <StoryListing kind={kind} subject={subject} page={page} />;
    },
  };
}
