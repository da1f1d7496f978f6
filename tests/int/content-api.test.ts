// Runs on both engines. The content API's answers (lib/content-api.ts over db/queries/content-api.ts):
// only public stories, paging, section filters that include subsections, topics and authors, and
// nothing learned about drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, transaction } from '@/db/engine';
import { articles, articleTags, authors, sections, tags } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.now();
const HOUR = 3_600_000;
let temp: TestDatabase;
let api: typeof import('@/lib/content-api');

type Json = Record<string, unknown> & { data: Record<string, unknown>[] | Record<string, unknown> };
async function get(path: string): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await api.contentApiResponse(path.split('/').filter(Boolean));
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}
const list = (body: Json) => body.data as Record<string, unknown>[];

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW });
  api = await import('@/lib/content-api');
  await transaction(async (tx) => {
    const [parent] = await tx
      .insert(sections)
      .values({ slug: 'api-parent', name: 'API parent', position: 90, createdAt: NOW, updatedAt: NOW })
      .returning({ id: sections.id });
    const [child] = await tx
      .insert(sections)
      .values({
        slug: 'api-child',
        name: 'API child',
        parentId: parent!.id,
        position: 91,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning({ id: sections.id });
    const [author] = await tx
      .insert(authors)
      .values({ slug: 'api-writer', name: 'Api Writer', createdAt: NOW, updatedAt: NOW })
      .returning({ id: authors.id });
    const [secretAuthor] = await tx
      .insert(authors)
      .values({ slug: 'api-drafts-only', name: 'Drafts Only', createdAt: NOW, updatedAt: NOW })
      .returning({ id: authors.id });
    const story = (
      slug: string,
      sectionId: number,
      status: 'published' | 'draft' | 'scheduled',
      at: number | null,
    ) => ({
      slug,
      title: `Title of ${slug}`,
      sectionId,
      authorId: author!.id,
      body: 'Text',
      bodyHtml: '<p>Text</p>',
      status,
      publishedAt: at,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const values = [
      ...Array.from({ length: 23 }, (_, i) => story(`api-story-${i}`, child!.id, 'published', NOW - (i + 1) * HOUR)),
      story('api-parent-story', parent!.id, 'published', NOW - 30 * HOUR),
      story('api-draft', parent!.id, 'draft', null),
      story('api-later', parent!.id, 'scheduled', NOW + 5 * HOUR),
      { ...story('api-secret', parent!.id, 'draft', null), authorId: secretAuthor!.id },
    ];
    const rows = await tx.insert(articles).values(values).returning({ id: articles.id, slug: articles.slug });
    const [shared] = await tx.insert(tags).values({ slug: 'api-topic', name: 'Api topic' }).returning({ id: tags.id });
    const [hidden] = await tx
      .insert(tags)
      .values({ slug: 'api-draft-topic', name: 'Draft topic' })
      .returning({ id: tags.id });
    const id = (slug: string) => rows.find((r) => r.slug === slug)!.id;
    await tx.insert(articleTags).values([
      { articleId: id('api-story-0'), tagId: shared!.id },
      { articleId: id('api-draft'), tagId: shared!.id },
      { articleId: id('api-draft'), tagId: hidden!.id },
    ]);
  });
});
afterAll(() => temp.cleanup());

describe('stories', () => {
  it('pages through public stories, newest first, with links', async () => {
    const all = await db().select({ id: articles.id }).from(articles);
    const first = await get('stories');
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.body).toMatchObject({ page: 1, perPage: 20 });
    expect(list(first.body)).toHaveLength(20);
    expect(list(first.body)[0]).toMatchObject({ slug: 'api-story-0', title: 'Title of api-story-0' });
    const total = first.body.total as number;
    expect(total).toBeLessThan(all.length); // drafts and the scheduled story are not counted
    const lastPage = Math.ceil(total / 20);
    expect(first.body.pages).toBe(lastPage);
    expect((first.body.links as { next: string }).next).toMatch(/\/api\/v1\/stories\/page\/2$/);

    const last = await get(`stories/page/${lastPage}`);
    expect(last.status).toBe(200);
    expect((last.body.links as { next: string | null }).next).toBeNull();
    expect((await get(`stories/page/${lastPage + 1}`)).status).toBe(404);
    for (const bad of ['stories/page/0', 'stories/page/x', 'stories/page/1/extra', 'stories/page', 'nothing'])
      expect((await get(bad)).status, bad).toBe(404);
  });

  it('never lists or serves a draft or a story scheduled for later', async () => {
    const slugs: string[] = [];
    const first = await get('stories');
    for (let p = 1; p <= (first.body.pages as number); p++)
      slugs.push(...list((await get(`stories/page/${p}`)).body).map((s) => s.slug as string));
    expect(slugs).toContain('api-parent-story');
    for (const hidden of ['api-draft', 'api-later', 'api-secret']) {
      expect(slugs).not.toContain(hidden);
      expect((await get(`stories/${hidden}`)).status).toBe(404);
    }
  });

  it('serves one story with its HTML, section, author and topics', async () => {
    const { status, body } = await get('stories/api-story-0');
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      slug: 'api-story-0',
      html: '<p>Text</p>',
      section: { slug: 'api-child', name: 'API child' },
      author: { slug: 'api-writer', name: 'Api Writer' },
      tags: [{ slug: 'api-topic', name: 'Api topic' }],
    });
    expect((body.data as { url: string }).url).toMatch(/\/news\/api-story-0$/);
    expect((body.data as { publishedAt: string }).publishedAt).toBe(new Date(NOW - HOUR).toISOString());
    expect((await get('stories/NOT-A-SLUG')).status).toBe(404);
  });
});

describe('filters', () => {
  it('a section lists its subsections’ stories too', async () => {
    const parent = await get('sections/api-parent/stories');
    expect(parent.body.total).toBe(24);
    const child = await get('sections/api-child/stories');
    expect(child.body.total).toBe(23);
    expect((await get('sections/api-child/stories/page/2')).body.data).toHaveLength(3);
    expect((await get('sections/no-such-section/stories')).status).toBe(404);
  });

  it('topics and authors list public stories; one with drafts only has no address', async () => {
    const topic = await get('tags/api-topic/stories');
    expect(list(topic.body).map((s) => s.slug)).toEqual(['api-story-0']);
    expect((await get('tags/api-draft-topic/stories')).status).toBe(404);
    expect((await get('authors/api-writer/stories')).body.total).toBe(24);
    expect((await get('authors/api-drafts-only/stories')).status).toBe(404);
  });

  it('lists sections with their parents, and authors who have public stories', async () => {
    const sectionList = list((await get('sections')).body);
    expect(sectionList.find((s) => s.slug === 'api-child')).toMatchObject({ parent: 'api-parent', name: 'API child' });
    expect(sectionList.find((s) => s.slug === 'api-parent')).toMatchObject({ parent: null });
    const authorList = list((await get('authors')).body).map((a) => a.slug);
    expect(authorList).toContain('api-writer');
    expect(authorList).not.toContain('api-drafts-only');
  });
});
