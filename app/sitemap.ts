import type { MetadataRoute } from 'next';
import { listSections, sectionAndDescendantIds } from '@/db/queries/sections';
import { getPage } from '@/db/queries/site';
import { listSitemapArticles } from '@/db/queries/syndication';
import { absoluteUrl, articlePath, sectionPath, STATIC_PAGES, staticPagePath } from '@/lib/domain/routes';

// Every public story, section and page. Regenerated at most every five minutes, like the pages.
export const revalidate = 300;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const articles = await listSitemapArticles();
  const sections = await listSections();
  const changed = (a: { publishedAt: number; revisedAt: number | null }) => Math.max(a.publishedAt, a.revisedAt ?? 0);
  const newestIn = (ids: number[]) => {
    const times = articles.filter((a) => ids.includes(a.sectionId)).map(changed);
    return times.length > 0 ? new Date(Math.max(...times)) : undefined;
  };

  const entries: MetadataRoute.Sitemap = [
    {
      url: absoluteUrl('/'),
      lastModified: articles.length > 0 ? new Date(Math.max(...articles.map(changed))) : undefined,
      changeFrequency: 'hourly',
      priority: 1,
    },
  ];
  for (const section of sections) {
    entries.push({
      url: absoluteUrl(sectionPath(section.slug)),
      lastModified: newestIn(sectionAndDescendantIds(sections, section.id)),
      changeFrequency: 'hourly',
      priority: 0.8,
    });
  }
  for (const article of articles) {
    entries.push({
      url: absoluteUrl(articlePath(article.slug)),
      lastModified: new Date(changed(article)),
      priority: 0.6,
      ...(article.heroPath ? { images: [absoluteUrl(article.heroPath)] } : {}),
    });
  }
  for (const { slug } of STATIC_PAGES) {
    const page = await getPage(slug);
    if (page)
      entries.push({
        url: absoluteUrl(staticPagePath(slug)),
        lastModified: new Date(page.updatedAt),
        changeFrequency: 'yearly',
        priority: 0.2,
      });
  }
  return entries;
}
