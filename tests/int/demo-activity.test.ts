// The demo's recent activity (issue 20 §5, decision 044) on both engines: seeded relative to the
// install, enough to fill the home panels and the mood rankings, and removable without touching what
// real readers did since.
import { and, eq, gte, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, engineKind, transaction } from '@/db/engine';
import { articleReads, articles, demoActivity, shareClicks, votes, voteTallies } from '@/db/schema';
import { openDatabase } from '@/db/client';
import { seedDemo, seedDemoPostgres } from '../../scripts/lib/seed-demo';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T09:20:00Z');
const HOUR = 3_600_000;
const DAY = 86_400_000;
let temp: TestDatabase;
let demo: typeof import('@/db/queries/demo-activity');

beforeAll(async () => {
  temp = await createTestDatabase({ seed: false, now: NOW });
  if (engineKind() === 'postgres') await seedDemoPostgres(temp.location, { now: NOW, activity: true });
  else {
    const file = openDatabase(temp.location);
    seedDemo(file, { now: NOW, activity: true });
    file.$client.close();
  }
  demo = await import('@/db/queries/demo-activity');
}, 120_000);
afterAll(() => temp.cleanup());

const count = async (query: ReturnType<typeof sql>) =>
  Number(
    (
      await db()
        .select({ n: sql<number>`${query}` })
        .from(sql`(select 1) as one`)
    )[0]!.n,
  );

describe('seeded on first start', () => {
  it('spreads votes, reads and shares over the 30 days before the install', async () => {
    const seeded = await demo.countDemoActivity();
    expect(seeded.votes).toBeGreaterThan(1000);
    expect(seeded.reads).toBeGreaterThan(seeded.votes * 5);
    expect(seeded.shares).toBeGreaterThan(50);
    const [range] = await db()
      .select({ first: sql<number>`min(${votes.createdAt})`, last: sql<number>`max(${votes.createdAt})` })
      .from(votes);
    expect(Number(range!.first)).toBeGreaterThanOrEqual(NOW - 30 * DAY - HOUR);
    expect(Number(range!.last)).toBeLessThan(NOW);
    // Every demo vote is marked as one.
    expect(await count(sql`(select count(*) from votes where reader_id not like 'demo:%')`)).toBe(0);
    // Tallies agree with the vote rows.
    expect(await count(sql`(select coalesce(sum(count), 0) from vote_tallies)`)).toBe(seeded.votes);
    expect(await count(sql`(select coalesce(sum(count), 0) from vote_hourly)`)).toBe(seeded.votes);
    expect(await count(sql`(select coalesce(sum(count), 0) from article_reads)`)).toBe(seeded.reads);
  });

  it('fills the home page panels and every mood ranking', async () => {
    // Last 24 hours: stories with at least 3 votes (MOOD_PANEL_MIN_VOTES) for several moods.
    const day = await db()
      .select({ articleId: votes.articleId, mood: votes.mood, n: sql<number>`count(*)` })
      .from(votes)
      .where(gte(votes.createdAt, NOW - DAY))
      .groupBy(votes.articleId, votes.mood);
    const storiesToday = new Set(day.map((r) => r.articleId));
    expect(storiesToday.size).toBeGreaterThan(10);
    // The week: every mood but "no comment" leads some story with at least 5 votes (MOOD_RANKING_MIN_VOTES).
    const week = await db()
      .select({ articleId: votes.articleId, mood: votes.mood, n: sql<number>`count(*)` })
      .from(votes)
      .where(gte(votes.createdAt, NOW - 7 * DAY))
      .groupBy(votes.articleId, votes.mood);
    for (const mood of ['touched', 'sympathetic', 'bored', 'angry', 'amused', 'sad', 'happy'])
      expect(
        week.some((r) => r.mood === mood && Number(r.n) >= 5),
        mood,
      ).toBe(true);
    // Reads in the last 24 hours, for Most read.
    expect(
      await count(sql`(select coalesce(sum(count), 0) from article_reads where hour >= ${NOW - DAY})`),
    ).toBeGreaterThan(100);
  });

  it('is the same for the same install time', async () => {
    const { planDemoActivity } = await import('@/db/seed/demo-activity');
    const stories = [
      { id: 1, publishedAt: NOW - 60 * DAY },
      { id: 2, publishedAt: NOW - 2 * DAY },
    ];
    const a = planDemoActivity(stories, NOW);
    expect(planDemoActivity(stories, NOW)).toEqual(a);
    // A story published two days ago has no activity before it.
    expect(a.votes.filter((v) => v.articleId === 2).every((v) => v.createdAt >= NOW - 2 * DAY - HOUR)).toBe(true);
    expect(a.reads.every((r) => r.hour < NOW && r.hour >= NOW - 30 * DAY - HOUR)).toBe(true);
  });
});

describe('removing it', () => {
  it('takes away exactly the demo activity and keeps what readers did since', async () => {
    const [story] = await db()
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.status, 'published'))
      .limit(1);
    const id = story!.id;
    const hour = Math.floor((NOW - HOUR) / HOUR) * HOUR;
    const day = new Date(NOW).toISOString().slice(0, 10);
    // A real reader after the install: a vote, reads in an hour the demo also filled, a share.
    await transaction(async (tx) => {
      await tx
        .insert(votes)
        .values({ articleId: id, readerId: 'a-real-reader', mood: 'sad', createdAt: NOW, updatedAt: NOW });
      await tx
        .update(voteTallies)
        .set({ count: sql`${voteTallies.count} + 1` })
        .where(and(eq(voteTallies.articleId, id), eq(voteTallies.mood, 'sad')));
      await tx
        .insert(articleReads)
        .values({ articleId: id, hour, count: 7 })
        .onConflictDoUpdate({
          target: [articleReads.articleId, articleReads.hour],
          set: { count: sql`${articleReads.count} + 7` },
        });
      await tx
        .insert(shareClicks)
        .values({ articleId: id, network: 'weibo', day, count: 2 })
        .onConflictDoUpdate({
          target: [shareClicks.articleId, shareClicks.network, shareClicks.day],
          set: { count: sql`${shareClicks.count} + 2` },
        });
    });
    const seeded = await demo.countDemoActivity();
    expect(await demo.hasDemoActivity()).toBe(true);

    expect(await demo.removeDemoActivity()).toEqual(seeded);
    expect(await demo.countDemoActivity()).toEqual({ votes: 0, reads: 0, shares: 0 });
    expect(await demo.hasDemoActivity()).toBe(false);
    expect(
      await db()
        .select({ n: sql<number>`count(*)` })
        .from(demoActivity),
    ).toEqual([{ n: 0 }]);
    // The real reader's vote, reads and shares are all that is left, and the rollups agree.
    expect((await db().select({ r: votes.readerId }).from(votes)).map((v) => v.r)).toEqual(['a-real-reader']);
    expect(await count(sql`(select coalesce(sum(count), 0) from vote_tallies)`)).toBe(1);
    expect(await count(sql`(select coalesce(sum(count), 0) from vote_hourly)`)).toBe(1);
    expect(
      await db()
        .select({ articleId: articleReads.articleId, hour: articleReads.hour, count: articleReads.count })
        .from(articleReads),
    ).toEqual([{ articleId: id, hour, count: 7 }]);
    expect(await db().select({ network: shareClicks.network, count: shareClicks.count }).from(shareClicks)).toEqual([
      { network: 'weibo', count: 2 },
    ]);
    expect(await db().select({ id: votes.id }).from(votes).where(like(votes.readerId, 'demo:%'))).toEqual([]);
    // Again: nothing more to remove, nothing else touched.
    expect(await demo.removeDemoActivity()).toEqual({ votes: 0, reads: 0, shares: 0 });
    expect(await count(sql`(select coalesce(sum(count), 0) from article_reads)`)).toBe(7);
  });
});
