import 'server-only';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { db, dialect, rows } from '@/db/engine';
import { articles, articleTags, authors, media, relatedOverrides, sections, tags } from '@/db/schema';
import { isPublic } from './visibility';

export type HeroImage = {
  path: string;
  mime: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  variants: { width: number; path: string }[];
};

export type ArticleCard = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  byline: string;
  publishedAt: number;
  sectionSlug: string;
  sectionName: string;
  hero: HeroImage | null;
};

export type ArticleFull = ArticleCard & {
  sectionId: number;
  dateline: string;
  bodyHtml: string;
  wordCount: number;
  revisedAt: number | null;
  votingPaused: boolean;
  author: { slug: string; name: string } | null;
  tags: { slug: string; name: string }[];
};

/** A story's hero picture, from a left join of `media` on articles.hero_media_id. */
export const heroColumns = {
  heroPath: media.path,
  heroMime: media.mime,
  heroAlt: media.alt,
  heroCaption: media.caption,
  heroCredit: media.credit,
  heroWidth: media.width,
  heroHeight: media.height,
};

const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  standfirst: articles.standfirst,
  byline: articles.byline,
  publishedAt: articles.publishedAt,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  ...heroColumns,
  heroVariants: media.variants,
};

type CardRow = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  byline: string;
  publishedAt: number | null;
  sectionSlug: string;
  sectionName: string;
  heroPath: string | null;
  heroMime: string | null;
  heroAlt: string | null;
  heroCaption: string | null;
  heroCredit: string | null;
  heroWidth: number | null;
  heroHeight: number | null;
  heroVariants: string | null;
};

function parseVariants(json: string | null): HeroImage['variants'] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? (value as HeroImage['variants']) : [];
  } catch {
    return [];
  }
}

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    byline: row.byline,
    publishedAt: row.publishedAt ?? 0,
    sectionSlug: row.sectionSlug,
    sectionName: row.sectionName,
    hero:
      row.heroPath === null
        ? null
        : {
            path: row.heroPath,
            mime: row.heroMime ?? 'image/jpeg',
            alt: row.heroAlt ?? '',
            caption: row.heroCaption ?? '',
            credit: row.heroCredit ?? '',
            width: row.heroWidth ?? 1200,
            height: row.heroHeight ?? 675,
            variants: parseVariants(row.heroVariants),
          },
  };
}

/**
 * Stories with their section and hero joined. The body is read only `withBody` (feeds): a list of
 * cards must not pull every story's text off the disk.
 */
function cards({ withBody = false } = {}) {
  return db()
    .select({
      ...cardColumns,
      bodyHtml: withBody ? sql<string>`${articles.bodyHtml}` : sql<string>`''`,
      revisedAt: articles.revisedAt,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId));
}

/**
 * Which public stories a list shows: a section and its subsections, a topic, an author; every public
 * story when empty. Section pages, topic and author pages, the home page and the feeds share it.
 */
export type ArticleFilter = { sectionIds?: number[]; tagId?: number; authorId?: number };

const newestFirst = [desc(articles.publishedAt), desc(articles.id)] as const;

/** Ids of the filter's public stories, newest first, read from indexes alone (no story row). */
function filteredIds(filter: ArticleFilter, now: number | undefined) {
  const where = and(
    isPublic(now),
    filter.sectionIds ? inArray(articles.sectionId, filter.sectionIds) : undefined,
    filter.authorId !== undefined ? eq(articles.authorId, filter.authorId) : undefined,
  );
  const ids = db().select({ id: articles.id }).from(articles).$dynamic();
  return (
    filter.tagId === undefined
      ? ids
      : ids.innerJoin(articleTags, and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, filter.tagId)))
  ).where(where);
}

/** Public stories of the filter, newest first, a page at a time. */
export async function listArticles(
  filter: ArticleFilter,
  { limit, offset = 0, now }: { limit: number; offset?: number; now?: number },
): Promise<ArticleCard[]> {
  return (await pageOf(filter, { limit, offset, now })).map(toCard);
}

/**
 * The same stories with what a feed carries besides the card: the body and the time of the last revision.
 */
export async function listArticlesWithBody(
  filter: ArticleFilter,
  { limit, now }: { limit: number; now?: number },
): Promise<ArticleWithBody[]> {
  return (await pageOf(filter, { limit, offset: 0, now }, { withBody: true })).map((row) => ({
    ...toCard(row),
    bodyHtml: row.bodyHtml,
    revisedAt: row.revisedAt,
  }));
}

export type ArticleWithBody = ArticleCard & { bodyHtml: string; revisedAt: number | null };

async function pageOf(
  filter: ArticleFilter,
  { limit, offset, now }: { limit: number; offset: number; now?: number },
  { withBody = false } = {},
) {
  if (filter.sectionIds?.length === 0) return [];
  // Pick the page's ids from an index alone, then read just those rows: sorting whole rows would read
  // every story of a big section tree, bodies included.
  const page = filteredIds(filter, now)
    .orderBy(...newestFirst)
    .limit(limit)
    .offset(offset);
  return cards({ withBody })
    .where(inArray(articles.id, page))
    .orderBy(...newestFirst);
}

export async function countArticles(filter: ArticleFilter, now?: number): Promise<number> {
  if (filter.sectionIds?.length === 0) return 0;
  const ids = filteredIds(filter, now).as('ids');
  const [row] = await db()
    .select({ n: sql<number>`count(*)` })
    .from(ids);
  return row?.n ?? 0;
}

function tagsOf(articleId: number) {
  return db()
    .select({ slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(tags.name);
}

async function fullArticle(where: ReturnType<typeof eq>): Promise<ArticleFull | undefined> {
  const [row] = await db()
    .select({
      ...cardColumns,
      sectionId: articles.sectionId,
      dateline: articles.dateline,
      bodyHtml: articles.bodyHtml,
      wordCount: articles.wordCount,
      revisedAt: articles.revisedAt,
      votingPaused: articles.votingPaused,
      authorSlug: authors.slug,
      authorName: authors.name,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .leftJoin(authors, eq(authors.id, articles.authorId))
    .where(where)
    .limit(1);
  if (!row) return undefined;
  return {
    ...toCard(row),
    sectionId: row.sectionId,
    dateline: row.dateline,
    bodyHtml: row.bodyHtml,
    wordCount: row.wordCount,
    revisedAt: row.revisedAt,
    votingPaused: row.votingPaused,
    author: row.authorSlug && row.authorName ? { slug: row.authorSlug, name: row.authorName } : null,
    tags: await tagsOf(row.id),
  };
}

/** A story as readers see it: only when it is public. Drafts, stories in review and future ones are undefined. */
export function getPublicArticleBySlug(slug: string, now?: number): Promise<ArticleFull | undefined> {
  return fullArticle(and(eq(articles.slug, slug), isPublic(now)) as ReturnType<typeof eq>);
}

/** Any story, whatever its status: for staff previews only. */
export async function getArticleByIdForPreview(id: number): Promise<(ArticleFull & { status: string }) | undefined> {
  const article = await fullArticle(eq(articles.id, id));
  if (!article) return undefined;
  const [row] = await db().select({ status: articles.status }).from(articles).where(eq(articles.id, id)).limit(1);
  return { ...article, status: row?.status ?? 'draft' };
}

/**
 * Related stories: the editor's picks first, then public stories that share the section or a tag
 * (both counts first), newest first. Never the story itself, never an unpublished one.
 */
export async function listRelatedArticles(
  articleId: number,
  sectionId: number,
  { limit = 4, now }: { limit?: number; now?: number } = {},
): Promise<ArticleCard[]> {
  const picked = (
    await db()
      .select({ ...cardColumns, position: relatedOverrides.position })
      .from(relatedOverrides)
      .innerJoin(articles, eq(articles.id, relatedOverrides.relatedId))
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .leftJoin(media, eq(media.id, articles.heroMediaId))
      .where(and(eq(relatedOverrides.articleId, articleId), isPublic(now), ne(articles.id, articleId)))
      .orderBy(relatedOverrides.position)
      .limit(limit)
  ).map(toCard);
  if (picked.length >= limit) return picked;

  // Candidates, instead of scoring every story: the stories sharing a tag (from the tag index), and
  // the newest of the same section. Nothing else can make the list: a same-section story without a
  // shared tag scores 1, so it ranks below every newer same-section story. A common tag still makes
  // thousands of candidates; `indexed by articles_rank_idx` ranks them from that small index instead
  // of each story's row, whose status and dates sit behind its body in overflow pages (SQLite picks
  // the rowid lookup on its own). SQLite-only syntax: dialect().indexedBy() is nothing on PostgreSQL.
  const want = limit - picked.length;
  const exclude = [articleId, ...picked.map((p) => p.id)];
  const ranked = await rows<{ id: number }>(sql`
    with shared as (
      select at.article_id as id, count(*) as n from ${articleTags} at
      where at.tag_id in (select mine.tag_id from ${articleTags} mine where mine.article_id = ${articleId})
        and at.article_id not in ${exclude}
      group by at.article_id
    ),
    newest as (
      select ${articles.id} as id from ${articles}
      where ${articles.sectionId} = ${sectionId} and ${isPublic(now)} and ${articles.id} not in ${exclude}
      order by ${articles.publishedAt} desc, ${articles.id} desc
      limit ${want}
    ),
    candidates as (select id from shared union select id from newest)
    select ${articles.id} as id
    from candidates
    join ${articles} ${dialect().indexedBy('articles_rank_idx')} on ${articles.id} = candidates.id
    left join shared on shared.id = candidates.id
    where ${isPublic(now)}
    order by ${dialect().asInt(sql`${articles.sectionId} = ${sectionId}`)} + coalesce(shared.n, 0) desc,
      ${articles.publishedAt} desc, ${articles.id} desc
    limit ${want}`);
  if (ranked.length === 0) return picked;
  const ids = ranked.map((r) => r.id);
  const byId = new Map((await cards().where(inArray(articles.id, ids))).map((row) => [row.id, toCard(row)]));
  return [...picked, ...ids.flatMap((id) => byId.get(id) ?? [])];
}

/** Slugs of every public story, newest first, for sitemaps and prerendering. */
export async function listPublicArticleSlugs(
  now?: number,
): Promise<{ slug: string; publishedAt: number; revisedAt: number | null }[]> {
  return (
    await db()
      .select({ slug: articles.slug, publishedAt: articles.publishedAt, revisedAt: articles.revisedAt })
      .from(articles)
      .where(isPublic(now))
      .orderBy(desc(articles.publishedAt))
  ).map((r) => ({ ...r, publishedAt: r.publishedAt ?? 0 }));
}

/**
 * Cards for the given stories in the given order (search results); stories that are not public are
 * left out.
 */
export async function listArticleCardsByIds(ids: number[], now?: number): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const found = await db()
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .where(and(isPublic(now), inArray(articles.id, ids)));
  const byId = new Map(found.map((row) => [row.id, toCard(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
