import 'server-only';
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, media, sections } from '@/db/schema';
import { isPublic } from './visibility';

export type FeedArticle = {
  slug: string;
  title: string;
  standfirst: string;
  byline: string;
  bodyHtml: string;
  publishedAt: number;
  revisedAt: number | null;
  sectionSlug: string;
  sectionName: string;
  hero: { path: string; mime: string; alt: string; caption: string; credit: string } | null;
};

/** Newest public stories with their bodies, for RSS and Atom; only in `sectionIds` when given. */
export function listFeedArticles({
  sectionIds,
  limit,
  now,
}: {
  sectionIds?: number[];
  limit: number;
  now?: number;
}): FeedArticle[] {
  if (sectionIds && sectionIds.length === 0) return [];
  const where = sectionIds ? and(isPublic(now), inArray(articles.sectionId, sectionIds)) : isPublic(now);
  return getDb()
    .select({
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      byline: articles.byline,
      bodyHtml: articles.bodyHtml,
      publishedAt: articles.publishedAt,
      revisedAt: articles.revisedAt,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      heroPath: media.path,
      heroMime: media.mime,
      heroAlt: media.alt,
      heroCaption: media.caption,
      heroCredit: media.credit,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
    .map(({ heroPath, heroMime, heroAlt, heroCaption, heroCredit, publishedAt, ...row }) => ({
      ...row,
      publishedAt: publishedAt ?? 0,
      hero:
        heroPath === null
          ? null
          : {
              path: heroPath,
              mime: heroMime ?? 'image/jpeg',
              alt: heroAlt ?? '',
              caption: heroCaption ?? '',
              credit: heroCredit ?? '',
            },
    }));
}

export type SitemapArticle = {
  slug: string;
  sectionId: number;
  publishedAt: number;
  revisedAt: number | null;
  heroPath: string | null;
};

/** Every public story, newest first, for sitemap.xml. */
export function listSitemapArticles(now?: number): SitemapArticle[] {
  return getDb()
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
    .all()
    .map((r) => ({ ...r, publishedAt: r.publishedAt ?? 0 }));
}

/** Public stories published at or after `since`, newest first: the Google News sitemap (at most 1,000). */
export function listRecentArticles({ since, now, limit = 1000 }: { since: number; now?: number; limit?: number }) {
  return getDb()
    .select({ slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isPublic(now), gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, publishedAt: r.publishedAt ?? 0 }));
}
