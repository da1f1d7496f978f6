import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mood } from '@/lib/domain/moods';
import { createTempDatabase } from '../helpers/temp-db';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let temp: ReturnType<typeof createTempDatabase>;
let v: typeof import('@/db/queries/votes');
let r: typeof import('@/db/queries/mood-rankings');
let ids: { a: number; b: number; c: number; draft: number; sportsStory: number };
let sportsSection: number[];

beforeAll(async () => {
  temp = createTempDatabase({ now: NOW });
  v = await import('@/db/queries/votes');
  r = await import('@/db/queries/mood-rankings');
  const id = (slug: string) =>
    (temp.db.$client.prepare('select id from articles where slug = ?').get(slug) as { id: number }).id;
  ids = {
    a: id('wechat-outage-leaves-millions-cut-off'),
    b: id('umbrella-bus-driver-photo-moves-wuhan'),
    c: id('beijing-summer-survival-list'),
    draft: (temp.db.$client.prepare("select id from articles where status = 'draft' limit 1").get() as { id: number })
      .id,
    sportsStory: id('flushing-table-tennis-club-summer-league'),
  };
  sportsSection = [
    (temp.db.$client.prepare("select id from sections where slug = 'sports'").get() as { id: number }).id,
  ];
});
afterAll(() => temp.cleanup());
beforeEach(() =>
  temp.db.$client.exec('delete from votes; delete from vote_hourly; update vote_tallies set count = 0;'),
);

let reader = 0;
async function votes(articleId: number, mood: Mood, n: number, at: number) {
  for (let i = 0; i < n; i++) {
    const res = await v.castVote({
      articleId,
      readerId: `r${reader++}`,
      mood,
      intent: 'set',
      ipHash: '',
      limits: { perIpPerMinute: 0, perReaderPerMinute: 0 },
      now: at,
    });
    if (!res.ok) throw new Error(res.reason);
  }
}

describe('How readers feel (home panel)', () => {
  it('ranks by votes of the mood cast in the window, with a minimum, never by last update', async () => {
    await votes(ids.a, 'angry', 4, NOW - 2 * HOUR);
    await votes(ids.a, 'happy', 1, NOW - 2 * HOUR);
    await votes(ids.b, 'angry', 6, NOW - 3 * DAY); // more angry votes, but not today
    await votes(ids.c, 'angry', 2, NOW - HOUR); // too few votes today to rank
    const today = await r.listMoodLeaders({ window: 'day', minVotes: 3, now: NOW });
    expect(today.find((l) => l.mood === 'angry')).toMatchObject({
      slug: 'wechat-outage-leaves-millions-cut-off',
      moodVotes: 4,
      totalVotes: 5,
    });
    expect(today.find((l) => l.mood === 'happy')).toMatchObject({
      slug: 'wechat-outage-leaves-millions-cut-off',
      moodVotes: 1,
    });
    expect(today.map((l) => l.mood).sort()).toEqual(['angry', 'happy']);
    const week = await r.listMoodLeaders({ window: 'week', minVotes: 3, now: NOW });
    expect(week.find((l) => l.mood === 'angry')).toMatchObject({
      slug: 'umbrella-bus-driver-photo-moves-wuhan',
      moodVotes: 6,
    });

    // Changing an old vote today does not move it into today's window: it counts when it was cast.
    const old = temp.db.$client.prepare('select reader_id from votes where article_id = ? limit 1').get(ids.b) as {
      reader_id: string;
    };
    await v.castVote({
      articleId: ids.b,
      readerId: old.reader_id,
      mood: 'sad',
      intent: 'set',
      ipHash: '',
      limits: { perIpPerMinute: 0, perReaderPerMinute: 0 },
      now: NOW,
    });
    expect(
      (await r.listMoodLeaders({ window: 'day', minVotes: 1, now: NOW })).some(
        (l) => l.slug === 'umbrella-bus-driver-photo-moves-wuhan',
      ),
    ).toBe(false);
  });

  it('never lists a story readers cannot see', async () => {
    await votes(ids.a, 'sad', 3, NOW - HOUR);
    temp.db.$client.prepare("update articles set status = 'draft' where id = ?").run(ids.a);
    try {
      expect(await r.listMoodLeaders({ window: 'day', minVotes: 1, now: NOW })).toEqual([]);
      expect(await r.listMoodRanking({ mood: 'sad', window: 'day', minVotes: 1, now: NOW })).toEqual([]);
    } finally {
      temp.db.$client.prepare("update articles set status = 'published' where id = ?").run(ids.a);
    }
  });
});

describe('mood pages', () => {
  it('rank by the share of the mood in the window, then by its votes; minimum votes and section filter apply', async () => {
    await votes(ids.a, 'amused', 3, NOW - HOUR);
    await votes(ids.a, 'bored', 1, NOW - HOUR); // 75 % amused
    await votes(ids.b, 'amused', 5, NOW - 5 * HOUR); // 100 %
    await votes(ids.c, 'amused', 2, NOW - HOUR); // 100 %, but below the minimum of 3
    await votes(ids.sportsStory, 'amused', 6, NOW - 10 * DAY); // 100 %, only in the month
    const day = await r.listMoodRanking({ mood: 'amused', window: 'day', minVotes: 3, now: NOW });
    expect(day.map((x) => [x.slug, x.moodVotes, x.totalVotes, Math.round(x.share * 100)])).toEqual([
      ['umbrella-bus-driver-photo-moves-wuhan', 5, 5, 100],
      ['wechat-outage-leaves-millions-cut-off', 3, 4, 75],
    ]);
    const month = await r.listMoodRanking({ mood: 'amused', window: 'month', minVotes: 3, now: NOW });
    expect(month.map((x) => x.slug)).toEqual([
      'flushing-table-tennis-club-summer-league',
      'umbrella-bus-driver-photo-moves-wuhan',
      'wechat-outage-leaves-millions-cut-off',
    ]);
    expect(
      (
        await r.listMoodRanking({ mood: 'amused', window: 'month', minVotes: 3, sectionIds: sportsSection, now: NOW })
      ).map((x) => x.slug),
    ).toEqual(['flushing-table-tennis-club-summer-league']);
    expect(
      (await r.listMoodRanking({ mood: 'bored', window: 'day', minVotes: 3, now: NOW })).map((x) => x.slug),
    ).toEqual(['wechat-outage-leaves-millions-cut-off']);
    expect(await r.listMoodRanking({ mood: 'touched', window: 'month', minVotes: 1, now: NOW })).toEqual([]);
  });

  it('a window is the last 24 hours, 7 or 30 days of hourly buckets', async () => {
    expect(r.windowStart('day', NOW)).toBe(Date.parse('2026-11-24T13:00:00Z'));
    expect(r.windowStart('week', NOW)).toBe(Date.parse('2026-11-18T13:00:00Z'));
    await votes(ids.a, 'sad', 3, Date.parse('2026-11-24T12:59:59Z'));
    expect(await r.listMoodRanking({ mood: 'sad', window: 'day', minVotes: 1, now: NOW })).toEqual([]);
    await votes(ids.a, 'sad', 1, Date.parse('2026-11-24T13:00:00Z'));
    expect(await r.listMoodRanking({ mood: 'sad', window: 'day', minVotes: 1, now: NOW })).toHaveLength(1);
  });
});

describe('the query of a mood page', () => {
  it('understands a period and a section, and says what it does not understand', async () => {
    const { readRankingQuery } = await import('@/lib/mood-ranking-query');
    const known = (slug: string) => slug === 'sports';
    expect(readRankingQuery(new URLSearchParams('window=day&section=sports'), known)).toEqual({
      choice: { window: 'day', sectionSlug: 'sports' },
      problems: [],
    });
    expect(readRankingQuery(new URLSearchParams('window=&section='), known)).toEqual({
      choice: { window: 'week', sectionSlug: '' },
      problems: [],
    });
    const odd = readRankingQuery(new URLSearchParams('window=fortnight&section=nowhere'), known);
    expect(odd.choice).toEqual({ window: 'week', sectionSlug: '' });
    expect(odd.problems.join(' ')).toContain('no time period called “fortnight”');
    expect(odd.problems.join(' ')).toContain('no section called “nowhere”');
    expect(readRankingQuery(new URLSearchParams('window=day&window=week'), known).problems).toHaveLength(1);
  });
});
