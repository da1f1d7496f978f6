// The read-only content API under /api/v1/ (decision 046): what each address answers, and the JSON
// shape, which stays stable within v1 (fields may be added, never renamed or removed). One route
// handler (app/api/v1/[[...path]]) serves every address, cached like the pages and refreshed by every
// story change (lib/admin/revalidate.ts).
import 'server-only';
import {
  API_PAGE_SIZE,
  getApiStory,
  listApiAuthors,
  listApiSections,
  listApiStories,
  type ApiListFilter,
  type ApiStoryRow,
} from '@/db/queries/content-api';
import { absoluteUrl, articlePath, authorPath, sectionPath, tagPath } from '@/lib/domain/routes';
import { SLUG_PATTERN } from '@/lib/domain/slug';

export const API_BASE = '/api/v1';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function json(body: unknown, status = 200): Response {
  // Public, read-only and sent without credentials: any site's script may read it.
  return Response.json(body, { status, headers: { 'Access-Control-Allow-Origin': '*' } });
}

const notFound = (what = 'Nothing is published at this address.') => json({ error: what }, 404);

function storySummary(s: ApiStoryRow) {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    standfirst: s.standfirst,
    byline: s.byline,
    url: absoluteUrl(articlePath(s.slug)),
    api: absoluteUrl(`${API_BASE}/stories/${s.slug}`),
    publishedAt: iso(s.publishedAt),
    updatedAt: iso(s.revisedAt ?? s.publishedAt),
    section: { slug: s.sectionSlug, name: s.sectionName, url: absoluteUrl(sectionPath(s.sectionSlug)) },
    author:
      s.authorSlug === null
        ? null
        : { slug: s.authorSlug, name: s.authorName, url: absoluteUrl(authorPath(s.authorSlug)) },
    tags: s.tags.map((t) => ({ ...t, url: absoluteUrl(tagPath(t.slug)) })),
    image:
      s.imagePath === null
        ? null
        : { url: absoluteUrl(s.imagePath), alt: s.imageAlt, width: s.imageWidth, height: s.imageHeight },
    wordCount: s.wordCount,
  };
}

/** `2` from "2"; undefined for anything that is not a page number. */
function pageNumber(text: string | undefined): number | undefined {
  if (text === undefined) return 1;
  return /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : undefined;
}

async function storyList(filter: ApiListFilter, base: string, pageText: string | undefined): Promise<Response> {
  const page = pageNumber(pageText);
  if (page === undefined) return notFound();
  const result = await listApiStories(filter, page);
  if (!result) return notFound();
  const pages = Math.max(1, Math.ceil(result.total / API_PAGE_SIZE));
  if (page > pages) return notFound('There is no such page.');
  const link = (n: number) => absoluteUrl(n === 1 ? base : `${base}/page/${n}`);
  return json({
    data: result.stories.map(storySummary),
    page,
    perPage: API_PAGE_SIZE,
    total: result.total,
    pages,
    links: { self: link(page), next: page < pages ? link(page + 1) : null, prev: page > 1 ? link(page - 1) : null },
  });
}

type Filterable = 'sections' | 'tags' | 'authors';
const FILTERS: Record<Filterable, keyof ApiListFilter> = { sections: 'section', tags: 'tag', authors: 'author' };

/**
 * The answer for /api/v1/<segments>. Addresses:
 *   stories, stories/page/<n>, stories/<slug>, sections, authors,
 *   sections|tags|authors/<slug>/stories, …/stories/page/<n>
 */
export async function contentApiResponse(segments: string[]): Promise<Response> {
  const [first, second, third, fourth, fifth, ...rest] = segments;
  if (rest.length) return notFound();
  if (first === undefined)
    return json({
      links: Object.fromEntries(['stories', 'sections', 'authors'].map((k) => [k, absoluteUrl(`${API_BASE}/${k}`)])),
    });
  if (first === 'stories') {
    if (second === undefined) return storyList({}, `${API_BASE}/stories`, undefined);
    if (second === 'page' && third !== undefined && fourth === undefined)
      return storyList({}, `${API_BASE}/stories`, third);
    if (third !== undefined || !SLUG_PATTERN.test(second)) return notFound();
    const story = await getApiStory(second);
    return story ? json({ data: { ...storySummary(story), dateline: story.dateline, html: story.html } }) : notFound();
  }
  if ((first === 'sections' || first === 'authors') && second === undefined) {
    if (first === 'sections') {
      const sections = await listApiSections();
      return json({
        data: sections.map((s) => ({
          ...s,
          url: absoluteUrl(sectionPath(s.slug)),
          stories: absoluteUrl(`${API_BASE}/sections/${s.slug}/stories`),
        })),
      });
    }
    const authors = await listApiAuthors();
    return json({
      data: authors.map((a) => ({
        ...a,
        url: absoluteUrl(authorPath(a.slug)),
        stories: absoluteUrl(`${API_BASE}/authors/${a.slug}/stories`),
      })),
    });
  }
  if (first !== 'sections' && first !== 'tags' && first !== 'authors') return notFound();
  if (second === undefined || !SLUG_PATTERN.test(second) || third !== 'stories') return notFound();
  if (fourth !== undefined && (fourth !== 'page' || fifth === undefined)) return notFound();
  return storyList({ [FILTERS[first]]: second }, `${API_BASE}/${first}/${second}/stories`, fifth);
}
