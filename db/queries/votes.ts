import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db, lockKey, lockKeyShared, prepared, transaction, type AppDb } from '@/db/engine';
import { articles, rateLimits, voteHourly, votes, voteTallies, type Mood } from '@/db/schema';
import { emptyTallies, sumTallies, type Tallies, type VoteSummary } from '@/lib/domain/moods';
import { countInWindow } from './throttle';
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

const articleColumns = { slug: articles.slug, votingPaused: articles.votingPaused };
const voteColumns = { id: votes.id, mood: votes.mood, createdAt: votes.createdAt, voidedAt: votes.voidedAt };

async function votableArticle(runner: AppDb, articleId: number, now: number) {
  const [row] = await runner
    .select(articleColumns)
    .from(articles)
    .where(and(eq(articles.id, articleId), isPublic(now)))
    .limit(1);
  return row;
}

async function readerVote(runner: AppDb, articleId: number, readerId: string) {
  const [row] = await runner
    .select(voteColumns)
    .from(votes)
    .where(and(eq(votes.articleId, articleId), eq(votes.readerId, readerId)))
    .limit(1);
  return row;
}

async function talliesOf(runner: AppDb, articleId: number): Promise<Tallies> {
  const tallies = emptyTallies();
  const rows = await prepared(runner, 'votes:tallies', (d) =>
    d
      .select({ mood: voteTallies.mood, count: voteTallies.count })
      .from(voteTallies)
      .where(eq(voteTallies.articleId, sql.placeholder('articleId'))),
  ).execute({ articleId });
  for (const row of rows) tallies[row.mood] = row.count;
  return tallies;
}

/**
 * Moves the live tally and the hourly rollup by one. Adding is one upsert per row (on PostgreSQL the
 * row lock of a hot story's tally is held from this statement to the commit, never read first).
 * The rows exist when a counted vote is withdrawn. (An upsert would trip the non-negative CHECK on its
 * would-be insert row before reaching the update.)
 */
async function bump(tx: AppDb, articleId: number, mood: Mood, hour: number, delta: 1 | -1) {
  const values = { articleId, mood, hour };
  if (delta === 1) {
    await prepared(tx, 'votes:tally+1', (d) =>
      d
        .insert(voteTallies)
        .values({ articleId: sql.placeholder('articleId'), mood: sql.placeholder('mood'), count: 1 })
        .onConflictDoUpdate({
          target: [voteTallies.articleId, voteTallies.mood],
          set: { count: sql`${voteTallies.count} + 1` },
        }),
    ).execute(values);
    await prepared(tx, 'votes:hourly+1', (d) =>
      d
        .insert(voteHourly)
        .values({
          articleId: sql.placeholder('articleId'),
          hour: sql.placeholder('hour'),
          mood: sql.placeholder('mood'),
          count: 1,
        })
        .onConflictDoUpdate({
          target: [voteHourly.articleId, voteHourly.hour, voteHourly.mood],
          set: { count: sql`${voteHourly.count} + 1` },
        }),
    ).execute(values);
  } else {
    await prepared(tx, 'votes:tally-1', (d) =>
      d
        .update(voteTallies)
        .set({ count: sql`${voteTallies.count} - 1` })
        .where(
          and(eq(voteTallies.articleId, sql.placeholder('articleId')), eq(voteTallies.mood, sql.placeholder('mood'))),
        ),
    ).execute(values);
    await prepared(tx, 'votes:hourly-1', (d) =>
      d
        .update(voteHourly)
        .set({ count: sql`${voteHourly.count} - 1` })
        .where(
          and(
            eq(voteHourly.articleId, sql.placeholder('articleId')),
            eq(voteHourly.hour, sql.placeholder('hour')),
            eq(voteHourly.mood, sql.placeholder('mood')),
          ),
        ),
    ).execute(values);
  }
}

/** The lock a moderation void takes alone (lockKey) and votes on the story take together (lockKeyShared). */
export const storyVotesLock = (articleId: number) => `votes:story:${articleId}`;

/**
 * Casts, changes or takes back one reader's vote on one story, in a single transaction: the vote
 * row, the live tallies and the hourly rollup move together, so tallies always equal COUNT(*) of
 * current votes by mood, and vote_hourly equals COUNT(*) by the hour each vote was first cast and
 * mood. Taking a vote back deletes its row. Limits count accepted changes only; a request that
 * changes nothing writes nothing.
 *
 * On PostgreSQL, concurrent requests of one reader run one after another (a lock on the reader), so
 * "one vote per reader and story" and the reader's limit are checked on what the last request wrote;
 * votes on one story share a lock that a moderation void takes alone, so a void's recount never
 * races a vote (SQLite runs every write transaction alone).
 */
export async function castVote(input: CastVoteInput): Promise<CastVoteResult> {
  try {
    return await castVoteIn(input);
  } catch (error) {
    if (error instanceof VoteRefused) return error.result;
    throw error;
  }
}

/** A refusal that must undo what the vote's transaction counted before it. */
class VoteRefused extends Error {
  constructor(readonly result: CastVoteResult) {
    super('vote refused');
  }
}

function castVoteIn(input: CastVoteInput): Promise<CastVoteResult> {
  const now = input.now ?? Date.now();
  const { articleId, readerId, mood } = input;
  return transaction(async (tx): Promise<CastVoteResult> => {
    await lockKeyShared(tx, storyVotesLock(articleId));
    // A reader id made for this request has no other request to wait for.
    if (!input.newReader) await lockKey(tx, `vote:reader:${readerId}`);
    // The story and the reader's vote on it, in one round trip.
    const [article] = await prepared(tx, 'votes:story-and-vote', (d) =>
      d
        .select({ ...articleColumns, vote: voteColumns })
        .from(articles)
        .leftJoin(votes, and(eq(votes.articleId, articles.id), eq(votes.readerId, sql.placeholder('readerId'))))
        .where(and(eq(articles.id, sql.placeholder('articleId')), isPublic(sql.placeholder('now'))))
        .limit(1),
    ).execute({ articleId, readerId, now });
    if (!article) return { ok: false, reason: 'not-found' };
    if (article.votingPaused) return { ok: false, reason: 'closed', slug: article.slug };

    const existing = article.vote;
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
      if (ipKey && perIpPerMinute > 0 && !(await countInWindow(tx, ipKey, window, perIpPerMinute)))
        return { ok: false, reason: 'ip-limit', slug: article.slug, retryAfterSeconds };
      // A reader id made for this request cannot have used up its limit yet.
      const readerCap = input.newReader ? undefined : perReaderPerMinute;
      if (perReaderPerMinute > 0 && !(await countInWindow(tx, readerKey, window, readerCap))) {
        // Rolls back the address's count taken above.
        throw new VoteRefused({ ok: false, reason: 'reader-limit', slug: article.slug, retryAfterSeconds });
      }

      if (op === 'insert') {
        await prepared(tx, 'votes:insert', (d) =>
          d.insert(votes).values({
            articleId: sql.placeholder('articleId'),
            readerId: sql.placeholder('readerId'),
            mood: sql.placeholder('mood'),
            ipHash: sql.placeholder('ipHash'),
            createdAt: sql.placeholder('now'),
            updatedAt: sql.placeholder('now'),
          }),
        ).execute({ articleId, readerId, mood, ipHash: input.ipHash, now });
        await bump(tx, articleId, mood, hourOf(now), 1);
      } else if (existing && current) {
        const hour = hourOf(existing.createdAt);
        await bump(tx, articleId, current, hour, -1);
        if (op === 'change') {
          await prepared(tx, 'votes:change', (d) =>
            d
              .update(votes)
              .set({ mood: sql`${sql.placeholder('mood')}`, updatedAt: sql`${sql.placeholder('now')}` })
              .where(eq(votes.id, sql.placeholder('id'))),
          ).execute({ mood, now, id: existing.id });
          await bump(tx, articleId, mood, hour, 1);
        } else {
          await prepared(tx, 'votes:delete', (d) => d.delete(votes).where(eq(votes.id, sql.placeholder('id')))).execute(
            {
              id: existing.id,
            },
          );
        }
      }
    }

    const tallies = await talliesOf(tx, articleId);
    const mine = op === 'none' ? current : op === 'delete' ? null : mood;
    return {
      ok: true,
      slug: article.slug,
      changed: op !== 'none',
      summary: { tallies, total: sumTallies(tallies), mine },
    };
  });
}

/** Live tallies of a public story, and the reader's own current choice when a reader is given. */
export async function getVoteSummary(articleId: number, readerId?: string): Promise<VoteSummary> {
  const [tallies, mine] = await Promise.all([
    talliesOf(db(), articleId),
    readerId ? getReaderMood(articleId, readerId) : null,
  ]);
  return { tallies, total: sumTallies(tallies), mine };
}

export async function getReaderMood(articleId: number, readerId: string): Promise<Mood | null> {
  const row = await readerVote(db(), articleId, readerId);
  return row && row.voidedAt == null ? row.mood : null;
}

/** The story a vote may be cast on: public, with its slug and whether voting is paused. */
export async function getVotableArticle(
  articleId: number,
  now: number = Date.now(),
): Promise<{ id: number; slug: string; votingPaused: boolean } | undefined> {
  const row = await votableArticle(db(), articleId, now);
  return row && { id: articleId, ...row };
}

/** Drops vote rate-limit windows that ended more than a minute ago. */
export async function pruneVoteRateLimits(now: number = Date.now()): Promise<number> {
  const pruned = await transaction((tx) =>
    tx
      .delete(rateLimits)
      .where(
        and(
          sql`${rateLimits.key} >= 'vote:' and ${rateLimits.key} < 'vote;'`,
          sql`${rateLimits.windowStart} < ${now - 2 * MINUTE_MS}`,
        ),
      )
      .returning({ key: rateLimits.key }),
  );
  return pruned.length;
}
