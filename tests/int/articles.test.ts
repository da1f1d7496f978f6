import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../helpers/temp-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let temp: ReturnType<typeof createTempDatabase>;
let q: typeof import('@/db/queries/articles');
let s: typeof import('@/db/queries/sections');

beforeAll(async () => {
  temp = createTempDatabase({ now: NOW });
  q = await import('@/db/queries/articles');
  s = await import('@/db/queries/sections');
});
afterAll(() => temp.cleanup());

function statusOf(slug: string) {
  return temp.db.$client
    .prepare('select id, status, published_at as publishedAt from articles where slug = ?')
    .get(slug) as { id: number; status: string; publishedAt: number | null } | undefined;
}

describe('published-only queries', () => {
  it('the demo has at least 30 published stories, drafts and one scheduled story', () => {
    const counts = temp.db.$client.prepare('select status, count(*) as n from articles group by status').all() as {
      status: string;
      n: number;
    }[];
    const by = Object.fromEntries(counts.map((c) => [c.status, c.n]));
    expect(by.published).toBeGreaterThanOrEqual(30);
    expect(by.draft).toBeGreaterThanOrEqual(2);
    expect(by.scheduled).toBe(1);
  });

  it('latest stories never include drafts or scheduled stories, newest first', () => {
    const latest = q.listArticles({}, { limit: 500, now: NOW });
    const hidden = temp.db.$client
      .prepare("select slug from articles where status in ('draft', 'review', 'scheduled')")
      .all() as { slug: string }[];
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    for (const h of hidden) expect(latest.map((a) => a.slug)).not.toContain(h.slug);
    const times = latest.map((a) => a.publishedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('a draft or a scheduled story is not found by slug; a published one is', () => {
    const draft = temp.db.$client.prepare("select slug from articles where status = 'draft' limit 1").get() as {
      slug: string;
    };
    const scheduled = temp.db.$client.prepare("select slug from articles where status = 'scheduled' limit 1").get() as {
      slug: string;
    };
    expect(q.getPublicArticleBySlug(draft.slug, NOW)).toBeUndefined();
    expect(q.getPublicArticleBySlug(scheduled.slug, NOW)).toBeUndefined();
    const story = q.getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW);
    expect(story?.title).toMatch(/WeChat/i);
    expect(story?.hero?.alt.length).toBeGreaterThan(5);
    expect(story?.bodyHtml).toContain('<p>');
  });

  it('a scheduled story appears by itself once its time has come', () => {
    const scheduled = temp.db.$client
      .prepare("select slug, published_at as at from articles where status = 'scheduled' limit 1")
      .get() as { slug: string; at: number };
    expect(q.getPublicArticleBySlug(scheduled.slug, scheduled.at - 1)).toBeUndefined();
    expect(q.getPublicArticleBySlug(scheduled.slug, scheduled.at)?.slug).toBe(scheduled.slug);
  });

  it('a section lists its own and its subsections’ public stories', () => {
    const all = s.listSections();
    const china = s.getSectionBySlug('china-news')!;
    const ids = s.sectionAndDescendantIds(all, china.id);
    const names = new Set(q.listArticles({ sectionIds: ids }, { limit: 100, now: NOW }).map((a) => a.sectionSlug));
    expect(names).toContain('weibo-wire');
    expect(q.countArticles({ sectionIds: ids }, NOW)).toBe(
      q.listArticles({ sectionIds: ids }, { limit: 100, now: NOW }).length,
    );
  });
});

describe('section tree', () => {
  it('gives the breadcrumb trail from the top down', () => {
    const all = s.listSections();
    const weibo = s.getSectionBySlug('weibo-wire')!;
    expect(s.sectionTrail(all, weibo.id).map((x) => x.name)).toEqual(['China News', 'Weibo Wire']);
    const culture = s.getSectionBySlug('culture')!;
    expect(s.sectionTrail(all, culture.id).map((x) => x.name)).toEqual(['Culture']);
  });

  it('stops on a cycle instead of looping forever', () => {
    const a = { id: 1, slug: 'a', name: 'A', description: '', parentId: 2, position: 0 };
    const b = { id: 2, slug: 'b', name: 'B', description: '', parentId: 1, position: 0 };
    expect(s.sectionTrail([a, b], 1).map((x) => x.slug)).toEqual(['b', 'a']);
  });
});

describe('related stories', () => {
  it('are public, never the story itself, and share its section or a tag', () => {
    const story = q.getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW)!;
    const related = q.listRelatedArticles(story.id, story.sectionId, { limit: 4, now: NOW });
    expect(related.length).toBe(4);
    const publicSlugs = new Set(q.listArticles({}, { limit: 500, now: NOW }).map((a) => a.slug));
    const tagsOf = temp.db.$client.prepare('select tag_id from article_tags where article_id = ?');
    const mine = new Set((tagsOf.all(story.id) as { tag_id: number }[]).map((r) => r.tag_id));
    for (const r of related) {
      expect(r.id).not.toBe(story.id);
      expect(publicSlugs.has(r.slug)).toBe(true);
      const theirs = (tagsOf.all(r.id) as { tag_id: number }[]).map((x) => x.tag_id);
      const sameSection = (statusOf(r.slug) && r.sectionSlug === story.sectionSlug) || false;
      expect(sameSection || theirs.some((t) => mine.has(t))).toBe(true);
    }
  });

  it('put the editor’s picks first, and never show an unpublished pick', () => {
    const story = q.getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW)!;
    const other = q.listArticles({}, { limit: 500, now: NOW }).find((a) => a.sectionSlug === 'sports')!;
    const draft = statusOf(
      (temp.db.$client.prepare("select slug from articles where status = 'draft' limit 1").get() as { slug: string })
        .slug,
    )!;
    const insert = temp.db.$client.prepare(
      'insert into related_overrides (article_id, related_id, position) values (?, ?, ?)',
    );
    insert.run(story.id, draft.id, 0);
    insert.run(story.id, other.id, 1);
    const related = q.listRelatedArticles(story.id, story.sectionId, { limit: 4, now: NOW });
    expect(related[0]?.id).toBe(other.id);
    expect(related.map((r) => r.id)).not.toContain(draft.id);
    expect(new Set(related.map((r) => r.id)).size).toBe(related.length);
    temp.db.$client.prepare('delete from related_overrides').run();
  });
});

describe('demo content', () => {
  it('every image it points at is shipped in public/, with alt text', async () => {
    const fs = await import('node:fs');
    const rows = temp.db.$client.prepare('select path, alt from media').all() as { path: string; alt: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const r of rows) {
      expect(fs.existsSync(`public${r.path}`), r.path).toBe(true);
      expect(r.alt.length, r.path).toBeGreaterThan(10);
    }
  });

  it('stories are 200 to 900 words, and one tells the WeChat outage under China News › Weibo Wire', () => {
    const rows = temp.db.$client
      .prepare("select slug, word_count as words from articles where status = 'published'")
      .all() as { slug: string; words: number }[];
    for (const r of rows) {
      expect(r.words, r.slug).toBeGreaterThanOrEqual(200);
      expect(r.words, r.slug).toBeLessThanOrEqual(900);
    }
    const wechat = q.getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW)!;
    expect(wechat.sectionSlug).toBe('weibo-wire');
    expect(new Date(wechat.publishedAt).toISOString().slice(0, 10)).toBe('2013-07-22');
    expect(wechat.bodyHtml).toMatch(/optical cable/i);
  });
});
