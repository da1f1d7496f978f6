// Sitemaps. The feeds' stories are listArticlesWithBody (db/queries/articles.ts), cards with their body.
import 'server-only';
import { and, desc, eq, gte } from 'drizzle-orm';
import { db } from '@/db/engine';
import { articles, media } from '@/db/schema';
import { isPublic } from './visibility';

export type SitemapArticle = {
  slug: string;
  sectionId: number;
  publishedAt: number;
  revisedAt: number | null;
  heroPath: string | null;
};

/** Every public story, newest first, for sitemap.xml. */
export async function listSitemapArticles(now?: number): Promise<SitemapArticle[]> {
  return (
    await db()
      .select({
        slug: articles.slug,
        sectionId: articles.sectionId,
        publishedAt: articles.publishedAt,
        revisedAt: articles.revisedAt,
        heroPath: media.path,
      })
      .from(articles)
      .leftJoin(media, eq(media.id, articles.heroMediaId))
      .where(isPublic(now))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
  ).map((r) => ({ ...r, publishedAt: r.publishedAt ?? 0 }));
}

/** Public stories published at or after `since`, newest first: the Google News sitemap (at most 1,000). */
export async function listRecentArticles({
  since,
  now,
  limit = 1000,
}: {
  since: number;
  now?: number;
  limit?: number;
}) {
  return (
    await db()
      .select({ slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
      .from(articles)
      .where(and(isPublic(now), gte(articles.publishedAt, since)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(limit)
  ).map((r) => ({ ...r, publishedAt: r.publishedAt ?? 0 }));
}
