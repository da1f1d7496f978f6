// Read counts (decision 042) on both engines: the in-memory counter, its batched writes, and what the
// home page and insights read back.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, transaction } from '@/db/engine';
import { articleReads, articles, sections, voteHourly } from '@/db/schema';
import { flushIntervalMs } from '@/lib/reads/settings';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const HOUR = 3_600_000;
const DAY = 86_400_000;
let temp: TestDatabase;
let reads: typeof import('@/db/queries/reads');
let counter: typeof import('@/lib/reads/counter');
let stories: { id: number; slug: string; sectionId: number }[];

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW });
  reads = await import('@/db/queries/reads');
  counter = await import('@/lib/reads/counter');
  stories = await db()
    .select({ id: articles.id, slug: articles.slug, sectionId: articles.sectionId })
    .from(articles)
    .where(eq(articles.status, 'published'))
    .orderBy(articles.id);
});
afterAll(() => temp.cleanup());

const storedReads = async (ids: number[]) =>
  db()
    .select({ articleId: articleReads.articleId, hour: articleReads.hour, count: articleReads.count })
    .from(articleReads)
    .where(inArray(articleReads.articleId, ids))
    .orderBy(articleReads.articleId, articleReads.hour);

const clearReads = () => transaction((tx) => tx.delete(articleReads));

describe('counting reads in memory, writing them in batches', () => {
  it('adds many reads of a story as one row per hour, written only by a flush', async () => {
    await clearReads();
    const [a, b] = stories;
    for (let i = 0; i < 250; i++) counter.countRead(a!.id, { addressHash: `reader-${i}`, now: NOW });
    for (let i = 0; i < 40; i++) counter.countRead(a!.id, { addressHash: `reader-${i}`, now: NOW + HOUR });
    counter.countRead(b!.id, { addressHash: '', now: NOW });
    expect(await storedReads([a!.id, b!.id])).toEqual([]);
    expect(counter.readCounterState()).toMatchObject({ pending: 291, lines: 3 });

    expect(await counter.flushReads()).toBe(291);
    expect(await storedReads([a!.id, b!.id])).toEqual([
      { articleId: a!.id, hour: reads.hourOf(NOW), count: 250 },
      { articleId: a!.id, hour: reads.hourOf(NOW + HOUR), count: 40 },
      { articleId: b!.id, hour: reads.hourOf(NOW), count: 1 },
    ]);
    expect(counter.readCounterState().pending).toBe(0);
    // Nothing pending: a flush writes nothing.
    expect(await counter.flushReads()).toBe(0);
  });

  it('counts one address reading a story again within 30 minutes once; an unknown address each time', async () => {
    await clearReads();
    const [a] = stories;
    expect(counter.countRead(a!.id, { addressHash: 'same', now: NOW })).toBe('counted');
    expect(counter.countRead(a!.id, { addressHash: 'same', now: NOW + 60_000 })).toBe('repeat');
    expect(counter.countRead(a!.id, { addressHash: 'same', now: NOW + counter.REPEAT_WINDOW_MS })).toBe('counted');
    expect(counter.countRead(a!.id, { addressHash: '', now: NOW })).toBe('counted');
    expect(counter.countRead(a!.id, { addressHash: '', now: NOW })).toBe('counted');
    expect(await counter.flushReads()).toBe(4);
  });

  it('loses and doubles nothing when reads arrive while flushes run at once', async () => {
    await clearReads();
    const ids = stories.slice(0, 5).map((s) => s.id);
    let sent = 0;
    const flushes: Promise<number>[] = [];
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 50; i++) {
        counter.countRead(ids[i % ids.length]!, { addressHash: '', now: NOW + round * 1000 });
        sent++;
      }
      flushes.push(counter.flushReads());
    }
    const written = (await Promise.all(flushes)).reduce((n, w) => n + w, 0) + (await counter.flushReads());
    expect(written).toBe(sent);
    const rows = await storedReads(ids);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(1000);
    expect(rows.map((r) => r.count)).toEqual([200, 200, 200, 200, 200]);
  });

  it('leaves out counts of a story deleted before the flush', async () => {
    await clearReads();
    const id = await transaction(async (tx) => {
      const [row] = await tx
        .insert(articles)
        .values({
          slug: 'gone-before-the-flush',
          title: 'Gone',
          sectionId: stories[0]!.sectionId,
          body: '',
          bodyHtml: '',
          status: 'published',
          publishedAt: NOW - DAY,
          createdAt: NOW - DAY,
          updatedAt: NOW - DAY,
        })
        .returning({ id: articles.id });
      return row!.id;
    });
    expect(await counter.isCountableStory(id, NOW)).toBe(true);
    counter.countRead(id, { addressHash: '', now: NOW });
    counter.countRead(stories[0]!.id, { addressHash: '', now: NOW });
    await transaction((tx) => tx.delete(articles).where(eq(articles.id, id)));
    expect(await counter.flushReads()).toBe(1);
    expect(await storedReads([id])).toEqual([]);
  });

  it('counts only stories readers may see', async () => {
    const [draft] = await db()
      .select({ id: articles.id })
      .from(articles)
      .where(sql`${articles.status} <> 'published'`)
      .limit(1);
    expect(draft).toBeDefined();
    expect(await counter.isCountableStory(draft!.id, NOW)).toBe(false);
    expect(await counter.isCountableStory(999_999, NOW)).toBe(false);
    expect(await counter.isCountableStory(stories[1]!.id, NOW)).toBe(true);
  });

  it('rejects a flush interval that is not 1–300 seconds', () => {
    expect(flushIntervalMs({})).toBe(5000);
    expect(flushIntervalMs({ READS_FLUSH_SECONDS: '2' })).toBe(2000);
    for (const bad of ['0', '301', 'soon', '1.5'])
      expect(() => flushIntervalMs({ READS_FLUSH_SECONDS: bad })).toThrow(/READS_FLUSH_SECONDS/);
  });
});

describe('what the home page and insights show', () => {
  const plant = (lines: { articleId: number; hour: number; count: number }[]) => reads.addReads(lines);
  const plantVotes = (lines: { articleId: number; hour: number; count: number }[]) =>
    transaction((tx) => tx.insert(voteHourly).values(lines.map((l) => ({ ...l, mood: 'angry' as const }))));

  beforeAll(async () => {
    await clearReads();
    await transaction((tx) => tx.delete(voteHourly));
    const [a, b, c, d] = stories;
    await plant([
      { articleId: a!.id, hour: reads.hourOf(NOW), count: 30 },
      { articleId: a!.id, hour: reads.hourOf(NOW - 30 * HOUR), count: 500 }, // older than 24 hours
      { articleId: b!.id, hour: reads.hourOf(NOW - 2 * HOUR), count: 80 },
      { articleId: c!.id, hour: reads.hourOf(NOW - 23 * HOUR), count: 50 },
      { articleId: d!.id, hour: reads.hourOf(NOW - 3 * HOUR), count: 50 },
    ]);
    await plantVotes([
      { articleId: b!.id, hour: reads.hourOf(NOW - 2 * HOUR), count: 4 },
      { articleId: c!.id, hour: reads.hourOf(NOW - 5 * HOUR), count: 10 },
      { articleId: stories[4]!.id, hour: reads.hourOf(NOW - 5 * HOUR), count: 3 }, // votes, no reads
    ]);
  });

  it('lists the most read public stories of the last 24 hours, most read first', async () => {
    const [a, b, c, d] = stories;
    const list = await reads.listMostRead({ now: NOW });
    expect(list.map((s) => [s.id, s.reads])).toEqual([
      [b!.id, 80],
      [d!.id, 50],
      [c!.id, 50],
      [a!.id, 30],
    ]);
    expect(list[0]!.sectionName).toBeTruthy();
    // Taken down: gone from the list at once, whatever its reads.
    await transaction((tx) => tx.update(articles).set({ status: 'draft' }).where(eq(articles.id, b!.id)));
    try {
      expect((await reads.listMostRead({ now: NOW })).map((s) => s.id)).not.toContain(b!.id);
    } finally {
      await transaction((tx) => tx.update(articles).set({ status: 'published' }).where(eq(articles.id, b!.id)));
    }
    expect(await reads.listMostRead({ now: NOW, limit: 2 })).toHaveLength(2);
  });

  it('gives reads, votes and mood votes per 100 reads per story and per section', async () => {
    const [, b, c] = stories;
    const scope = { from: NOW - DAY, to: NOW + HOUR, bucket: 'hour' as const };
    const perStory = await reads.listStoryReadRates(scope);
    const rowB = perStory.find((r) => r.id === b!.id)!;
    expect(rowB).toMatchObject({ reads: 80, votes: 4 });
    expect(reads.votesPer100Reads(rowB)).toBe(5);
    expect(reads.votesPer100Reads(perStory.find((r) => r.id === c!.id)!)).toBe(20);
    expect(perStory.map((r) => r.reads)).toEqual([80, 50, 50, 30]);
    expect(reads.votesPer100Reads({ reads: 0, votes: 3 })).toBeUndefined();

    const perSection = await reads.listSectionReadRates(scope);
    const totals = perSection.reduce((t, s) => ({ reads: t.reads + s.reads, votes: t.votes + s.votes }), {
      reads: 0,
      votes: 0,
    });
    expect(totals).toEqual({ reads: 210, votes: 17 });

    // Filtered to one section: only its stories.
    const sectionIds = [b!.sectionId];
    const inSection = await reads.listStoryReadRates({ ...scope, sectionIds });
    const sectionStories = stories.filter((s) => s.sectionId === b!.sectionId).map((s) => s.id);
    for (const row of inSection) expect(sectionStories).toContain(row.id);
    const [section] = await db().select({ name: sections.name }).from(sections).where(eq(sections.id, b!.sectionId));
    expect((await reads.listSectionReadRates({ ...scope, sectionIds })).map((s) => s.name)).toEqual([section!.name]);
  });

  it('buckets reads by hour and by day, and for one story', async () => {
    const [a] = stories;
    const byHour = await reads.listReadsByBucket({ from: NOW - DAY, to: NOW + HOUR, bucket: 'hour' });
    expect(byHour.reduce((n, b) => n + b.reads, 0)).toBe(210);
    expect(byHour.find((b) => b.start === reads.hourOf(NOW))?.reads).toBe(30);
    const byDay = await reads.listReadsByBucket({ from: NOW - 3 * DAY, to: NOW + HOUR, bucket: 'day' });
    expect(byDay.every((b) => b.start % DAY === 0)).toBe(true);
    expect(byDay.reduce((n, b) => n + b.reads, 0)).toBe(710);
    expect(await reads.getStoryReadRate(a!.id, { from: NOW - 2 * DAY, to: NOW + HOUR })).toEqual({
      reads: 530,
      votes: 0,
    });
    expect(await reads.listStoryReadsByBucket(a!.id, { from: NOW - 2 * DAY, to: NOW + HOUR, bucket: 'hour' })).toEqual([
      { start: reads.hourOf(NOW - 30 * HOUR), reads: 500 },
      { start: reads.hourOf(NOW), reads: 30 },
    ]);
    const stored = await db()
      .select({ n: sql<number>`count(*)` })
      .from(articleReads)
      .where(and(eq(articleReads.articleId, a!.id)));
    expect(Number(stored[0]!.n)).toBe(2);
  });
});
