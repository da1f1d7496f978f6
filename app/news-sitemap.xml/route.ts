import { getSiteSettings } from '@/db/queries/site';
import { listRecentArticles } from '@/db/queries/syndication';
import { buildNewsSitemap, NEWS_WINDOW_MS } from '@/lib/news-sitemap';

// News sitemaps are read often and must be fresh: five minutes at most behind the database.
export const revalidate = 300;

export async function GET() {
  const now = Date.now();
  const xml = buildNewsSitemap({
    publication: (await getSiteSettings()).siteName,
    language: 'en',
    articles: await listRecentArticles({ since: now - NEWS_WINDOW_MS, now }),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
