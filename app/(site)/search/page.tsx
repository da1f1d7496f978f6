import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { Pagination } from '@/components/ui/pagination';
import { searchArticles, type SearchFilters } from '@/db/queries/search';
import { listSections, sectionAndDescendantIds } from '@/db/queries/sections';
import { getSiteSettings } from '@/db/queries/site';
import { parseSearchParams, SEARCH_PAGE_SIZE, searchHref } from '@/lib/search-query';
import { dayStartMs, nextDay } from '@/lib/time-zone';

// Reads the query string, so it renders per request; search results are not cached.
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseSearchParams(await searchParams);
  return {
    title: query.text ? `Search: ${query.text}` : 'Search',
    description: 'Search every story by headline, summary, text, topic and byline.',
    // Result pages are endless variations of the site's own content: keep them out of search engines.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const request = parseSearchParams(await searchParams);
  const { query, from, to, page } = request;
  const notes = [...request.notes];
  const all = await listSections();
  const section = request.section ? all.find((s) => s.slug === request.section) : undefined;
  if (request.section && !section)
    notes.push('We searched every section, because the section in the address is not one of ours.');

  const filters: SearchFilters = {
    sectionIds: section ? sectionAndDescendantIds(all, section.id) : undefined,
    from: from ? dayStartMs(from) : undefined,
    to: to ? dayStartMs(nextDay(to)) : undefined,
  };
  const hasFilters = Boolean(section || from || to);
  const asked = query.terms.length > 0 || hasFilters;
  const outcome = asked ? await searchArticles(query, filters, { page }) : undefined;
  const pageCount = outcome ? Math.max(1, Math.ceil(outcome.total / SEARCH_PAGE_SIZE)) : 1;
  const literals = query.terms.filter((t) => t.kind === 'cjk').map((t) => t.text);
  const params = { q: query.text, section: section?.slug, from, to };
  const site = await getSiteSettings();

  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumb
        items={[
          { name: site.siteName, href: '/' },
          { name: 'Search', href: '/search' },
        ]}
      />
      <h1 className="mt-4 font-serif text-3xl font-bold sm:text-4xl">Search</h1>
      <div className="mt-6 rounded border border-rule p-4">
        <SearchForm values={{ q: query.text, section: section?.slug, from, to }} sections={all} />
      </div>

      {notes.length > 0 ? (
        <ul className="mt-4 space-y-1 border-l-4 border-brand pl-3 text-sm">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}

      {!asked ? (
        <p className="mt-8 text-muted">
          {query.text
            ? 'There was nothing to search for in that: type a word or two.'
            : 'Search headlines, summaries, stories, topics and bylines. Chinese works too: try 微信.'}
        </p>
      ) : outcome && outcome.total === 0 ? (
        <section aria-labelledby="search-results-heading" className="mt-8">
          <h2 id="search-results-heading" className="text-xl font-bold">
            No stories found{query.text ? <> for “{query.text}”</> : null}
          </h2>
          <p className="mt-2 text-muted">
            Try fewer or different words, check the spelling, or widen the section and dates.
          </p>
        </section>
      ) : outcome ? (
        <section aria-labelledby="search-results-heading" className="mt-8">
          <h2 id="search-results-heading" className="text-xl font-bold">
            {outcome.total === 1 ? '1 story' : `${outcome.total.toLocaleString('en-GB')} stories`}
            {query.text ? <> for “{query.text}”</> : null}
            {section ? <> in {section.name}</> : null}
          </h2>
          {outcome.hits.length > 0 ? (
            <SearchResults hits={outcome.hits} start={(page - 1) * SEARCH_PAGE_SIZE + 1} literals={literals} />
          ) : (
            <p className="mt-4">
              There is no page {page} of these results.{' '}
              <a href={searchHref(params)} className="font-semibold text-brand underline underline-offset-2">
                Go to the first page
              </a>
            </p>
          )}
          {outcome.hits.length > 0 ? (
            <Pagination
              page={page}
              pageCount={pageCount}
              href={(n) => searchHref({ ...params, page: n })}
              labels={{ previous: '← Previous results', next: 'More results →' }}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
