// A Google News sitemap: stories published in the last two days, with the news: extension.
import { xmlText } from '@/lib/feeds';
import { absoluteUrl, articlePath } from '@/lib/domain/routes';

/** Google News only reads stories from the last 48 hours. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

const escapeXml = (value: string) =>
  xmlText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export function buildNewsSitemap({
  publication,
  language,
  articles,
}: {
  publication: string;
  language: string;
  articles: { slug: string; title: string; publishedAt: number }[];
}): string {
  const urls = articles.map(
    (a) => `  <url>
    <loc>${escapeXml(absoluteUrl(articlePath(a.slug)))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(publication)}</news:name>
        <news:language>${escapeXml(language)}</news:language>
      </news:publication>
      <news:publication_date>${new Date(a.publishedAt).toISOString()}</news:publication_date>
      <news:title>${escapeXml(a.title)}</news:title>
    </news:news>
  </url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
