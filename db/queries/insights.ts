// Reads behind the newsroom insights pages (/admin/insights): votes from the hourly rollup
// (vote_hourly, exact in the vote transaction), shares from the daily share_clicks counts. Never the
// raw vote rows, except to count one story's readers. Windows come from lib/insights/window.ts.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { dialect, rows } from '@/db/engine';
import type { ArticleStatus, Mood } from '@/db/schema';
import { emptyTallies, MOODS, sumTallies, type Tallies } from '@/lib/domain/moods';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type InsightsScope = {
  from: number;
  to: number;
  fromDay: string;
  toDay: string;
  bucket: 'hour' | 'day';
  /** a section and its subsections; undefined for the whole site */
  sectionIds?: number[];
};

const inSections = (column: SQL, ids: number[] | undefined) =>
  ids
    ? sql` and ${column} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;

// The day is inlined, not bound: better-sqlite3 binds JS numbers as REAL, and REAL division would not truncate.
const DAY = sql.raw(String(DAY_MS));
const bucketOf = (bucket: 'hour' | 'day') => (bucket === 'hour' ? sql`h.hour` : sql`(h.hour / ${DAY}) * ${DAY}`);

/** Join to articles only when a section filter needs it: the rollup alone answers the whole site. */
const sectionJoin = (ids: number[] | undefined) => (ids ? sql` join articles a on a.id = h.article_id` : sql``);

export type BucketRow = { start: number; tallies: Tallies; total: number };

/** Votes cast in the window, by bucket (hour or day) and mood; buckets without votes are left out. */
export async function listVotesByBucket(scope: InsightsScope): Promise<BucketRow[]> {
  const found = await rows<{ start: number; mood: Mood; n: number }>(sql`
    select ${bucketOf(scope.bucket)} as start, h.mood as mood, sum(h.count) as n
    from vote_hourly h${sectionJoin(scope.sectionIds)}
    where h.hour >= ${scope.from} and h.hour < ${scope.to}${inSections(sql`a.section_id`, scope.sectionIds)}
    group by 1, 2 order by 1`);
  return toBuckets(found);
}

function toBuckets(rows: { start: number; mood: Mood; n: number }[]): BucketRow[] {
  const byStart = new Map<number, BucketRow>();
  for (const r of rows) {
    let b = byStart.get(r.start);
    if (!b) byStart.set(r.start, (b = { start: r.start, tallies: emptyTallies(), total: 0 }));
    b.tallies[r.mood] += r.n;
    b.total += r.n;
  }
  return Array.from(byStart, ([, b]) => b).sort((a, b) => a.start - b.start);
}

/** Adds up bucket rows into one tally per mood. */
export function totalsOf(buckets: BucketRow[]): Tallies {
  const t = emptyTallies();
  for (const b of buckets) for (const m of MOODS) t[m] += b.tallies[m];
  return t;
}

/**
 * The window's votes by bucket and mood, and the previous window's vote totals by bucket, in one pass
 * over [previousFrom, to) of the covering index.
 */
export async function listVotesByBucketWithPrevious(scope: InsightsScope & { previousFrom: number }): Promise<{
  current: BucketRow[];
  previous: { start: number; total: number }[];
}> {
  const found = await rows<{ start: number; mood: Mood; n: number }>(sql`
    select ${bucketOf(scope.bucket)} as start, h.mood as mood, sum(h.count) as n
    from vote_hourly h${sectionJoin(scope.sectionIds)}
    where h.hour >= ${scope.previousFrom} and h.hour < ${scope.to}${inSections(sql`a.section_id`, scope.sectionIds)}
    group by 1, 2 order by 1`);
  const current = toBuckets(found.filter((r) => r.start >= scope.from));
  const previous = toBuckets(found.filter((r) => r.start < scope.from)).map((b) => ({
    start: b.start,
    total: b.total,
  }));
  return { current, previous };
}

/** Share clicks per network over the window's UTC days. */
export async function listSharesByNetwork(scope: InsightsScope): Promise<{ network: string; count: number }[]> {
  return rows<{ network: string; count: number }>(sql`
    select s.network as network, sum(s.count) as count
    from share_clicks s${scope.sectionIds ? sql` join articles a on a.id = s.article_id` : sql``}
    where s.day >= ${scope.fromDay} and s.day <= ${scope.toDay}${inSections(sql`a.section_id`, scope.sectionIds)}
    group by 1 order by 2 desc, 1`);
}

export type StoryRef = {
  id: number;
  slug: string;
  title: string;
  sectionName: string;
  status: ArticleStatus;
  publishedAt: number | null;
};

export type MoodLeaderRow = StoryRef & { mood: Mood; rank: number; moodVotes: number; totalVotes: number };

type MoodCounts = Map<number, { cur: Tallies; prev: Tallies }>;

/** Votes per story and mood in the window and in the previous one: one pass, for leaders and movers both. */
async function listStoryMoodCounts(scope: InsightsScope & { previousFrom: number }): Promise<MoodCounts> {
  const found = await rows<{ articleId: number; mood: Mood; cur: number; prev: number }>(sql`
    select h.article_id as "articleId", h.mood as mood,
      sum(case when h.hour >= ${scope.from} then h.count else 0 end) as cur,
      sum(case when h.hour < ${scope.from} then h.count else 0 end) as prev
    from vote_hourly h${sectionJoin(scope.sectionIds)}
    where h.hour >= ${scope.previousFrom} and h.hour < ${scope.to}${inSections(sql`a.section_id`, scope.sectionIds)}
    group by 1, 2`);
  const byStory: MoodCounts = new Map();
  for (const r of found) {
    let s = byStory.get(r.articleId);
    if (!s) byStory.set(r.articleId, (s = { cur: emptyTallies(), prev: emptyTallies() }));
    s.cur[r.mood] = r.cur;
    s.prev[r.mood] = r.prev;
  }
  return byStory;
}

function rankLeaders(counts: MoodCounts, limit: number) {
  const out: { articleId: number; mood: Mood; rank: number; moodVotes: number; totalVotes: number }[] = [];
  for (const mood of MOODS) {
    const ranked = [...counts]
      .filter(([, c]) => c.cur[mood] > 0)
      .sort(([a, x], [b, y]) => y.cur[mood] - x.cur[mood] || b - a)
      .slice(0, limit);
    ranked.forEach(([articleId, c], i) =>
      out.push({ articleId, mood, rank: i + 1, moodVotes: c.cur[mood], totalVotes: sumTallies(c.cur) }),
    );
  }
  return out;
}

export type SharedStoryRow = StoryRef & { shares: number; topNetwork: string; topNetworkShares: number };

/** The stories shared most in the window, with the network each was shared to most. */
export async function listMostSharedStories(scope: InsightsScope, limit = 10): Promise<SharedStoryRow[]> {
  return rows<SharedStoryRow>(sql`
    with per as (
      select s.article_id, s.network, sum(s.count) as n
      from share_clicks s${scope.sectionIds ? sql` join articles a on a.id = s.article_id` : sql``}
      where s.day >= ${scope.fromDay} and s.day <= ${scope.toDay}${inSections(sql`a.section_id`, scope.sectionIds)}
      group by 1, 2
    ),
    totals as (
      select article_id, sum(n) as shares, max(n) as top from per group by 1 order by 2 desc, 1 desc limit ${limit}
    )
    select t.shares as shares, t.top as "topNetworkShares",
      (select p.network from per p where p.article_id = t.article_id order by p.n desc, p.network limit 1)
        as "topNetwork",
      a.id as id, a.slug as slug, a.title as title, a.status as status, a.published_at as "publishedAt",
      s.name as "sectionName"
    from totals t join articles a on a.id = t.article_id join sections s on s.id = a.section_id
    order by t.shares desc, a.id desc`);
}

export type MoverRow = StoryRef & {
  /** how far the mood mix moved: half the sum of the changes in each mood's share, in percentage points (0–100) */
  shift: number;
  /** the mood whose share grew most, and by how many points */
  rising: Mood;
  risingPoints: number;
  falling: Mood;
  fallingPoints: number;
  votes: number;
  previousVotes: number;
};

function rankMovers(counts: MoodCounts, limit: number, minVotes: number) {
  const scored: {
    articleId: number;
    shift: number;
    rising: Mood;
    risingPoints: number;
    falling: Mood;
    fallingPoints: number;
    votes: number;
    previousVotes: number;
  }[] = [];
  for (const [articleId, s] of counts) {
    const votes = sumTallies(s.cur);
    const previousVotes = sumTallies(s.prev);
    if (votes < minVotes || previousVotes < minVotes) continue;
    let sum = 0;
    let rising: Mood = MOODS[0];
    let falling: Mood = MOODS[0];
    let up = -Infinity;
    let down = Infinity;
    for (const m of MOODS) {
      const delta = (s.cur[m] / votes - s.prev[m] / previousVotes) * 100;
      sum += Math.abs(delta);
      if (delta > up) [up, rising] = [delta, m];
      if (delta < down) [down, falling] = [delta, m];
    }
    scored.push({
      articleId,
      shift: sum / 2,
      rising,
      risingPoints: up,
      falling,
      fallingPoints: -down,
      votes,
      previousVotes,
    });
  }
  scored.sort((a, b) => b.shift - a.shift || b.votes - a.votes || b.articleId - a.articleId);
  return scored.slice(0, limit);
}

/**
 * For each mood, the `leaders` stories with the most votes of that mood cast in the window; and the
 * stories whose mix of moods moved most between the previous window and this one (`movers`, among
 * stories with at least `minVotes` votes cast in each). One pass over both windows.
 */
export async function listStoryRankings(
  scope: InsightsScope & { previousFrom: number },
  { leaders = 5, movers = 10, minVotes = 5 }: { leaders?: number; movers?: number; minVotes?: number } = {},
): Promise<{ leaders: MoodLeaderRow[]; movers: MoverRow[] }> {
  const counts = await listStoryMoodCounts(scope);
  const top = rankLeaders(counts, leaders);
  const moved = rankMovers(counts, movers, minVotes);
  const refs = await storyRefs([...new Set([...top.map((t) => t.articleId), ...moved.map((m) => m.articleId)])]);
  return {
    leaders: top.flatMap((t) => {
      const ref = refs.get(t.articleId);
      return ref ? [{ ...ref, mood: t.mood, rank: t.rank, moodVotes: t.moodVotes, totalVotes: t.totalVotes }] : [];
    }),
    movers: moved.flatMap((m) => {
      const ref = refs.get(m.articleId);
      return ref ? [{ ...ref, ...m }] : [];
    }),
  };
}

/** For each mood, the `limit` stories with the most votes of that mood cast in the window. */
export async function listTopStoriesByMood(scope: InsightsScope, limit = 5): Promise<MoodLeaderRow[]> {
  return (await listStoryRankings({ ...scope, previousFrom: scope.from }, { leaders: limit, movers: 0 })).leaders;
}

/** Stories whose mix of moods moved most between the previous window and this one. */
export async function listMoodMovers(
  scope: InsightsScope & { previousFrom: number },
  { limit = 10, minVotes = 5 } = {},
): Promise<MoverRow[]> {
  return (await listStoryRankings(scope, { leaders: 0, movers: limit, minVotes })).movers;
}

async function storyRefs(ids: number[]): Promise<Map<number, StoryRef>> {
  if (!ids.length) return new Map();
  const found = await rows<StoryRef>(sql`
    select a.id as id, a.slug as slug, a.title as title, a.status as status, a.published_at as "publishedAt",
      s.name as "sectionName"
    from articles a join sections s on s.id = a.section_id
    where a.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(found.map((r) => [r.id, r]));
}

// ---------- one story ----------

export type StoryInsightsHeader = StoryRef & { createdBy: number | null; votingPaused: boolean };

export async function getStoryForInsights(id: number): Promise<StoryInsightsHeader | undefined> {
  const [row] = await rows<StoryRef & { createdBy: number | null; votingPaused: number | boolean }>(sql`
    select a.id as id, a.slug as slug, a.title as title, a.status as status, a.published_at as "publishedAt",
      s.name as "sectionName",
      a.created_by as "createdBy", a.voting_paused as "votingPaused"
    from articles a join sections s on s.id = a.section_id where a.id = ${id}`);
  return row ? { ...row, votingPaused: Boolean(row.votingPaused) } : undefined;
}

/** The live tallies of a story (what readers see under it). */
export async function getStoryMoodTotals(id: number): Promise<Tallies> {
  const t = emptyTallies();
  for (const r of await rows<{ mood: Mood; count: number }>(
    sql`select mood, count from vote_tallies where article_id = ${id}`,
  ))
    t[r.mood] = r.count;
  return t;
}

/** A story's votes in the window by bucket and mood. */
export async function listStoryVotesByBucket(
  id: number,
  scope: Pick<InsightsScope, 'from' | 'to' | 'bucket'>,
): Promise<BucketRow[]> {
  const found = await rows<{ start: number; mood: Mood; n: number }>(sql`
    select ${bucketOf(scope.bucket)} as start, h.mood as mood, sum(h.count) as n
    from vote_hourly h
    where h.article_id = ${id} and h.hour >= ${scope.from} and h.hour < ${scope.to}
    group by 1, 2 order by 1`);
  return toBuckets(found);
}

/** A story's share clicks per UTC day and network in the window. */
export async function listStorySharesByDay(
  id: number,
  scope: Pick<InsightsScope, 'fromDay' | 'toDay'>,
): Promise<{ day: string; network: string; count: number }[]> {
  return rows<{ day: string; network: string; count: number }>(sql`
    select day, network, count from share_clicks
    where article_id = ${id} and day >= ${scope.fromDay} and day <= ${scope.toDay} and count > 0
    order by day, network`);
}

/**
 * Readers who have a counted vote on the story (one vote per reader, so also its counted votes), the
 * votes voided by moderation, and the distinct address hashes of the last 48 hours (kept no longer).
 */
export async function countStoryReaders(
  id: number,
  now: number = Date.now(),
): Promise<{ readers: number; voided: number; recentAddresses: number }> {
  const since = now - 48 * HOUR_MS;
  const { asInt } = dialect();
  const [row] = await rows<{ readers: number; voided: number; recentAddresses: number }>(sql`
    select coalesce(sum(${asInt(sql`voided_at is null`)}), 0) as readers,
      coalesce(sum(${asInt(sql`voided_at is not null`)}), 0) as voided,
      count(distinct case when voided_at is null and ip_hash <> '' and created_at >= ${since} then ip_hash end)
        as "recentAddresses"
    from votes where article_id = ${id}`);
  return row ?? { readers: 0, voided: 0, recentAddresses: 0 };
}
