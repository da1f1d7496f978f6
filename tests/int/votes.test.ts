import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Mood } from '@/lib/domain/moods';
import { MOODS } from '@/lib/domain/moods';
import { writeUnavailable } from '@/db/write-errors';
import { all, one, run, runAll } from '../helpers/engine-sql';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 3600_000;
const NO_LIMITS = { perIpPerMinute: 0, perReaderPerMinute: 0 };

let temp: TestDatabase;
let v: typeof import('@/db/queries/votes');
let articleIds: number[];

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW });
  v = await import('@/db/queries/votes');
  articleIds = (
    await all<{ id: number }>("select id from articles where status = 'published' order by id limit 3")
  ).map((r) => r.id);
});
afterAll(() => temp.cleanup());

function resetVotes() {
  return runAll(
    'delete from votes; delete from vote_hourly; delete from rate_limits; update vote_tallies set count = 0; update articles set voting_paused = false',
  );
}
beforeEach(resetVotes);

const sql = all;

function vote(readerId: string, mood: Mood, opts: Partial<Parameters<typeof v.castVote>[0]> = {}) {
  return v.castVote({
    articleId: articleIds[0]!,
    readerId,
    mood,
    intent: 'toggle',
    ipHash: 'ip-a',
    limits: NO_LIMITS,
    now: NOW,
    ...opts,
  });
}

/** Tallies and hourly rollups must equal what the vote rows say, exactly. */
async function expectConsistent() {
  const tallies = await sql<{ article_id: number; mood: string; count: number }>(
    'select article_id, mood, count from vote_tallies where count <> 0 order by 1, 2',
  );
  const fromVotes = await sql<{ article_id: number; mood: string; count: number }>(
    'select article_id, mood, count(*) as count from votes where voided_at is null group by article_id, mood order by 1, 2',
  );
  expect(tallies).toEqual(fromVotes);
  const hourly = await sql('select article_id, hour, mood, count from vote_hourly where count <> 0 order by 1, 2, 3');
  const hourlyFromVotes = await sql(
    `select article_id, (created_at / ${HOUR}) * ${HOUR} as hour, mood, count(*) as count from votes where voided_at is null
     group by 1, 2, 3 order by 1, 2, 3`,
  );
  expect(hourly).toEqual(hourlyFromVotes);
  expect((await one<{ n: number }>('select count(*) as n from vote_tallies where count < 0')).n).toBe(0);
}

describe('castVote', async () => {
  it('casts, changes and takes back one vote, keeping one row at most', async () => {
    const first = await vote('reader-1', 'angry');
    expect(first).toMatchObject({ ok: true, changed: true, summary: { mine: 'angry', total: 1 } });
    expect(first.ok && first.summary.tallies.angry).toBe(1);

    const moved = await vote('reader-1', 'sad', { now: NOW + 5 * HOUR });
    expect(moved).toMatchObject({ ok: true, changed: true, summary: { mine: 'sad', total: 1 } });
    expect(moved.ok && moved.summary.tallies).toMatchObject({ angry: 0, sad: 1 });
    // A changed vote stays in the hour it was first cast.
    expect(await sql('select hour, mood, count from vote_hourly where count > 0')).toEqual([
      { hour: Math.floor(NOW / HOUR) * HOUR, mood: 'sad', count: 1 },
    ]);
    expect((await one<{ n: number }>('select count(*) as n from votes')).n).toBe(1);

    const back = await vote('reader-1', 'sad');
    expect(back).toMatchObject({ ok: true, changed: true, summary: { mine: null, total: 0 } });
    expect((await one<{ n: number }>('select count(*) as n from votes')).n).toBe(0);
    await expectConsistent();
  });

  it('a form sent twice does not undo itself: set and take-back are idempotent', async () => {
    expect(await vote('r', 'happy', { intent: 'set' })).toMatchObject({
      ok: true,
      changed: true,
      summary: { mine: 'happy' },
    });
    expect(await vote('r', 'happy', { intent: 'set' })).toMatchObject({
      ok: true,
      changed: false,
      summary: { mine: 'happy', total: 1 },
    });
    expect(await vote('r', 'happy', { intent: 'take-back' })).toMatchObject({
      ok: true,
      changed: true,
      summary: { mine: null },
    });
    expect(await vote('r', 'happy', { intent: 'take-back' })).toMatchObject({
      ok: true,
      changed: false,
      summary: { mine: null, total: 0 },
    });
    // A take-back of a mood that is no longer the reader's leaves their vote alone.
    await vote('r', 'bored', { intent: 'set' });
    expect(await vote('r', 'happy', { intent: 'take-back' })).toMatchObject({
      ok: true,
      changed: false,
      summary: { mine: 'bored' },
    });
    await expectConsistent();
  });

  it('refuses drafts, scheduled and unknown stories, and writes nothing', async () => {
    const hidden = await sql<{ id: number }>(
      "select id from articles where status in ('draft', 'scheduled', 'review')",
    );
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const { id } of [...hidden, { id: 999_999 }]) {
      expect(await vote('r', 'angry', { articleId: id })).toEqual({ ok: false, reason: 'not-found' });
    }
    expect((await one<{ n: number }>('select count(*) as n from votes')).n).toBe(0);
    expect((await one<{ n: number }>('select count(*) as n from rate_limits')).n).toBe(0);
  });

  it('a scheduled story takes votes once its time has come', async () => {
    const s = await one<{ id: number; at: number }>(
      "select id, published_at as at from articles where status = 'scheduled'",
    );
    expect(await vote('r', 'touched', { articleId: s.id, now: s.at - 1 })).toEqual({ ok: false, reason: 'not-found' });
    expect(await vote('r', 'touched', { articleId: s.id, now: s.at })).toMatchObject({ ok: true, changed: true });
  });

  it('refuses votes while voting is paused, and on a vote the moderators voided', async () => {
    await run('update articles set voting_paused = true where id = ?', articleIds[0]);
    expect(await vote('r', 'angry')).toMatchObject({ ok: false, reason: 'closed' });
    await run('update articles set voting_paused = false where id = ?', articleIds[0]);

    await vote('r', 'angry');
    await run('update votes set voided_at = ? where reader_id = ?', NOW, 'r');
    await run("update vote_tallies set count = count - 1 where article_id = ? and mood = 'angry'", articleIds[0]);
    await run("update vote_hourly set count = count - 1 where article_id = ? and mood = 'angry'", articleIds[0]);
    expect(await vote('r', 'sad')).toMatchObject({ ok: false, reason: 'withdrawn' });
    expect(await vote('r', 'angry')).toMatchObject({ ok: false, reason: 'withdrawn' });
    await expectConsistent();
    expect(await v.getReaderMood(articleIds[0]!, 'r')).toBeNull();
  });

  it('limits accepted votes per address and per reader in a fixed one-minute window', async () => {
    const limits = { perIpPerMinute: 3, perReaderPerMinute: 0 };
    for (let i = 0; i < 3; i++)
      expect(await vote(`new-${i}`, 'amused', { limits, newReader: true })).toMatchObject({ ok: true });
    const over = await vote('new-3', 'amused', { limits, newReader: true, now: NOW + 10_000 });
    expect(over).toMatchObject({ ok: false, reason: 'ip-limit', retryAfterSeconds: 50 });
    expect((await one<{ n: number }>('select count(*) as n from votes')).n).toBe(3);
    // Another address is not affected; the next minute starts afresh.
    expect(await vote('new-4', 'amused', { limits, ipHash: 'ip-b' })).toMatchObject({ ok: true });
    expect(await vote('new-5', 'amused', { limits, now: NOW + 60_000 })).toMatchObject({ ok: true });

    const readerLimits = { perIpPerMinute: 0, perReaderPerMinute: 2 };
    expect(await vote('busy', 'sad', { limits: readerLimits })).toMatchObject({ ok: true });
    expect(await vote('busy', 'happy', { limits: readerLimits })).toMatchObject({ ok: true });
    expect(await vote('busy', 'bored', { limits: readerLimits })).toMatchObject({ ok: false, reason: 'reader-limit' });
    expect(await v.getReaderMood(articleIds[0]!, 'busy')).toBe('happy');
    // Requests that change nothing are not counted and not refused.
    expect(await vote('busy', 'happy', { limits: readerLimits, intent: 'set' })).toMatchObject({
      ok: true,
      changed: false,
    });
    // An address without a hash (unknown) gets no per-address limit.
    for (let i = 0; i < 5; i++)
      expect(
        await vote(`anon-${i}`, 'sad', { limits: { perIpPerMinute: 1, perReaderPerMinute: 0 }, ipHash: '' }),
      ).toMatchObject({ ok: true });
    await expectConsistent();
  });

  it('summaries show the live tallies and only the given reader’s own choice', async () => {
    await vote('a', 'angry');
    await vote('b', 'angry');
    await vote('c', 'happy');
    const s = await v.getVoteSummary(articleIds[0]!, 'c');
    expect(s.total).toBe(3);
    expect(s.tallies).toMatchObject({ angry: 2, happy: 1, sad: 0 });
    expect(s.mine).toBe('happy');
    expect((await v.getVoteSummary(articleIds[0]!)).mine).toBeNull();
    expect((await v.getVoteSummary(articleIds[0]!, 'nobody')).mine).toBeNull();
  });

  it('property: any sequence of votes, changes, take-backs and duplicates keeps tallies = COUNT(*)', async () => {
    const op = fc.record({
      reader: fc.integer({ min: 0, max: 7 }),
      article: fc.integer({ min: 0, max: 2 }),
      mood: fc.constantFrom(...MOODS),
      intent: fc.constantFrom('toggle' as const, 'set' as const, 'take-back' as const),
      hoursLater: fc.integer({ min: 0, max: 3 }),
      repeat: fc.integer({ min: 1, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), async (ops) => {
        await resetVotes();
        const model = new Map<string, Mood>();
        const firstCast = new Map<string, number>();
        let now = NOW;
        for (const o of ops) {
          now += o.hoursLater * HOUR + 1000;
          for (let r = 0; r < o.repeat; r++) {
            const key = `${o.article}/${o.reader}`;
            const current = model.get(key);
            const res = await v.castVote({
              articleId: articleIds[o.article]!,
              readerId: `reader-${o.reader}`,
              mood: o.mood,
              intent: o.intent,
              ipHash: `ip-${o.reader % 3}`,
              limits: NO_LIMITS,
              now,
            });
            if (!res.ok) throw new Error(`unexpected refusal: ${res.reason}`);
            const expected =
              current === o.mood
                ? o.intent === 'set'
                  ? current
                  : undefined
                : o.intent === 'take-back'
                  ? current
                  : o.mood;
            if (expected) {
              if (!current) firstCast.set(key, now);
              model.set(key, expected);
            } else {
              model.delete(key);
              firstCast.delete(key);
            }
            expect(res.summary.mine).toBe(expected ?? null);
            expect(res.summary.total).toBe(
              (await one<{ n: number }>('select count(*) as n from votes where article_id = ?', articleIds[o.article]))
                .n,
            );
          }
        }
        await expectConsistent();
        const rows = await sql<{ key: string; mood: string; createdAt: number }>(
          'select (article_id || \'/\' || reader_id) as key, mood, created_at as "createdAt" from votes',
        );
        expect(rows.length).toBe(model.size);
        for (const [key, mood] of model) {
          const [article, reader] = key.split('/');
          // The row, its mood, and the time it was first cast (which places it in vote_hourly).
          expect(rows).toContainEqual({
            key: `${articleIds[Number(article)]}/reader-${reader}`,
            mood,
            createdAt: firstCast.get(key),
          });
        }
      }),
      // Fewer on PostgreSQL, where each vote is a round trip to the server.
      { numRuns: temp.kind === 'sqlite' ? 100 : 25 },
    );
  });
});

describe('address hashes', async () => {
  it('are keyed per UTC day, from the secret and never from the database; blanked after 48 hours', async () => {
    const { clientAddressHash } = await import('@/lib/votes/client-address');
    const { pruneExpiredIpData } = await import('@/db/queries/ip-salts');
    // On PostgreSQL there is no data folder beside a database file for a generated secret to go to.
    const generated = process.env.AUTH_SECRET === undefined;
    if (generated) process.env.AUTH_SECRET = 'a-test-secret-of-at-least-32-characters';
    onTestFinished(() => {
      if (generated) delete process.env.AUTH_SECRET;
    });
    const from = (ip: string) => new Headers({ 'x-moodwire-client-ip': ip });
    const day1 = clientAddressHash(from('203.0.113.7'), NOW);
    expect(day1).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(clientAddressHash(from('203.0.113.7'), NOW + HOUR)).toBe(day1);
    expect(clientAddressHash(from('203.0.113.8'), NOW)).not.toBe(day1);
    // A new UTC day, a new key: the same address cannot be linked across days.
    expect(clientAddressHash(from('203.0.113.7'), NOW + 24 * HOUR)).not.toBe(day1);
    const saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'another-secret-of-at-least-32-characters!';
    try {
      expect(clientAddressHash(from('203.0.113.7'), NOW)).not.toBe(day1);
    } finally {
      if (saved === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = saved;
    }

    await vote('old', 'sad', { now: NOW, ipHash: 'hash-old' });
    await vote('new', 'sad', { now: NOW + 40 * HOUR, ipHash: 'hash-new' });
    expect(await pruneExpiredIpData(NOW + 49 * HOUR)).toMatchObject({ hashes: 1 });
    expect(await sql('select reader_id, ip_hash from votes order by reader_id')).toEqual([
      { reader_id: 'new', ip_hash: 'hash-new' },
      { reader_id: 'old', ip_hash: '' },
    ]);
  });

  it('old rate-limit windows are dropped', async () => {
    await vote('x', 'sad', { limits: { perIpPerMinute: 5, perReaderPerMinute: 5 } });
    expect((await one<{ n: number }>('select count(*) as n from rate_limits')).n).toBe(2);
    await run("insert into rate_limits (key, window_start, count) values ('contact:x', 0, 1)");
    expect(await v.pruneVoteRateLimits(NOW + 10 * 60_000)).toBe(2);
    expect(await sql('select key from rate_limits')).toEqual([{ key: 'contact:x' }]);
  });
});

// On PostgreSQL these requests really run at once, each in its own pooled transaction; on SQLite they
// queue for the one write connection. Both must end with exact counts.
describe('concurrent requests', () => {
  const SETTINGS = {
    burstMinVotes: 5,
    burstWindowMs: 10 * 60_000,
    spikeMinVotes: 1_000_000,
    spikeFactor: 10,
    spikeLookbackMs: 24 * HOUR,
  };

  it('1,000 voters at once: 1,000 rows, exact tallies and hourly rollups', async () => {
    // The benchmark's 50 connections. A vote that waits longer than the pool's connect timeout is
    // refused as "busy" (a 503 with Retry-After from the route: nothing written), and its reader
    // sends it again, as the route tells them to; on an idle machine none waits that long.
    const savedPool = process.env.DATABASE_POOL_SIZE;
    if (temp.kind === 'postgres') process.env.DATABASE_POOL_SIZE = '50';
    onTestFinished(() => {
      if (savedPool === undefined) delete process.env.DATABASE_POOL_SIZE;
      else process.env.DATABASE_POOL_SIZE = savedPool;
    });
    let busy = 0;
    const voteUntilTaken = async (i: number): Promise<Awaited<ReturnType<typeof vote>>> => {
      try {
        return await vote(`crowd-${i}`, MOODS[i % MOODS.length]!, {
          newReader: true,
          ipHash: `crowd-ip-${i}`,
          // two hours of the rollup, and both limits on
          now: NOW + (i % 2) * HOUR + i,
          limits: { perIpPerMinute: 5, perReaderPerMinute: 5 },
        });
      } catch (error) {
        if (writeUnavailable(error) !== 'busy' || ++busy > 5000) throw error;
        // Retry-After: 1
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return voteUntilTaken(i);
      }
    };
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => voteUntilTaken(i)));
    if (busy) console.log(`[votes.test] ${busy} refusals as busy among the 1,000 votes, each sent again`);
    expect(results.filter((r) => r.ok && r.changed)).toHaveLength(1000);
    expect((await one<{ n: number }>('select count(*) as n from votes')).n).toBe(1000);
    const tallies = await v.getVoteSummary(articleIds[0]!);
    expect(tallies.total).toBe(1000);
    for (const [i, mood] of MOODS.entries()) expect(tallies.tallies[mood]).toBe(Math.ceil((1000 - i) / MOODS.length));
    expect(await sql('select hour, sum(count) as n from vote_hourly group by hour order by hour')).toEqual([
      { hour: Math.floor(NOW / HOUR) * HOUR, n: 500 },
      { hour: Math.floor(NOW / HOUR) * HOUR + HOUR, n: 500 },
    ]);
    await expectConsistent();
  }, 240_000);

  it('one address firing 30 votes at once gets exactly its limit through', async () => {
    const limits = { perIpPerMinute: 7, perReaderPerMinute: 0 };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => vote(`flood-${i}`, 'angry', { newReader: true, ipHash: 'one-ip', limits })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.filter((r) => !r.ok && r.reason === 'ip-limit')).toHaveLength(23);
    expect((await one<{ n: number }>('select count(*) as n from votes')).n).toBe(7);
    await expectConsistent();
  });

  it('one reader sending 20 different votes at once keeps one row and exact tallies', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => vote('double', MOODS[i % MOODS.length]!, { intent: 'set' })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await one<{ n: number }>("select count(*) as n from votes where reader_id = 'double'")).n).toBe(1);
    await expectConsistent();
  });

  it('votes and moderation voids on the same story at once leave each tally = COUNT(*) of live votes', async () => {
    const moderation = await import('@/db/queries/moderation');
    await run(
      "insert into users (email, name, role, password_hash, sessions_valid_after, created_at, updated_at) values ('mod@x.test', 'Mod', 'editor', 'x', 0, 0, 0)",
    );
    const { id: actorId } = await one<{ id: number }>("select id from users where email = 'mod@x.test'");
    for (let round = 0; round < 8; round++) {
      const t0 = NOW + round * 60_000;
      const ip = `burst-${round}`;
      // A burst to void: six readers from one address within a minute.
      for (let i = 0; i < 6; i++)
        await vote(`burst-${round}-${i}`, 'angry', { ipHash: ip, now: t0 + i * 1000, newReader: true });
      const target = { kind: 'ip' as const, articleId: articleIds[0]!, ipHash: ip, from: t0, to: t0 + 5000 };
      const now = t0 + 30_000;
      const [voided, ...votes] = await Promise.all([
        moderation.voidVoteBurst(actorId, target, SETTINGS, now),
        // the burst's readers change their minds while it is voided…
        ...Array.from({ length: 6 }, (_, i) => vote(`burst-${round}-${i}`, 'happy', { ipHash: ip, now })),
        // …and other readers vote and change their votes on the same story
        ...Array.from({ length: 12 }, (_, i) =>
          vote(`bystander-${i}`, MOODS[(round + i) % MOODS.length]!, { ipHash: `b-${i}`, now, intent: 'set' }),
        ),
      ]);
      expect(voided).toMatchObject({ ok: true, voided: 6 });
      // A burst reader's change either came first (and was voided with the rest) or found the vote withdrawn.
      for (const r of votes.slice(0, 6)) expect(r.ok || r.reason === 'withdrawn').toBe(true);
      expect(votes.slice(6).every((r) => r.ok)).toBe(true);
      await expectConsistent();
    }
    expect((await one<{ n: number }>('select count(*) as n from votes where voided_at is not null')).n).toBe(48);
  });
});

describe('contact messages', () => {
  it('50 messages fired at once from one address: exactly the limit gets through', async () => {
    const contact = await import('@/db/queries/contact');
    const limit = { key: 'contact:test-address', limit: 5, windowMs: HOUR };
    const input = { name: 'Flood', email: 'flood@example.com', subject: 'Hi', message: 'Again' };
    const saved = await Promise.all(Array.from({ length: 50 }, () => contact.insertContactMessage(input, limit, NOW)));
    expect(saved.filter((id) => id !== undefined)).toHaveLength(5);
    expect((await one<{ n: number }>("select count(*) as n from contact_messages where name = 'Flood'")).n).toBe(5);
    // The next window starts afresh.
    expect(await contact.insertContactMessage(input, limit, NOW + HOUR)).toEqual(expect.any(Number));
  });
});
