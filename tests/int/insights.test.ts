import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mood } from '@/lib/domain/moods';
import { transaction } from '@/db/engine';
import { votes as voteRows } from '@/db/schema';
import { recomputeVoteRollupsIn } from '@/db/vote-rollups';
import { parseInsightsWindow } from '@/lib/insights/window';
import type { ModerationSettings } from '@/db/queries/moderation';
import { MOODS } from '@/lib/domain/moods';
import { all, one, run, runAll } from '../helpers/engine-sql';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const HOUR = 3600_000;
const MINUTE = 60_000;
const NO_LIMITS = { perIpPerMinute: 0, perReaderPerMinute: 0 };
const SETTINGS: ModerationSettings = {
  burstMinVotes: 20,
  burstWindowMs: 10 * MINUTE,
  spikeMinVotes: 50,
  spikeFactor: 10,
  spikeLookbackMs: 7 * 24 * HOUR,
};

let temp: TestDatabase;
let votes: typeof import('@/db/queries/votes');
let insights: typeof import('@/db/queries/insights');
let moderation: typeof import('@/db/queries/moderation');
let stories: { id: number; sectionId: number }[];
let editorId: number;

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW - 30 * 24 * HOUR });
  votes = await import('@/db/queries/votes');
  insights = await import('@/db/queries/insights');
  moderation = await import('@/db/queries/moderation');
  stories = await all<{ id: number; sectionId: number }>(
    'select id, section_id as "sectionId" from articles where status = \'published\' order by id limit 4',
  );
  await run(
    "insert into users (email, name, role, password_hash, sessions_valid_after, created_at, updated_at) values ('ed@x.test', 'Ed', 'editor', 'x', 0, 0, 0)",
  );
  editorId = (await one<{ id: number }>("select id from users where email = 'ed@x.test'")).id;
});
afterAll(() => temp.cleanup());

beforeEach(() =>
  runAll(
    'delete from votes; delete from vote_hourly; delete from share_clicks; delete from rate_limits; delete from audit_log; update vote_tallies set count = 0; update articles set voting_paused = false',
  ),
);

/** Tallies and the hourly rollup equal what the vote rows say, exactly. */
async function expectRollupsExact() {
  expect(await all('select article_id, mood, count from vote_tallies where count <> 0 order by 1, 2')).toEqual(
    await all(
      'select article_id, mood, count(*) as count from votes where voided_at is null group by 1, 2 order by 1, 2',
    ),
  );
  expect(await all('select article_id, hour, mood, count from vote_hourly where count <> 0 order by 1, 2, 3')).toEqual(
    await all(
      `select article_id, (created_at / ${HOUR}) * ${HOUR} as hour, mood, count(*) as count from votes where voided_at is null group by 1, 2, 3 order by 1, 2, 3`,
    ),
  );
}

let readerSeq = 0;
/** Votes written straight into the database (as a stuffing script would leave them), then the rollups rebuilt. */
function plantVotes(articleId: number, times: number[], ipHash: string, mood: Mood | ((i: number) => Mood) = 'angry') {
  const rows = times.map((t, i) => ({
    articleId,
    readerId: `planted-${readerSeq++}`,
    mood: typeof mood === 'function' ? mood(i) : mood,
    ipHash,
    createdAt: t,
    updatedAt: t,
  }));
  return transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(voteRows).values(rows.slice(i, i + 500));
    await recomputeVoteRollupsIn(tx, articleId);
  });
}

describe('rollups stay exact', async () => {
  it('after random sequences of votes, changes, take-backs and voided bursts; the insights read the same numbers', async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('vote' as const),
        story: fc.nat(2),
        reader: fc.nat(11),
        ip: fc.nat(2),
        mood: fc.constantFrom(...MOODS),
        intent: fc.constantFrom('toggle', 'set', 'take-back') as fc.Arbitrary<'toggle' | 'set' | 'take-back'>,
        gap: fc.nat(90 * MINUTE),
      }),
      fc.record({ kind: fc.constant('void' as const), pick: fc.nat(5) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), async (ops) => {
        await runAll('delete from votes; delete from vote_hourly; update vote_tallies set count = 0');
        // Small thresholds so that random sequences do make bursts to void.
        const settings = { ...SETTINGS, burstMinVotes: 2, burstWindowMs: 3 * HOUR };
        let t = NOW - 40 * HOUR;
        for (const o of ops) {
          if (o.kind === 'vote') {
            t += o.gap;
            await votes.castVote({
              articleId: stories[o.story]!.id,
              readerId: `r${o.reader}`,
              mood: o.mood,
              intent: o.intent,
              ipHash: `ip-${o.ip}`,
              limits: NO_LIMITS,
              now: t,
            });
          } else {
            const bursts = await moderation.listVoteBursts(settings, NOW);
            const b = bursts[o.pick % Math.max(1, bursts.length)];
            if (b)
              expect(
                await moderation.voidVoteBurst(
                  editorId,
                  { kind: 'ip', articleId: b.articleId, ipHash: b.ipHash, from: b.from, to: b.to },
                  settings,
                  NOW,
                ),
              ).toMatchObject({ ok: true, voided: b.votes });
          }
        }
        await expectRollupsExact();
        const window = parseInsightsWindow({ window: '7d' }, NOW);
        if (!window.ok) throw new Error(window.message);
        const raw = Object.fromEntries(
          (
            await all<{ mood: Mood; n: number }>(
              'select mood, count(*) as n from votes where voided_at is null group by mood',
            )
          ).map((r) => [r.mood, r.n]),
        );
        const totals = insights.totalsOf(await insights.listVotesByBucket(window.window));
        for (const m of MOODS) expect(totals[m]).toBe(raw[m] ?? 0);
        const story = stories[0]!.id;
        const readers = (
          await one<{ n: number }>('select count(*) as n from votes where article_id = ? and voided_at is null', story)
        ).n;
        expect((await insights.countStoryReaders(story, NOW)).readers).toBe(readers);
      }),
      { numRuns: temp.kind === 'sqlite' ? 60 : 20 },
    );
  });
});

describe('burst detection', async () => {
  it('finds a planted burst, and voiding it drops exactly its votes from the tallies, in one audited transaction', async () => {
    const story = stories[1]!.id;
    await plantVotes(
      story,
      Array.from({ length: 30 }, (_, i) => NOW - 3 * HOUR + i * 10_000),
      'stuffer',
      (i) => (i < 25 ? 'angry' : 'sad'),
    );
    // Honest readers on the same story, each from their own address.
    await plantVotes(
      story,
      Array.from({ length: 40 }, (_, i) => NOW - 20 * HOUR + i * 17 * MINUTE),
      '',
      'happy',
    );
    for (let i = 0; i < 10; i++) await plantVotes(story, [NOW - 5 * HOUR + i * MINUTE], `reader-ip-${i}`, 'touched');

    const bursts = await moderation.listVoteBursts(SETTINGS, NOW);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({
      kind: 'ip',
      articleId: story,
      ipHash: 'stuffer',
      votes: 30,
      from: NOW - 3 * HOUR,
      to: NOW - 3 * HOUR + 29 * 10_000,
    });
    expect(bursts[0]!.moods).toMatchObject({ angry: 25, sad: 5 });

    const before = await insights.getStoryMoodTotals(story);
    expect(before).toMatchObject({ angry: 25, sad: 5, happy: 40, touched: 10 });
    const result = await moderation.voidVoteBurst(
      editorId,
      { kind: 'ip', articleId: story, ipHash: 'stuffer', from: bursts[0]!.from, to: bursts[0]!.to },
      SETTINGS,
      NOW,
    );
    expect(result).toMatchObject({ ok: true, voided: 30 });
    expect(await insights.getStoryMoodTotals(story)).toMatchObject({ angry: 0, sad: 0, happy: 40, touched: 10 });
    await expectRollupsExact();
    expect((await one<{ n: number }>('select count(*) as n from votes where voided_at is not null')).n).toBe(30);
    expect(
      await one<{ action: string; objectId: string }>(
        `select action, object_id as "objectId" from audit_log where action = 'votes.void'`,
      ),
    ).toEqual({ action: 'votes.void', objectId: String(story) });
    expect(await moderation.listVoteBursts(SETTINGS, NOW)).toEqual([]);
    // A second click (or a forged range) finds nothing to void and writes nothing.
    expect(
      await moderation.voidVoteBurst(
        editorId,
        { kind: 'ip', articleId: story, ipHash: 'stuffer', from: bursts[0]!.from, to: bursts[0]!.to },
        SETTINGS,
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'gone' });
    expect(
      await moderation.voidVoteBurst(
        editorId,
        { kind: 'ip', articleId: story, ipHash: '', from: NOW - 20 * HOUR, to: NOW },
        SETTINGS,
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'gone' });
    expect((await one<{ n: number }>("select count(*) as n from audit_log where action = 'votes.void'")).n).toBe(1);
    // The voided readers cannot vote again on that story.
    const voided = (
      await one<{ reader: string }>('select reader_id as reader from votes where voided_at is not null limit 1')
    ).reader;
    expect(
      await votes.castVote({
        articleId: story,
        readerId: voided,
        mood: 'happy',
        intent: 'set',
        ipHash: 'x',
        limits: NO_LIMITS,
        now: NOW,
      }),
    ).toMatchObject({ ok: false, reason: 'withdrawn' });
  });

  it('sees no burst in evenly spread votes, however many, from one address or many', async () => {
    const story = stories[2]!.id;
    // One address (a newsroom's office) voting every 15 minutes for 47 hours: 188 votes, never 20 in 10 minutes.
    await plantVotes(
      story,
      Array.from({ length: 188 }, (_, i) => NOW - 47 * HOUR + i * 15 * MINUTE),
      'office',
    );
    // 500 readers from 500 addresses within a few minutes: a popular story, not a burst.
    for (let i = 0; i < 500; i++) await plantVotes(stories[3]!.id, [NOW - HOUR + i * 500], `addr-${i}`, MOODS[i % 8]!);
    // 19 votes in 10 minutes from one address: one short of the threshold.
    await plantVotes(
      story,
      Array.from({ length: 19 }, (_, i) => NOW - 30 * MINUTE + i * 30_000),
      'almost',
    );
    expect(await moderation.listVoteBursts(SETTINGS, NOW)).toEqual([]);
    // Votes older than 48 hours have no address hash left to group by.
    await runAll('delete from votes');
    await plantVotes(
      story,
      Array.from({ length: 50 }, (_, i) => NOW - 49 * HOUR + i * 1000),
      'stale',
    );
    expect(await moderation.listVoteBursts(SETTINGS, NOW)).toEqual([]);
  }, 120_000);

  it('flags an hour far above the story’s usual rate, and not a story voted on evenly', async () => {
    const steady = stories[0]!.id;
    const spiked = stories[1]!.id;
    await run('update articles set published_at = ? where id in (?, ?)', NOW - 10 * 24 * HOUR, steady, spiked);
    const hours = Array.from({ length: 7 * 24 }, (_, h) => NOW - h * HOUR);
    // 6 votes an hour, every hour of the week, on both stories.
    for (const id of [steady, spiked])
      await plantVotes(
        id,
        hours.flatMap((t) => Array.from({ length: 6 }, (_, k) => t - k * 5 * MINUTE)),
        '',
      );
    expect(await moderation.listVoteSpikes(SETTINGS, NOW)).toEqual([]);
    // 200 votes from many addresses in one hour, 30 hours ago.
    const spikeHour = Math.floor((NOW - 30 * HOUR) / HOUR) * HOUR;
    await plantVotes(
      spiked,
      Array.from({ length: 200 }, (_, i) => spikeHour + i * 10_000),
      '',
      'amused',
    );
    const spikes = await moderation.listVoteSpikes(SETTINGS, NOW);
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ kind: 'spike', articleId: spiked, hour: spikeHour, votes: 206 });
    expect(spikes[0]!.usualPerHour).toBeCloseTo(6, 0);

    expect(
      await moderation.voidVoteBurst(editorId, { kind: 'spike', articleId: spiked, hour: spikeHour }, SETTINGS, NOW),
    ).toMatchObject({ ok: true, voided: 206 });
    await expectRollupsExact();
    expect(await moderation.listVoteSpikes(SETTINGS, NOW)).toEqual([]);
  });
});

describe('pausing voting', async () => {
  it('closes the vote and records who did it; resuming opens it again', async () => {
    const story = stories[0]!.id;
    expect(await moderation.setVotingPaused(editorId, story, true, NOW)).toMatchObject({ changed: true });
    expect(
      await votes.castVote({
        articleId: story,
        readerId: 'p',
        mood: 'sad',
        intent: 'set',
        ipHash: 'i',
        limits: NO_LIMITS,
        now: NOW,
      }),
    ).toMatchObject({ ok: false, reason: 'closed' });
    expect((await moderation.listPausedStories()).map((s) => s.id)).toContain(story);
    expect(await moderation.setVotingPaused(editorId, story, false, NOW)).toMatchObject({ changed: true });
    expect(
      await votes.castVote({
        articleId: story,
        readerId: 'p',
        mood: 'sad',
        intent: 'set',
        ipHash: 'i',
        limits: NO_LIMITS,
        now: NOW,
      }),
    ).toMatchObject({ ok: true });
    expect(
      (await all<{ action: string }>("select action from audit_log where object_type = 'article' order by id")).map(
        (r) => r.action,
      ),
    ).toEqual(['votes.pause', 'votes.resume']);
    expect(await moderation.setVotingPaused(editorId, 999_999, true, NOW)).toBeUndefined();
  });
});

describe('insights queries', async () => {
  it('filter by section, rank stories per mood, find shares and mood movers', async () => {
    const [a, b] = [stories[0]!, stories[1]!];
    const otherSection = (
      await one<{ id: number }>('select id from sections where id <> ? order by id limit 1', a.sectionId)
    ).id;
    await run('update articles set section_id = ? where id = ?', otherSection, b.id);
    // Story a: angry last week, happy this week (a mover). Story b: sad, in another section.
    await plantVotes(
      a.id,
      Array.from({ length: 10 }, (_, i) => NOW - 10 * 24 * HOUR + i * HOUR),
      '',
      'angry',
    );
    await plantVotes(
      a.id,
      Array.from({ length: 10 }, (_, i) => NOW - 2 * 24 * HOUR + i * HOUR),
      '',
      'happy',
    );
    await plantVotes(
      b.id,
      Array.from({ length: 8 }, (_, i) => NOW - 24 * HOUR + i * HOUR),
      '',
      'sad',
    );
    await run(
      "insert into share_clicks (article_id, network, day, count) values (?, 'weibo', '2026-11-24', 7), (?, 'x', '2026-11-25', 2), (?, 'email', '2026-11-01', 50)",
      a.id,
      b.id,
      a.id,
    );

    const w = parseInsightsWindow({ window: '7d' }, NOW);
    if (!w.ok) throw new Error(w.message);
    const scope = { ...w.window };
    expect(insights.totalsOf(await insights.listVotesByBucket(scope))).toMatchObject({ happy: 10, sad: 8, angry: 0 });
    expect(insights.totalsOf(await insights.listVotesByBucket({ ...scope, sectionIds: [a.sectionId] }))).toMatchObject({
      happy: 10,
      sad: 0,
    });
    expect(await insights.listSharesByNetwork(scope)).toEqual([
      { network: 'weibo', count: 7 },
      { network: 'x', count: 2 },
    ]);
    expect((await insights.listMostSharedStories(scope)).map((s) => [s.id, s.shares, s.topNetwork])).toEqual([
      [a.id, 7, 'weibo'],
      [b.id, 2, 'x'],
    ]);
    const leaders = await insights.listTopStoriesByMood(scope);
    expect(leaders.find((l) => l.mood === 'happy')).toMatchObject({ id: a.id, moodVotes: 10, totalVotes: 10, rank: 1 });
    expect(leaders.find((l) => l.mood === 'sad')).toMatchObject({ id: b.id, moodVotes: 8 });
    const movers = await insights.listMoodMovers({ ...scope, previousFrom: w.window.previous.from });
    expect(movers).toHaveLength(1);
    expect(movers[0]).toMatchObject({
      id: a.id,
      shift: 100,
      rising: 'happy',
      risingPoints: 100,
      falling: 'angry',
      fallingPoints: 100,
      votes: 10,
      previousVotes: 10,
    });

    const today = parseInsightsWindow({ window: 'today' }, NOW);
    if (!today.ok) throw new Error(today.message);
    expect(today.window.bucket).toBe('hour');
    expect(await insights.listStoryVotesByBucket(a.id, today.window)).toEqual([]);
    expect(await insights.listStorySharesByDay(a.id, scope)).toEqual([
      { day: '2026-11-24', network: 'weibo', count: 7 },
    ]);
  });
});
