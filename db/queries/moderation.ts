// Vote moderation: finding bursts (one address hash voting many times on one story in a short
// window) and spikes (an hour far above the story's usual rate), voiding them, and pausing voting.
// A voided vote keeps its row (voided_at) for the audit, counts nowhere, and its reader cannot vote
// on that story again (db/queries/votes.ts answers 'withdrawn').
import 'server-only';
import { and, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { db, lockKey, lockRows, rows, transaction, type AppDb } from '@/db/engine';
import { articles, votes, type Mood } from '@/db/schema';
import { recomputeVoteRollupsIn } from '@/db/vote-rollups';
import { emptyTallies, type Tallies } from '@/lib/domain/moods';
import { recordAudit } from './audit';
import { IP_DATA_KEEP_MS } from './ip-salts';
import { storyVotesLock } from './votes';

const HOUR_MS = 3_600_000;

export type ModerationSettings = {
  /** votes on one story from one address hash, within burstWindowMs, that make a burst */
  burstMinVotes: number;
  burstWindowMs: number;
  /** an hour of a story is a spike with at least this many votes… */
  spikeMinVotes: number;
  /** …and at least this many times the story's usual hourly rate */
  spikeFactor: number;
  /** how far back spikes are looked for (bursts: 48 hours, as long as address hashes are kept) */
  spikeLookbackMs: number;
};

/** Address hashes are blanked after 48 hours (lib/votes/janitor.ts): bursts cannot be seen beyond. */
export const BURST_LOOKBACK_MS = IP_DATA_KEEP_MS;

// ---------- detection on plain numbers (pure; tests/unit/insights.test.ts checks them directly) ----------

/**
 * Bursts in one address's votes on one story: maximal runs of votes in which every vote lies in some
 * span of `windowMs` holding at least `minVotes` of them. `times` must be sorted. Returns index
 * ranges [start, end] (inclusive). Votes spread evenly, however many, never form a burst unless
 * `minVotes` of them fall inside one window.
 */
export function findBursts(
  times: readonly number[],
  minVotes: number,
  windowMs: number,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let j = 0;
  let current: { start: number; end: number } | undefined;
  for (let i = 0; i < times.length; i++) {
    if (j < i) j = i;
    while (j + 1 < times.length && times[j + 1]! - times[i]! <= windowMs) j++;
    if (j - i + 1 < minVotes) continue;
    // votes i..j share one window: join them to the current burst when they overlap it
    if (current && i <= current.end) current.end = Math.max(current.end, j);
    else {
      current = { start: i, end: j };
      out.push(current);
    }
  }
  return out;
}

/**
 * Whether an hour's `votes` are a spike against the story's usual rate: at least `minVotes`, and at
 * least `factor` times the average of the story's other live hours in the lookback
 * (`otherVotes` / `otherHours`; no other hour means a usual rate of zero).
 */
export function isSpike(
  votes: number,
  otherVotes: number,
  otherHours: number,
  minVotes: number,
  factor: number,
): boolean {
  if (votes < minVotes) return false;
  const usual = otherHours > 0 ? otherVotes / otherHours : 0;
  return votes >= factor * usual;
}

type StoryBits = { articleId: number; slug: string; title: string; votingPaused: boolean };

export type IpBurst = StoryBits & {
  kind: 'ip';
  ipHash: string;
  from: number;
  to: number;
  votes: number;
  moods: Tallies;
};
export type VoteSpike = StoryBits & { kind: 'spike'; hour: number; votes: number; usualPerHour: number };

type VoteTime = { id: number; articleId: number; ipHash: string; createdAt: number; mood: Mood };

/** Counted votes of the last 48 hours from addresses that cast at least `min` on one story, oldest first. */
function candidateVotes(
  runner: AppDb,
  since: number,
  min: number,
  only?: { articleId: number; ipHash: string },
): Promise<VoteTime[]> {
  const filter = only ? sql` and article_id = ${only.articleId} and ip_hash = ${only.ipHash}` : sql``;
  return rows<VoteTime>(
    sql`
    select v.id as id, v.article_id as "articleId", v.ip_hash as "ipHash", v.created_at as "createdAt", v.mood as mood
    from votes v
    where v.created_at >= ${since} and v.voided_at is null and v.ip_hash <> ''${filter}
      and (v.article_id, v.ip_hash) in (
        select article_id, ip_hash from votes
        where created_at >= ${since} and voided_at is null and ip_hash <> ''${filter}
        group by 1, 2 having count(*) >= ${min})
    order by v.article_id, v.ip_hash, v.created_at, v.id`,
    runner,
  );
}

function burstsIn(votes: VoteTime[], settings: Pick<ModerationSettings, 'burstMinVotes' | 'burstWindowMs'>) {
  const out: { articleId: number; ipHash: string; votes: VoteTime[] }[] = [];
  for (let i = 0; i < votes.length;) {
    let j = i;
    while (j < votes.length && votes[j]!.articleId === votes[i]!.articleId && votes[j]!.ipHash === votes[i]!.ipHash)
      j++;
    const group = votes.slice(i, j);
    for (const b of findBursts(
      group.map((v) => v.createdAt),
      settings.burstMinVotes,
      settings.burstWindowMs,
    )) {
      out.push({ articleId: group[0]!.articleId, ipHash: group[0]!.ipHash, votes: group.slice(b.start, b.end + 1) });
    }
    i = j;
  }
  return out;
}

async function storyBits(ids: number[]): Promise<Map<number, Omit<StoryBits, 'articleId'>>> {
  if (!ids.length) return new Map();
  const found = await db()
    .select({ id: articles.id, slug: articles.slug, title: articles.title, votingPaused: articles.votingPaused })
    .from(articles)
    .where(inArray(articles.id, ids));
  return new Map(found.map((r) => [r.id, { slug: r.slug, title: r.title, votingPaused: r.votingPaused }]));
}

/** Bursts of the last 48 hours, biggest first. */
export async function listVoteBursts(settings: ModerationSettings, now: number = Date.now()): Promise<IpBurst[]> {
  const found = burstsIn(await candidateVotes(db(), now - BURST_LOOKBACK_MS, settings.burstMinVotes), settings);
  const bits = await storyBits([...new Set(found.map((b) => b.articleId))]);
  return found
    .flatMap((b) => {
      const story = bits.get(b.articleId);
      if (!story) return [];
      const moods = emptyTallies();
      for (const v of b.votes) moods[v.mood] += 1;
      return [
        {
          kind: 'ip' as const,
          articleId: b.articleId,
          ...story,
          ipHash: b.ipHash,
          from: b.votes[0]!.createdAt,
          to: b.votes.at(-1)!.createdAt,
          votes: b.votes.length,
          moods,
        },
      ];
    })
    .sort((a, b) => b.votes - a.votes || b.to - a.to);
}

/**
 * Hours of the lookback in which a story drew far more counted votes than usual for it: the usual
 * rate is the average of its other hours since it went live (within the lookback).
 */
export async function listVoteSpikes(
  settings: ModerationSettings,
  now: number = Date.now(),
  runner: AppDb = db(),
): Promise<VoteSpike[]> {
  const since = Math.floor((now - settings.spikeLookbackMs) / HOUR_MS) * HOUR_MS;
  const nowHour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const hours = await rows<{ articleId: number; hour: number; n: number; publishedAt: number | null }>(
    sql`
    with per as (select article_id, hour, sum(count) as n from vote_hourly where hour >= ${since} group by 1, 2)
    select p.article_id as "articleId", p.hour as hour, p.n as n, a.published_at as "publishedAt"
    from per p join articles a on a.id = p.article_id
    where p.article_id in (select article_id from per where n >= ${settings.spikeMinVotes})
    order by 1, 2`,
    runner,
  );
  const spikes: { articleId: number; hour: number; votes: number; usualPerHour: number }[] = [];
  for (let i = 0; i < hours.length;) {
    let j = i;
    while (j < hours.length && hours[j]!.articleId === hours[i]!.articleId) j++;
    const group = hours.slice(i, j);
    const total = group.reduce((n, r) => n + r.n, 0);
    const liveFrom = Math.max(
      since,
      Math.floor((group[0]!.publishedAt ?? since) / HOUR_MS) * HOUR_MS,
      Math.min(...group.map((r) => r.hour)),
    );
    const liveHours = Math.max(1, (nowHour - liveFrom) / HOUR_MS + 1);
    for (const r of group) {
      const otherHours = liveHours - 1;
      if (isSpike(r.n, total - r.n, otherHours, settings.spikeMinVotes, settings.spikeFactor)) {
        spikes.push({
          articleId: r.articleId,
          hour: r.hour,
          votes: r.n,
          usualPerHour: otherHours > 0 ? (total - r.n) / otherHours : 0,
        });
      }
    }
    i = j;
  }
  const bits = await storyBits([...new Set(spikes.map((s) => s.articleId))]);
  return spikes
    .flatMap((s) => {
      const story = bits.get(s.articleId);
      return story ? [{ kind: 'spike' as const, ...s, ...story }] : [];
    })
    .sort((a, b) => b.votes - a.votes || b.hour - a.hour);
}

export type VoidTarget =
  | { kind: 'ip'; articleId: number; ipHash: string; from: number; to: number }
  | { kind: 'spike'; articleId: number; hour: number };

export type VoidResult =
  { ok: true; slug: string; voided: number; moods: Tallies } | { ok: false; reason: 'not-found' | 'gone' };

/**
 * Voids the votes of a burst or spike that is still there (found again, inside the transaction, with
 * the same bounds), rebuilds the story's tallies and the hours touched in vote_hourly, and writes the
 * audit entry: all in one transaction, so readers never see counts that include half of it. On
 * PostgreSQL it holds the story's vote lock alone (votes take it shared, db/queries/votes.ts): the
 * recount starts after the votes in flight commit, and votes arriving meanwhile wait for it.
 */
export async function voidVoteBurst(
  actorId: number,
  target: VoidTarget,
  settings: ModerationSettings,
  now: number = Date.now(),
): Promise<VoidResult> {
  return transaction(async (tx): Promise<VoidResult> => {
    await lockKey(tx, storyVotesLock(target.articleId));
    const [story] = await tx
      .select({ slug: articles.slug })
      .from(articles)
      .where(eq(articles.id, target.articleId))
      .limit(1);
    if (!story) return { ok: false, reason: 'not-found' };
    let ids: number[];
    let moods = emptyTallies();
    let range: { from: number; to: number };
    if (target.kind === 'ip') {
      const found = burstsIn(
        await candidateVotes(tx, now - BURST_LOOKBACK_MS, settings.burstMinVotes, {
          articleId: target.articleId,
          ipHash: target.ipHash,
        }),
        settings,
      );
      const burst = found.find((b) => b.votes[0]!.createdAt === target.from && b.votes.at(-1)!.createdAt === target.to);
      if (!burst) return { ok: false, reason: 'gone' };
      ids = burst.votes.map((v) => v.id);
      for (const v of burst.votes) moods[v.mood] += 1;
      range = { from: target.from, to: target.to };
    } else {
      const spike = (await listVoteSpikes(settings, now, tx)).find(
        (s) => s.articleId === target.articleId && s.hour === target.hour,
      );
      if (!spike) return { ok: false, reason: 'gone' };
      const live = await tx
        .select({ id: votes.id, mood: votes.mood })
        .from(votes)
        .where(
          and(
            eq(votes.articleId, target.articleId),
            isNull(votes.voidedAt),
            gte(votes.createdAt, target.hour),
            lt(votes.createdAt, target.hour + HOUR_MS),
          ),
        );
      ids = live.map((r) => r.id);
      moods = emptyTallies();
      for (const r of live) moods[r.mood] += 1;
      range = { from: target.hour, to: target.hour + HOUR_MS - 1 };
    }
    for (let i = 0; i < ids.length; i += 500) {
      await tx
        .update(votes)
        .set({ voidedAt: now })
        .where(inArray(votes.id, ids.slice(i, i + 500)));
    }
    await recomputeVoteRollupsIn(tx, target.articleId, range);
    await recordAudit(
      tx,
      {
        actorId,
        action: 'votes.void',
        objectType: 'article',
        objectId: target.articleId,
        detail: {
          kind: target.kind,
          from: range.from,
          to: range.to,
          ...(target.kind === 'ip' ? { ipHash: target.ipHash.slice(0, 12) } : {}),
          voided: ids.length,
          moods,
        },
      },
      now,
    );
    return { ok: true, slug: story.slug, voided: ids.length, moods };
  });
}

/** Pauses or resumes voting on a story, audited. Undefined when there is no such story. */
export async function setVotingPaused(
  actorId: number,
  articleId: number,
  paused: boolean,
  now: number = Date.now(),
): Promise<{ slug: string; title: string; changed: boolean } | undefined> {
  return transaction(async (tx) => {
    await lockRows(tx, articles, eq(articles.id, articleId));
    const [story] = await tx
      .select({ slug: articles.slug, title: articles.title, votingPaused: articles.votingPaused })
      .from(articles)
      .where(eq(articles.id, articleId))
      .limit(1);
    if (!story) return undefined;
    const changed = story.votingPaused !== paused;
    if (changed) await tx.update(articles).set({ votingPaused: paused }).where(eq(articles.id, articleId));
    await recordAudit(
      tx,
      {
        actorId,
        action: paused ? 'votes.pause' : 'votes.resume',
        objectType: 'article',
        objectId: articleId,
        detail: { changed },
      },
      now,
    );
    return { slug: story.slug, title: story.title, changed };
  });
}

const storyRefColumns = { id: articles.id, slug: articles.slug, title: articles.title };

/** Stories whose voting is paused, newest first. */
export async function listPausedStories(): Promise<{ id: number; slug: string; title: string }[]> {
  return db()
    .select(storyRefColumns)
    .from(articles)
    .where(eq(articles.votingPaused, true))
    .orderBy(desc(articles.id))
    .limit(200);
}

/** A story named by its number or its slug (the moderation page's pause form). */
export async function findStoryByRef(ref: string): Promise<{ id: number; slug: string; title: string } | undefined> {
  const id = /^[1-9]\d{0,8}$/.test(ref) ? Number(ref) : -1;
  const [story] = await db()
    .select(storyRefColumns)
    .from(articles)
    .where(or(eq(articles.id, id), eq(articles.slug, ref)))
    .limit(1);
  return story;
}
