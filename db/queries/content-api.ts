// The read-only content API's queries (/api/v1/, decision 046): public stories only, on both engines.
// The shapes returned here are the API's own, independent of what the reader pages select, so a change
// to a page never changes the API.
import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/engine';
import { articles, articleTags, authors, media, sections, tags } from '@/db/schema';
import { sectionAndDescendantIds, sectionColumns } from './sections';
import { isPublic } from './visibility';

export const API_PAGE_SIZE = 20;

export type ApiSection = { slug: string; name: string; description: string; parent: string | null };
export type ApiAuthor = { slug: string; name: string; bio: string };
export type ApiListFilter = { section?: string; tag?: string; author?: string };

type StoryRow = {
  html: string;
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  byline: string;
  dateline: string;
  publishedAt: number | null;
  revisedAt: number | null;
  wordCount: number;
  sectionSlug: string;
  sectionName: string;
  authorSlug: string | null;
  authorName: string | null;
  imagePath: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
};

export type ApiStoryRow = StoryRow & { tags: { slug: string; name: string }[] };

const storyColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  standfirst: articles.standfirst,
  byline: articles.byline,
  dateline: articles.dateline,
  publishedAt: articles.publishedAt,
  revisedAt: articles.revisedAt,
  wordCount: articles.wordCount,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  authorSlug: authors.slug,
  authorName: authors.name,
  imagePath: media.path,
  imageAlt: media.alt,
  imageWidth: media.width,
  imageHeight: media.height,
};

/** Stories with their section, author and image joined; the HTML is read only for one story. */
function storiesJoined({ withHtml = false } = {}) {
  return db()
    .select({ ...storyColumns, html: withHtml ? articles.bodyHtml : sql<string>`''` })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.heroMediaId));
}

async function withTags<T extends { id: number }>(list: T[]): Promise<(T & { tags: ApiStoryRow['tags'] })[]> {
  if (!list.length) return [];
  const links = await db()
    .select({ articleId: articleTags.articleId, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(
      inArray(
        articleTags.articleId,
        list.map((s) => s.id),
      ),
    )
    .orderBy(asc(tags.name));
  return list.map((s) => ({
    ...s,
    tags: links.filter((l) => l.articleId === s.id).map(({ slug, name }) => ({ slug, name })),
  }));
}

/** The condition a filter adds, or null when it names a section, topic or author that does not exist. */
async function filterCondition(filter: ApiListFilter): Promise<SQL | undefined | null> {
  if (filter.section !== undefined) {
    const all = await db().select(sectionColumns).from(sections);
    const section = all.find((s) => s.slug === filter.section);
    if (!section) return null;
    return inArray(articles.sectionId, sectionAndDescendantIds(all, section.id));
  }
  if (filter.tag !== undefined) {
    const [tag] = await db().select({ id: tags.id }).from(tags).where(eq(tags.slug, filter.tag)).limit(1);
    if (!tag) return null;
    return sql`exists (select 1 from ${articleTags} where ${articleTags.articleId} = ${articles.id} and ${articleTags.tagId} = ${tag.id})`;
  }
  if (filter.author !== undefined) {
    const [author] = await db()
      .select({ id: authors.id })
      .from(authors)
      .where(eq(authors.slug, filter.author))
      .limit(1);
    if (!author) return null;
    return eq(articles.authorId, author.id);
  }
  return undefined;
}

/**
 * One page of public stories, newest first, with how many there are in all; undefined when the
 * filter names nothing that exists (the API answers 404).
 */
export async function listApiStories(
  filter: ApiListFilter,
  page: number,
  now = Date.now(),
): Promise<{ stories: ApiStoryRow[]; total: number } | undefined> {
  const condition = await filterCondition(filter);
  if (condition === null) return undefined;
  const where = and(isPublic(now), condition);
  const [{ total }] = (await db()
    .select({ total: sql<number>`count(*)` })
    .from(articles)
    .where(where)) as [{ total: number }];
  const list = await storiesJoined()
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(API_PAGE_SIZE)
    .offset((page - 1) * API_PAGE_SIZE);
  // A topic or author whose stories are all unpublished has no public page, and no API address either:
  // their names must not leak from drafts (decision 022).
  if (Number(total) === 0 && (filter.tag !== undefined || filter.author !== undefined)) return undefined;
  return { stories: await withTags(list), total: Number(total) };
}

/** One public story with its sanitised HTML, or undefined. */
export async function getApiStory(slug: string, now = Date.now()): Promise<ApiStoryRow | undefined> {
  const [row] = await storiesJoined({ withHtml: true })
    .where(and(isPublic(now), eq(articles.slug, slug)))
    .limit(1);
  if (!row) return undefined;
  const [story] = await withTags([row]);
  return story;
}

export async function listApiSections(): Promise<ApiSection[]> {
  const all = await db().select(sectionColumns).from(sections).orderBy(asc(sections.position), asc(sections.id));
  const slugs = new Map(all.map((s) => [s.id, s.slug]));
  return all.map((s) => ({
    slug: s.slug,
    name: s.name,
    description: s.description,
    parent: s.parentId === null ? null : (slugs.get(s.parentId) ?? null),
  }));
}

/** Authors with at least one public story (the ones with a page on the site). */
export async function listApiAuthors(now = Date.now()): Promise<ApiAuthor[]> {
  return db()
    .select({ slug: authors.slug, name: authors.name, bio: authors.bio })
    .from(authors)
    .where(sql`exists (select 1 from ${articles} where ${articles.authorId} = ${authors.id} and ${isPublic(now)})`)
    .orderBy(asc(authors.name), asc(authors.id));
}
