import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import { articles, rateLimits, voteHourly, votes, voteTallies, type Mood } from '@/db/schema';
import { emptyTallies, sumTallies, type Tallies, type VoteSummary } from '@/lib/domain/moods';
import { isPublic } from './visibility';

const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;

export const hourOf = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/**
 * What the reader meant by choosing `mood`:
 * - `toggle`: choosing the current mood again takes the vote back (the bare API contract);
 * - `set`: make `mood` the vote; choosing the current one again changes nothing;
 * - `take-back`: withdraw the vote if it is still `mood`.
 * Forms send the mood their page showed as the reader's, which turns every click into `set` or
 * `take-back`: a double-submitted form or a retried request then cannot undo itself.
 */
export type VoteIntent = 'toggle' | 'set' | 'take-back';

export type { VoteSummary };

export type CastVoteInput = {
  articleId: number;
  readerId: string;
  /** a reader id made for this request: it cannot have used up its limit yet, so skip the check */
  newReader?: boolean;
  mood: Mood;
  intent: VoteIntent;
  /** salted hash of the client address; '' when unknown (then no per-address limit applies) */
  ipHash: string;
  limits: { perIpPerMinute: number; perReaderPerMinute: number };
  now?: number;
};

export type CastVoteResult =
  | { ok: true; slug: string; changed: boolean; summary: VoteSummary }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'closed' | 'withdrawn'; slug: string }
  | { ok: false; reason: 'ip-limit' | 'reader-limit'; slug: string; retryAfterSeconds: number };

const p = sql.placeholder;

/**
 * Every statement of the vote path, prepared once per connection: a vote runs about ten of them,
 * and preparing each anew would cost more than running it.
 */
function prepare(db: DB) {
  return {
    article: db
      .select({ slug: articles.slug, votingPaused: articles.votingPaused })
      .from(articles)
      .where(and(eq(articles.id, p('articleId')), isPublic(p('now'))))
      .prepare(),
    vote: db
      .select({ id: votes.id, mood: votes.mood, createdAt: votes.createdAt, voidedAt: votes.voidedAt })
      .from(votes)
      .where(and(eq(votes.articleId, p('articleId')), eq(votes.readerId, p('readerId'))))
      .prepare(),
    insertVote: db
      .insert(votes)
      .values({
        articleId: p('articleId'),
        readerId: p('readerId'),
        mood: p('mood'),
        ipHash: p('ipHash'),
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .prepare(),
    changeVote: db
      .update(votes)
      .set({ mood: sql`${p('mood')}`, updatedAt: sql`${p('now')}` })
      .where(eq(votes.id, p('id')))
      .prepare(),
    deleteVote: db
      .delete(votes)
      .where(eq(votes.id, p('id')))
      .prepare(),
    addTally: db
      .insert(voteTallies)
      .values({ articleId: p('articleId'), mood: p('mood'), count: 1 })
      .onConflictDoUpdate({
        target: [voteTallies.articleId, voteTallies.mood],
        set: { count: sql`${voteTallies.count} + 1` },
      })
      .prepare(),
    addHourly: db
      .insert(voteHourly)
      .values({ articleId: p('articleId'), hour: p('hour'), mood: p('mood'), count: 1 })
      .onConflictDoUpdate({
        target: [voteHourly.articleId, voteHourly.hour, voteHourly.mood],
        set: { count: sql`${voteHourly.count} + 1` },
      })
      .prepare(),
    // The rows exist when a counted vote is withdrawn. (An upsert would trip the non-negative
    // CHECK on its would-be insert row before reaching the update.)
    subtractTally: db
      .update(voteTallies)
      .set({ count: sql`${voteTallies.count} - 1` })
      .where(and(eq(voteTallies.articleId, p('articleId')), eq(voteTallies.mood, p('mood'))))
      .prepare(),
    subtractHourly: db
      .update(voteHourly)
      .set({ count: sql`${voteHourly.count} - 1` })
      .where(
        and(eq(voteHourly.articleId, p('articleId')), eq(voteHourly.hour, p('hour')), eq(voteHourly.mood, p('mood'))),
      )
      .prepare(),
    tallies: db
      .select({ mood: voteTallies.mood, count: voteTallies.count })
      .from(voteTallies)
      .where(eq(voteTallies.articleId, p('articleId')))
      .prepare(),
    window: db
      .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
      .from(rateLimits)
      .where(eq(rateLimits.key, p('key')))
      .prepare(),
    countInWindow: db
      .insert(rateLimits)
      .values({ key: p('key'), windowStart: p('window'), count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.windowStart} = excluded.window_start
                then ${rateLimits.count} + 1 else 1 end`,
          windowStart: sql`excluded.window_start`,
        },
      })
      .prepare(),
  };
}

const prepared = new WeakMap<DB, ReturnType<typeof prepare>>();

function statements(db: DB) {
  let s = prepared.get(db);
  if (!s) {
    s = prepare(db);
    prepared.set(db, s);
  }
  return s;
}

function talliesOf(db: DB, articleId: number): Tallies {
  const tallies = emptyTallies();
  for (const row of statements(db).tallies.all({ articleId })) tallies[row.mood] = row.count;
  return tallies;
}

function bump(db: DB, articleId: number, mood: Mood, hour: number, delta: 1 | -1) {
  const s = statements(db);
  if (delta === 1) {
    s.addTally.run({ articleId, mood });
    s.addHourly.run({ articleId, hour, mood });
  } else {
    s.subtractTally.run({ articleId, mood });
    s.subtractHourly.run({ articleId, hour, mood });
  }
}

/** Votes already accepted for `key` in the current fixed one-minute window. */
function usedInWindow(db: DB, key: string, window: number): number {
  const row = statements(db).window.get({ key });
  return row && row.windowStart === window ? row.count : 0;
}

/**
 * Casts, changes or takes back one reader's vote on one story, in a single IMMEDIATE transaction:
 * the vote row, the live tallies and the hourly rollup move together, so tallies always equal
 * COUNT(*) of current votes by mood, and vote_hourly equals COUNT(*) by the hour each vote was first
 * cast and mood. Taking a vote back deletes its row. Limits count accepted changes only; a request
 * that changes nothing writes nothing.
 */
export function castVote(input: CastVoteInput): CastVoteResult {
  const now = input.now ?? Date.now();
  const { articleId, readerId, mood } = input;
  const db = getDb();
  const s = statements(db);
  return db.transaction(
    (): CastVoteResult => {
      const article = s.article.get({ articleId, now });
      if (!article) return { ok: false, reason: 'not-found' };
      if (article.votingPaused) return { ok: false, reason: 'closed', slug: article.slug };

      const existing = s.vote.get({ articleId, readerId });
      if (existing?.voidedAt != null) return { ok: false, reason: 'withdrawn', slug: article.slug };

      const current = existing?.mood ?? null;
      const op =
        current === mood
          ? input.intent === 'set'
            ? 'none'
            : 'delete'
          : input.intent === 'take-back'
            ? 'none'
            : existing
              ? 'change'
              : 'insert';

      if (op !== 'none') {
        const window = Math.floor(now / MINUTE_MS) * MINUTE_MS;
        const retryAfterSeconds = Math.max(1, Math.ceil((window + MINUTE_MS - now) / 1000));
        const ipKey = input.ipHash ? `vote:ip:${input.ipHash}` : undefined;
        const readerKey = `vote:reader:${readerId}`;
        const { perIpPerMinute, perReaderPerMinute } = input.limits;
        if (ipKey && perIpPerMinute > 0 && usedInWindow(db, ipKey, window) >= perIpPerMinute) {
          return { ok: false, reason: 'ip-limit', slug: article.slug, retryAfterSeconds };
        }
        if (!input.newReader && perReaderPerMinute > 0 && usedInWindow(db, readerKey, window) >= perReaderPerMinute) {
          return { ok: false, reason: 'reader-limit', slug: article.slug, retryAfterSeconds };
        }
        if (ipKey && perIpPerMinute > 0) s.countInWindow.run({ key: ipKey, window });
        if (perReaderPerMinute > 0) s.countInWindow.run({ key: readerKey, window });

        if (op === 'insert') {
          s.insertVote.run({ articleId, readerId, mood, ipHash: input.ipHash, now });
          bump(db, articleId, mood, hourOf(now), 1);
        } else if (existing && current) {
          const hour = hourOf(existing.createdAt);
          bump(db, articleId, current, hour, -1);
          if (op === 'change') {
            s.changeVote.run({ id: existing.id, mood, now });
            bump(db, articleId, mood, hour, 1);
          } else {
            s.deleteVote.run({ id: existing.id });
          }
        }
      }

      const tallies = talliesOf(db, articleId);
      const mine = op === 'none' ? current : op === 'delete' ? null : mood;
      return {
        ok: true,
        slug: article.slug,
        changed: op !== 'none',
        summary: { tallies, total: sumTallies(tallies), mine },
      };
    },
    { behavior: 'immediate' },
  );
}

/** Live tallies of a public story, and the reader's own current choice when a reader is given. */
export function getVoteSummary(articleId: number, readerId?: string): VoteSummary {
  const db = getDb();
  const tallies = talliesOf(db, articleId);
  return { tallies, total: sumTallies(tallies), mine: readerId ? getReaderMood(articleId, readerId) : null };
}

export function getReaderMood(articleId: number, readerId: string): Mood | null {
  const row = statements(getDb()).vote.get({ articleId, readerId });
  return row && row.voidedAt == null ? row.mood : null;
}

/** The story a vote may be cast on: public, with its slug and whether voting is paused. */
export function getVotableArticle(
  articleId: number,
  now: number = Date.now(),
): { id: number; slug: string; votingPaused: boolean } | undefined {
  const row = statements(getDb()).article.get({ articleId, now });
  return row && { id: articleId, ...row };
}

/** Drops vote rate-limit windows that ended more than a minute ago. */
export function pruneVoteRateLimits(now: number = Date.now()): number {
  return getDb()
    .delete(rateLimits)
    .where(
      and(
        sql`${rateLimits.key} >= 'vote:' and ${rateLimits.key} < 'vote;'`,
        sql`${rateLimits.windowStart} < ${now - 2 * MINUTE_MS}`,
      ),
    )
    .run().changes;
}
