import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { db, dialect, rows as rawRows } from '@/db/engine';
import { articles, sections, voteHourly, type Mood } from '@/db/schema';
import { MOODS } from '@/lib/domain/moods';
import { isPublic } from './visibility';

const HOUR_MS = 3600_000;

export const MOOD_WINDOWS = { day: 24, week: 7 * 24, month: 30 * 24 } as const;
export type MoodWindow = keyof typeof MOOD_WINDOWS;

/**
 * The first hour of a window: the last `hours` hourly buckets including the current one. Rankings
 * count votes by the hour they were first cast (vote_hourly), so "today" is the last 24 hours.
 */
export function windowStart(window: MoodWindow, now: number = Date.now()): number {
  return Math.floor(now / HOUR_MS) * HOUR_MS - (MOOD_WINDOWS[window] - 1) * HOUR_MS;
}

export type MoodLeader = {
  mood: Mood;
  slug: string;
  title: string;
  sectionName: string;
  moodVotes: number;
  totalVotes: number;
};

/**
 * Votes per story (and per mood, or for one mood) cast in the window, summed from the covering
 * index on vote_hourly (hour, mood, article_id, count) without reading the table: a week is ~7,000
 * hourly rows on the benchmark database, a month ~33,000. `indexed by` because SQLite, without
 * statistics, would rather walk the whole table in primary-key order to skip the GROUP BY sort
 * (SQLite-only syntax, like articles_rank_idx: dialect().indexedBy() is nothing on PostgreSQL). Only
 * public stories count, checked from articles_rank_idx (no story row read). Aliases are quoted: PostgreSQL
 * folds unquoted names to lower case.
 */
const windowCounts = (start: number, now: number, byMood: boolean) => sql`
  select counted.article_id as "articleId", ${byMood ? sql`counted.mood as mood,` : sql``} counted.votes as votes
  from (
    select article_id, ${byMood ? sql`mood,` : sql``} sum(count) as votes
    from ${voteHourly} ${dialect().indexedBy('vote_hourly_hour_idx')}
    where hour >= ${start}
    group by article_id${byMood ? sql`, mood` : sql``}
  ) counted
  join ${articles} ${dialect().indexedBy('articles_rank_idx')} on ${articles.id} = counted.article_id
  where ${isPublic(now)}`;

/** Title, slug, section and date of a few stories, by id. */
async function storyDetails(ids: number[]) {
  if (ids.length === 0)
    return new Map<
      number,
      { slug: string; title: string; standfirst: string; sectionName: string; publishedAt: number }
    >();
  const rows = await db()
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      sectionName: sections.name,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids));
  return new Map(rows.map((r) => [r.id, { ...r, publishedAt: r.publishedAt ?? 0 }]));
}

/**
 * For each mood, the public story with the most votes of that mood cast in the window, among stories
 * with at least `minVotes` votes cast in it. Ties go to the higher share, then the newer story.
 */
export async function listMoodLeaders({
  window,
  minVotes,
  now = Date.now(),
}: {
  window: MoodWindow;
  minVotes: number;
  now?: number;
}): Promise<MoodLeader[]> {
  const rows = await rawRows<{ articleId: number; mood: Mood; votes: number }>(
    windowCounts(windowStart(window, now), now, true),
  );
  const totals = new Map<number, number>();
  for (const r of rows) totals.set(r.articleId, (totals.get(r.articleId) ?? 0) + r.votes);
  const candidates = rows.filter((r) => r.votes > 0 && (totals.get(r.articleId) ?? 0) >= minVotes);
  // Dates only for the stories that can win, to break ties.
  const published = new Map(
    candidates.length === 0
      ? []
      : (
          await db()
            .select({ id: articles.id, publishedAt: articles.publishedAt })
            .from(articles)
            .where(inArray(articles.id, [...new Set(candidates.map((r) => r.articleId))]))
        ).map((a) => [a.id, a.publishedAt ?? 0] as const),
  );

  const best = new Map<Mood, (typeof rows)[number]>();
  for (const r of candidates) {
    const current = best.get(r.mood);
    if (!current) {
      best.set(r.mood, r);
      continue;
    }
    const total = totals.get(r.articleId)!;
    const bestTotal = totals.get(current.articleId)!;
    const better =
      r.votes - current.votes ||
      r.votes / total - current.votes / bestTotal ||
      (published.get(r.articleId) ?? 0) - (published.get(current.articleId) ?? 0) ||
      r.articleId - current.articleId;
    if (better > 0) best.set(r.mood, r);
  }
  const details = await storyDetails([...new Set(Array.from(best, ([, r]) => r.articleId))]);
  return MOODS.flatMap((mood) => {
    const r = best.get(mood);
    const story = r && details.get(r.articleId);
    if (!r || !story) return [];
    return [
      {
        mood,
        slug: story.slug,
        title: story.title,
        sectionName: story.sectionName,
        moodVotes: r.votes,
        totalVotes: totals.get(r.articleId)!,
      },
    ];
  });
}

export type MoodRankingRow = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  sectionName: string;
  publishedAt: number;
  moodVotes: number;
  totalVotes: number;
  /** moodVotes / totalVotes, 0–1 */
  share: number;
};

/**
 * Public stories ranked by the share of `mood` among the votes cast in the window, for stories with
 * at least `minVotes` of them; ties go to more votes of the mood, then to the newer story.
 * `sectionIds` narrows to a section and its subsections.
 */
export async function listMoodRanking({
  mood,
  window,
  minVotes,
  sectionIds,
  limit = 20,
  now = Date.now(),
}: {
  mood: Mood;
  window: MoodWindow;
  minVotes: number;
  sectionIds?: number[];
  limit?: number;
  now?: number;
}): Promise<MoodRankingRow[]> {
  // The order is decided from the indexes alone; only the stories shown are read.
  const ranked = await rawRows<{ id: number; moodVotes: number; totalVotes: number }>(sql`
    with counted as (
      select article_id, sum(case when mood = ${mood} then count else 0 end) as mood_votes, sum(count) as total_votes
      from ${voteHourly} ${dialect().indexedBy('vote_hourly_hour_idx')}
      where hour >= ${windowStart(window, now)}
      group by article_id
    )
    select ${articles.id} as id, counted.mood_votes as "moodVotes", counted.total_votes as "totalVotes"
    from counted
    join ${articles} ${dialect().indexedBy('articles_rank_idx')} on ${articles.id} = counted.article_id
    where counted.total_votes >= ${minVotes} and counted.mood_votes > 0 and ${isPublic(now)}
      ${sectionIds ? sql`and ${inArray(articles.sectionId, sectionIds)}` : sql``}
    order by cast(counted.mood_votes as real) / counted.total_votes desc, counted.mood_votes desc,
      ${articles.publishedAt} desc, ${articles.id} desc
    limit ${limit}`);
  const details = await storyDetails(ranked.map((r) => r.id));
  return ranked.flatMap((r) => {
    const story = details.get(r.id);
    if (!story) return [];
    const moodVotes = Number(r.moodVotes);
    const totalVotes = Number(r.totalVotes);
    return [{ id: r.id, ...story, moodVotes, totalVotes, share: moodVotes / totalVotes }];
  });
}
