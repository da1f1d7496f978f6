// Vote moderation: finding bursts (one address hash voting many times on one story in a short
// window) and spikes (an hour far above the story's usual rate), voiding them, and pausing voting.
// A voided vote keeps its row (voided_at) for the audit, counts nowhere, and its reader cannot vote
// on that story again (db/queries/votes.ts answers 'withdrawn').
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import type { Mood } from '@/db/schema';
import { recomputeVoteRollups } from '@/db/vote-rollups';
import { emptyTallies, type Tallies } from '@/lib/domain/moods';
import { recordAudit } from './audit';
import { IP_DATA_KEEP_MS } from './ip-salts';

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
  db: Pick<DB, 'all'>,
  since: number,
  min: number,
  only?: { articleId: number; ipHash: string },
): VoteTime[] {
  const filter = only ? sql` and article_id = ${only.articleId} and ip_hash = ${only.ipHash}` : sql``;
  return db.all<VoteTime>(sql`
    select v.id as id, v.article_id as articleId, v.ip_hash as ipHash, v.created_at as createdAt, v.mood as mood
    from votes v
    where v.created_at >= ${since} and v.voided_at is null and v.ip_hash <> ''${filter}
      and (v.article_id, v.ip_hash) in (
        select article_id, ip_hash from votes
        where created_at >= ${since} and voided_at is null and ip_hash <> ''${filter}
        group by 1, 2 having count(*) >= ${min})
    order by v.article_id, v.ip_hash, v.created_at, v.id`);
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

function storyBits(ids: number[]): Map<number, Omit<StoryBits, 'articleId'>> {
  if (!ids.length) return new Map();
  const rows = getDb().all<{ id: number; slug: string; title: string; votingPaused: number }>(sql`
    select id, slug, title, voting_paused as votingPaused from articles where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(rows.map((r) => [r.id, { slug: r.slug, title: r.title, votingPaused: r.votingPaused === 1 }]));
}

/** Bursts of the last 48 hours, biggest first. */
export function listVoteBursts(settings: ModerationSettings, now: number = Date.now()): IpBurst[] {
  const found = burstsIn(candidateVotes(getDb(), now - BURST_LOOKBACK_MS, settings.burstMinVotes), settings);
  const bits = storyBits([...new Set(found.map((b) => b.articleId))]);
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
export function listVoteSpikes(settings: ModerationSettings, now: number = Date.now()): VoteSpike[] {
  const since = Math.floor((now - settings.spikeLookbackMs) / HOUR_MS) * HOUR_MS;
  const nowHour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const rows = getDb().all<{ articleId: number; hour: number; n: number; publishedAt: number | null }>(sql`
    with per as (select article_id, hour, sum(count) as n from vote_hourly where hour >= ${since} group by 1, 2)
    select p.article_id as articleId, p.hour as hour, p.n as n, a.published_at as publishedAt
    from per p join articles a on a.id = p.article_id
    where p.article_id in (select article_id from per where n >= ${settings.spikeMinVotes})
    order by 1, 2`);
  const spikes: { articleId: number; hour: number; votes: number; usualPerHour: number }[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j < rows.length && rows[j]!.articleId === rows[i]!.articleId) j++;
    const group = rows.slice(i, j);
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
  const bits = storyBits([...new Set(spikes.map((s) => s.articleId))]);
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
 * audit entry: all in one IMMEDIATE transaction, so readers never see counts that include half of it.
 */
export function voidVoteBurst(
  actorId: number,
  target: VoidTarget,
  settings: ModerationSettings,
  now: number = Date.now(),
): VoidResult {
  const db = getDb();
  return db.transaction(
    (tx): VoidResult => {
      const story = tx.get<{ slug: string } | undefined>(sql`select slug from articles where id = ${target.articleId}`);
      if (!story) return { ok: false, reason: 'not-found' };
      let ids: number[];
      let moods = emptyTallies();
      let range: { from: number; to: number };
      if (target.kind === 'ip') {
        const found = burstsIn(
          candidateVotes(tx, now - BURST_LOOKBACK_MS, settings.burstMinVotes, {
            articleId: target.articleId,
            ipHash: target.ipHash,
          }),
          settings,
        );
        const burst = found.find(
          (b) => b.votes[0]!.createdAt === target.from && b.votes.at(-1)!.createdAt === target.to,
        );
        if (!burst) return { ok: false, reason: 'gone' };
        ids = burst.votes.map((v) => v.id);
        for (const v of burst.votes) moods[v.mood] += 1;
        range = { from: target.from, to: target.to };
      } else {
        const spike = listVoteSpikes(settings, now).find(
          (s) => s.articleId === target.articleId && s.hour === target.hour,
        );
        if (!spike) return { ok: false, reason: 'gone' };
        const rows = tx.all<{ id: number; mood: Mood }>(sql`
          select id, mood from votes where article_id = ${target.articleId} and voided_at is null
            and created_at >= ${target.hour} and created_at < ${target.hour + HOUR_MS}`);
        ids = rows.map((r) => r.id);
        moods = emptyTallies();
        for (const r of rows) moods[r.mood] += 1;
        range = { from: target.hour, to: target.hour + HOUR_MS - 1 };
      }
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        tx.run(
          sql`update votes set voided_at = ${now} where id in (${sql.join(
            chunk.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        );
      }
      recomputeVoteRollups(tx, target.articleId, range);
      recordAudit(
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
    },
    { behavior: 'immediate' },
  );
}

/** Pauses or resumes voting on a story, audited. Undefined when there is no such story. */
export function setVotingPaused(
  actorId: number,
  articleId: number,
  paused: boolean,
  now: number = Date.now(),
): { slug: string; title: string; changed: boolean } | undefined {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const story = tx.get<{ slug: string; title: string; votingPaused: number } | undefined>(
        sql`select slug, title, voting_paused as votingPaused from articles where id = ${articleId}`,
      );
      if (!story) return undefined;
      const changed = (story.votingPaused === 1) !== paused;
      if (changed) tx.run(sql`update articles set voting_paused = ${paused ? 1 : 0} where id = ${articleId}`);
      recordAudit(
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
    },
    { behavior: 'immediate' },
  );
}

/** Stories whose voting is paused, newest first. */
export function listPausedStories(): { id: number; slug: string; title: string }[] {
  return getDb().all<{ id: number; slug: string; title: string }>(
    sql`select id, slug, title from articles where voting_paused = 1 order by id desc limit 200`,
  );
}

/** A story named by its number or its slug (the moderation page's pause form). */
export function findStoryByRef(ref: string): { id: number; slug: string; title: string } | undefined {
  const id = /^[1-9]\d{0,8}$/.test(ref) ? Number(ref) : -1;
  return getDb().get<{ id: number; slug: string; title: string } | undefined>(
    sql`select id, slug, title from articles where id = ${id} or slug = ${ref} limit 1`,
  );
}
