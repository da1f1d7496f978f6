import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { ArticleCard } from '@/components/article/article-card';
import { Pagination } from '@/components/ui/pagination';
import { countArticlesInSections, listArticlesInSections } from '@/db/queries/articles';
import {
  childSections,
  getSectionBySlug,
  listSections,
  sectionAndDescendantIds,
  sectionTrail,
} from '@/db/queries/sections';
import { getSiteSettings } from '@/db/queries/site';
import { sectionPath } from '@/lib/domain/routes';

export const SECTION_PAGE_SIZE = 8;

export const sectionPageHref = (slug: string, n: number) =>
  n === 1 ? sectionPath(slug) : `${sectionPath(slug)}/page/${n}`;

/** A section's front: breadcrumb, subsections and its stories (subsections included), newest first. */
export function SectionListing({ slug, page }: { slug: string; page: number }) {
  const all = listSections();
  const section = getSectionBySlug(slug);
  if (!section) notFound();
  const ids = sectionAndDescendantIds(all, section.id);
  const total = countArticlesInSections(ids);
  const pageCount = Math.max(1, Math.ceil(total / SECTION_PAGE_SIZE));
  if (page > pageCount) notFound();
  const stories = listArticlesInSections(ids, { limit: SECTION_PAGE_SIZE, offset: (page - 1) * SECTION_PAGE_SIZE });
  const children = childSections(all, section.id);
  const site = getSiteSettings();

  return (
    <>
      <Breadcrumb
        items={[
          { name: site.siteName, href: '/' },
          ...sectionTrail(all, section.id).map((s) => ({ name: s.name, href: sectionPath(s.slug) })),
        ]}
      />
      <header className="mt-4 border-b border-rule pb-4">
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">
          {section.name}
          {page > 1 ? <span className="text-muted"> · page {page}</span> : null}
        </h1>
        {section.description ? <p className="mt-2 max-w-2xl text-muted">{section.description}</p> : null}
        {children.length > 0 ? (
          <nav aria-label={`${section.name} subsections`} className="mt-3">
            <ul className="flex flex-wrap gap-2 text-sm">
              {children.map((c) => (
                <li key={c.id}>
                  <a
                    href={sectionPath(c.slug)}
                    className="inline-block rounded-full border border-rule px-3 py-1 font-semibold hover:border-brand hover:text-brand"
                  >
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {stories.length === 0 ? (
        <p className="py-10 text-muted">No stories in this section yet.</p>
      ) : (
        <>
          <h2 className="sr-only">Stories</h2>
          <div className="mt-6 grid gap-8 md:grid-cols-2">
            {stories.map((a) => (
              <ArticleCard key={a.id} article={a} showSection={a.sectionSlug !== section.slug} />
            ))}
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} href={(n) => sectionPageHref(section.slug, n)} />
    </>
  );
}
