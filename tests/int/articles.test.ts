// Runs on both engines (vitest projects 'sqlite' and 'postgres'): reads and writes go through db/engine.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, rows, transaction } from '@/db/engine';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let temp: TestDatabase;
let q: typeof import('@/db/queries/articles');
let s: typeof import('@/db/queries/sections');

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW });
  q = await import('@/db/queries/articles');
  s = await import('@/db/queries/sections');
});
afterAll(() => temp.cleanup());

async function statusOf(slug: string) {
  const [row] = await rows<{ id: number; status: string }>(sql`select id, status from articles where slug = ${slug}`);
  return row;
}

const oneSlug = async (status: string) =>
  (await rows<{ slug: string }>(sql`select slug from articles where status = ${status} order by id limit 1`))[0]!;
const tagIdsOf = async (articleId: number) =>
  (await rows<{ tag_id: number }>(sql`select tag_id from article_tags where article_id = ${articleId}`)).map(
    (r) => r.tag_id,
  );

describe('published-only queries', () => {
  it('the demo has at least 30 published stories, drafts and one scheduled story', async () => {
    const counts = await rows<{ status: string; n: number }>(
      sql`select status, count(*) as n from articles group by status`,
    );
    const by = Object.fromEntries(counts.map((c) => [c.status, c.n]));
    expect(by.published).toBeGreaterThanOrEqual(30);
    expect(by.draft).toBeGreaterThanOrEqual(2);
    expect(by.scheduled).toBe(1);
  });

  it('latest stories never include drafts or scheduled stories, newest first', async () => {
    const latest = await q.listArticles({}, { limit: 500, now: NOW });
    const hidden = await rows<{ slug: string }>(
      sql`select slug from articles where status in ('draft', 'review', 'scheduled')`,
    );
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    for (const h of hidden) expect(latest.map((a) => a.slug)).not.toContain(h.slug);
    const times = latest.map((a) => a.publishedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('a draft or a scheduled story is not found by slug; a published one is', async () => {
    const draft = await oneSlug('draft');
    const scheduled = await oneSlug('scheduled');
    expect(await q.getPublicArticleBySlug(draft.slug, NOW)).toBeUndefined();
    expect(await q.getPublicArticleBySlug(scheduled.slug, NOW)).toBeUndefined();
    const story = await q.getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW);
    expect(story?.title).toMatch(/WeChat/i);
    expect(story?.hero?.alt.length).toBeGreaterThan(5);
    expect(story?.bodyHtml).toContain('<p>');
    expect(story?.tags.length).toBeGreaterThan(0);
  });

  it('a scheduled story appears by itself once its time has come', async () => {
    const [scheduled] = await rows<{ slug: string; at: number }>(
      sql`select slug, published_at as at from articles where status = 'scheduled' limit 1`,
    );
    const at = Number(scheduled!.at);
    expect(await q.getPublicArticleBySlug(scheduled!.slug, at - 1)).toBeUndefined();
    expect((await q.getPublicArticleBySlug(scheduled!.slug, at))?.slug).toBe(scheduled!.slug);
  });

  it('a section lists its own and its subsections’ public stories', async () => {
    const all = await s.listSections();
    const china = (await s.getSectionBySlug('china-news'))!;
    const ids = s.sectionAndDescendantIds(all, china.id);
    const listed = await q.listArticles({ sectionIds: ids }, { limit: 100, now: NOW });
    expect(new Set(listed.map((a) => a.sectionSlug))).toContain('weibo-wire');
    expect(await q.countArticles({ sectionIds: ids }, NOW)).toBe(listed.length);
    // Pages do not overlap and keep the order.
    const first = await q.listArticles({ sectionIds: ids }, { limit: 3, now: NOW });
    const second = await q.listArticles({ sectionIds: ids }, { limit: 3, offset: 3, now: NOW });
    expect([...first, ...second].map((a) => a.id)).toEqual(listed.slice(0, 6).map((a) => a.id));
    expect(await q.countArticles({ sectionIds: [] }, NOW)).toBe(0);
    expect(await q.listArticles({ sectionIds: [] }, { limit: 3, now: NOW })).toEqual([]);
  });
});

describe('section tree', () => {
  it('gives the breadcrumb trail from the top down', async () => {
    const all = await s.listSections();
    const weibo = (await s.getSectionBySlug('weibo-wire'))!;
    expect((await s.getSectionById(weibo.id))?.slug).toBe('weibo-wire');
    expect(s.sectionTrail(all, weibo.id).map((x) => x.name)).toEqual(['China News', 'Weibo Wire']);
    const culture = (await s.getSectionBySlug('culture'))!;
    expect(s.sectionTrail(all, culture.id).map((x) => x.name)).toEqual(['Culture']);
  });

  it('stops on a cycle instead of looping forever', () => {
    const a = { id: 1, slug: 'a', name: 'A', description: '', parentId: 2, position: 0 };
    const b = { id: 2, slug: 'b', name: 'B', description: '', parentId: 1, position: 0 };
    expect(s.sectionTrail([a, b], 1).map((x) => x.slug)).toEqual(['b', 'a']);
  });
});

describe('related stories', () => {
  it('are public, never the story itself, and share its section or a tag', async () => {
    const story = (await q.getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW))!;
    const related = await q.listRelatedArticles(story.id, story.sectionId, { limit: 4, now: NOW });
    expect(related.length).toBe(4);
    const publicSlugs = new Set((await q.listArticles({}, { limit: 500, now: NOW })).map((a) => a.slug));
    const mine = new Set(await tagIdsOf(story.id));
    for (const r of related) {
      expect(r.id).not.toBe(story.id);
      expect(publicSlugs.has(r.slug)).toBe(true);
      const theirs = await tagIdsOf(r.id);
      const sameSection = ((await statusOf(r.slug)) && r.sectionSlug === story.sectionSlug) || false;
      expect(sameSection || theirs.some((t) => mine.has(t))).toBe(true);
    }
  });

  it('put the editor’s picks first, and never show an unpublished pick', async () => {
    const story = (await q.getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW))!;
    const other = (await q.listArticles({}, { limit: 500, now: NOW })).find((a) => a.sectionSlug === 'sports')!;
    const draft = (await statusOf((await oneSlug('draft')).slug))!;
    await transaction(async (tx) => {
      await execute(
        sql`insert into related_overrides (article_id, related_id, position) values (${story.id}, ${draft.id}, 0), (${story.id}, ${other.id}, 1)`,
        tx,
      );
    });
    const related = await q.listRelatedArticles(story.id, story.sectionId, { limit: 4, now: NOW });
    expect(related[0]?.id).toBe(other.id);
    expect(related.map((r) => r.id)).not.toContain(draft.id);
    expect(new Set(related.map((r) => r.id)).size).toBe(related.length);
    await transaction((tx) => execute(sql`delete from related_overrides`, tx));
  });

  it('a story and its public slugs: the preview sees any status, the sitemap list only public ones', async () => {
    const draft = await oneSlug('draft');
    const { id } = (await statusOf(draft.slug))!;
    const preview = await q.getArticleByIdForPreview(id);
    expect(preview?.status).toBe('draft');
    expect(preview?.slug).toBe(draft.slug);
    expect(await q.getArticleByIdForPreview(999_999)).toBeUndefined();
    const slugs = (await q.listPublicArticleSlugs(NOW)).map((a) => a.slug);
    expect(slugs).toContain('wechat-outage-leaves-millions-cut-off');
    expect(slugs).not.toContain(draft.slug);
  });
});

describe('demo content', () => {
  it('every image it points at is shipped in public/, with alt text', async () => {
    const fs = await import('node:fs');
    const media = await rows<{ path: string; alt: string }>(sql`select path, alt from media`);
    expect(media.length).toBeGreaterThanOrEqual(30);
    for (const r of media) {
      expect(fs.existsSync(`public${r.path}`), r.path).toBe(true);
      expect(r.alt.length, r.path).toBeGreaterThan(10);
    }
  });

  it('stories are 200 to 900 words, and one tells the WeChat outage under China News › Weibo Wire', async () => {
    const stories = await rows<{ slug: string; words: number }>(
      sql`select slug, word_count as words from articles where status = 'published'`,
    );
    for (const r of stories) {
      expect(r.words, r.slug).toBeGreaterThanOrEqual(200);
      expect(r.words, r.slug).toBeLessThanOrEqual(900);
    }
    const wechat = (await q.getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW))!;
    expect(wechat.sectionSlug).toBe('weibo-wire');
    expect(new Date(wechat.publishedAt).toISOString().slice(0, 10)).toBe('2013-07-22');
    expect(wechat.bodyHtml).toMatch(/optical cable/i);
  });
});
