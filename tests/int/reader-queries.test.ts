// Runs on both engines (vitest projects 'sqlite' and 'postgres'): the reader's queries that have no
// engine-neutral test file of their own yet: mood rankings (from vote_hourly, written here directly
// because castVote is not on db/engine yet), sitemaps, site settings, topics, writers and redirects.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, transaction } from '@/db/engine';
import { articles, redirects, voteHourly } from '@/db/schema';
import type { Mood } from '@/lib/domain/moods';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
let temp: TestDatabase;
let ids: Record<'a' | 'b' | 'c' | 'draft', number>;

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW });
  const bySlug = async (slug: string) =>
    (await db().select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)))[0]!.id;
  const [draft] = await db().select({ id: articles.id }).from(articles).where(eq(articles.status, 'draft')).limit(1);
  ids = {
    a: await bySlug('wechat-outage-leaves-millions-cut-off'),
    b: await bySlug('umbrella-bus-driver-photo-moves-wuhan'),
    c: await bySlug('beijing-summer-survival-list'),
    draft: draft!.id,
  };
});
afterAll(() => temp.cleanup());

const hourOf = (at: number) => Math.floor(at / HOUR) * HOUR;
/** `n` votes of `mood` on a story, counted in the hour of `at`, as the vote path keeps them. */
async function votes(articleId: number, mood: Mood, n: number, at: number) {
  await transaction(async (tx) => {
    await tx
      .insert(voteHourly)
      .values({ articleId, hour: hourOf(at), mood, count: n })
      .onConflictDoUpdate({
        target: [voteHourly.articleId, voteHourly.hour, voteHourly.mood],
        set: { count: n },
      });
  });
}

describe('mood rankings', () => {
  beforeEach(() => transaction((tx) => tx.delete(voteHourly)));

  it('the home panel: most votes of each mood in the window, with a minimum, public stories only', async () => {
    const r = await import('@/db/queries/mood-rankings');
    await votes(ids.a, 'angry', 4, NOW - 2 * HOUR);
    await votes(ids.a, 'happy', 1, NOW - 2 * HOUR);
    await votes(ids.b, 'angry', 6, NOW - 3 * DAY); // more, but not today
    await votes(ids.c, 'angry', 2, NOW - HOUR); // too few today
    await votes(ids.draft, 'sad', 50, NOW - HOUR); // never a draft
    const today = await r.listMoodLeaders({ window: 'day', minVotes: 3, now: NOW });
    const byMood = today.map((l) => [l.mood, l.slug, l.moodVotes, l.totalVotes]).sort();
    expect(byMood).toEqual([
      ['angry', 'wechat-outage-leaves-millions-cut-off', 4, 5],
      ['happy', 'wechat-outage-leaves-millions-cut-off', 1, 5],
    ]);
    const week = await r.listMoodLeaders({ window: 'week', minVotes: 3, now: NOW });
    expect(week.find((l) => l.mood === 'angry')).toMatchObject({
      slug: 'umbrella-bus-driver-photo-moves-wuhan',
      moodVotes: 6,
    });
    expect(week.some((l) => l.mood === 'sad')).toBe(false);
  });

  it('a mood page: share of the mood first, then its votes, within a section tree', async () => {
    const r = await import('@/db/queries/mood-rankings');
    await votes(ids.a, 'bored', 3, NOW - HOUR); // 3 of 4: 75 %
    await votes(ids.a, 'sad', 1, NOW - HOUR);
    await votes(ids.b, 'bored', 6, NOW - HOUR); // 6 of 10: 60 %
    await votes(ids.b, 'happy', 4, NOW - HOUR);
    await votes(ids.c, 'bored', 1, NOW - HOUR); // below the minimum
    const rows = await r.listMoodRanking({ mood: 'bored', window: 'day', minVotes: 3, now: NOW });
    expect(rows.map((x) => [x.slug, x.moodVotes, x.totalVotes, x.share])).toEqual([
      ['wechat-outage-leaves-millions-cut-off', 3, 4, 0.75],
      ['umbrella-bus-driver-photo-moves-wuhan', 6, 10, 0.6],
    ]);
    const [story] = await db().select({ sectionId: articles.sectionId }).from(articles).where(eq(articles.id, ids.b));
    const narrowed = await r.listMoodRanking({
      mood: 'bored',
      window: 'day',
      minVotes: 3,
      sectionIds: [story!.sectionId],
      now: NOW,
    });
    expect(narrowed.map((x) => x.slug)).toContain('umbrella-bus-driver-photo-moves-wuhan');
    expect(await r.listMoodRanking({ mood: 'bored', window: 'day', minVotes: 3, sectionIds: [], now: NOW })).toEqual(
      [],
    );
  });
});

describe('sitemaps, settings, topics and writers', () => {
  it('sitemap lists and the news window hold public stories only, newest first', async () => {
    const syndication = await import('@/db/queries/syndication');
    const all = await syndication.listSitemapArticles(NOW);
    const [draft] = await db().select({ slug: articles.slug }).from(articles).where(eq(articles.id, ids.draft));
    expect(all.map((a) => a.slug)).not.toContain(draft!.slug);
    expect(all.length).toBeGreaterThanOrEqual(30);
    const times = all.map((a) => a.publishedAt);
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const since = all[4]!.publishedAt;
    const recent = await syndication.listRecentArticles({ since, now: NOW });
    expect(recent.map((a) => a.slug)).toEqual(all.filter((a) => a.publishedAt >= since).map((a) => a.slug));
    expect(await syndication.listRecentArticles({ since, now: NOW, limit: 2 })).toHaveLength(2);
  });

  it('site settings, partners, the promo and static pages; topics and writers by slug', async () => {
    const site = await import('@/db/queries/site');
    const settings = await site.getSiteSettings();
    expect(settings.siteName.length).toBeGreaterThan(0);
    expect(Array.isArray(await site.listPartners())).toBe(true);
    expect(await site.getPage('no-such-page')).toBeUndefined();
    expect((await site.getPage('about'))?.title.length).toBeGreaterThan(0);
    const promo = await site.getActivePromo();
    expect(promo === undefined || typeof promo.title === 'string').toBe(true);

    const story = await (
      await import('@/db/queries/articles')
    ).getPublicArticleBySlug('wechat-outage-leaves-millions-cut-off', NOW);
    const tag = story!.tags[0]!;
    expect(await (await import('@/db/queries/tags')).getTagBySlug(tag.slug)).toMatchObject(tag);
    expect(await (await import('@/db/queries/tags')).getTagBySlug('no-such-topic')).toBeUndefined();
    const authors = await import('@/db/queries/authors');
    if (story!.author) expect((await authors.getAuthorBySlug(story!.author.slug))?.name).toBe(story!.author.name);
    expect(await authors.getAuthorBySlug('no-such-writer')).toBeUndefined();
  });
});

describe('redirects', () => {
  it('a rename chain collapses, a reused address drops its redirect, and both sit in the rename transaction', async () => {
    const { clearRedirectsFrom, findRedirect, moveRedirects } = await import('@/db/queries/redirects');
    await transaction((tx) => moveRedirects(tx, '/news/a', '/news/b', NOW));
    await transaction((tx) => moveRedirects(tx, '/news/b', '/news/c', NOW));
    expect(await findRedirect('/news/a')).toBe('/news/c');
    expect(await findRedirect('/news/b')).toBe('/news/c');
    // Renamed back: c has no page any more, a has one again.
    await transaction((tx) => moveRedirects(tx, '/news/c', '/news/a', NOW));
    expect(await findRedirect('/news/a')).toBeUndefined();
    expect(await findRedirect('/news/c')).toBe('/news/a');
    await transaction((tx) => clearRedirectsFrom(tx, ['/news/b', '/news/c']));
    expect(await findRedirect('/news/b')).toBeUndefined();
    // A failed rename leaves nothing behind.
    await expect(
      transaction(async (tx) => {
        await moveRedirects(tx, '/news/x', '/news/y', NOW);
        throw new Error('the save failed');
      }),
    ).rejects.toThrow('the save failed');
    expect(await findRedirect('/news/x')).toBeUndefined();
    const left = await db()
      .select({ from: redirects.fromPath })
      .from(redirects)
      .where(inArray(redirects.fromPath, ['/news/a', '/news/b', '/news/c', '/news/x']));
    expect(left).toEqual([]);
  });
});
