import 'server-only';
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, sections, voteHourly, type Mood } from '@/db/schema';
import { MOODS } from '@/lib/moods';
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
 * For each mood, the public story with the most votes of that mood cast in the window, among stories
 * with at least `minVotes` votes cast in it. Ties go to the higher share, then the newer story.
 */
export function listMoodLeaders({ window, minVotes, now = Date.now() }: { window: MoodWindow; minVotes: number; now?: number }): MoodLeader[] {
  const rows = getDb()
    .select({
      articleId: voteHourly.articleId,
      mood: voteHourly.mood,
      votes: sql<number>`sum(${voteHourly.count})`.mapWith(Number),
      slug: articles.slug,
      title: articles.title,
      publishedAt: articles.publishedAt,
      sectionName: sections.name,
    })
    .from(voteHourly)
    .innerJoin(articles, eq(articles.id, voteHourly.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(gte(voteHourly.hour, windowStart(window, now)), isPublic(now)))
    .groupBy(voteHourly.articleId, voteHourly.mood)
    .all();

  const totals = new Map<number, number>();
  for (const r of rows) totals.set(r.articleId, (totals.get(r.articleId) ?? 0) + r.votes);

  const leaders: MoodLeader[] = [];
  for (const mood of MOODS) {
    let best: (typeof rows)[number] | undefined;
    for (const r of rows) {
      const total = totals.get(r.articleId) ?? 0;
      if (r.mood !== mood || r.votes <= 0 || total < minVotes) continue;
      if (!best) {
        best = r;
        continue;
      }
      const bestTotal = totals.get(best.articleId) ?? 1;
      const better =
        r.votes - best.votes || r.votes / total - best.votes / bestTotal || (r.publishedAt ?? 0) - (best.publishedAt ?? 0) || r.articleId - best.articleId;
      if (better > 0) best = r;
    }
    if (best) {
      leaders.push({
        mood,
        slug: best.slug,
        title: best.title,
        sectionName: best.sectionName,
        moodVotes: best.votes,
        totalVotes: totals.get(best.articleId) ?? best.votes,
      });
    }
  }
  return leaders;
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
export function listMoodRanking({
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
}): MoodRankingRow[] {
  const db = getDb();
  const counted = db
    .select({
      articleId: voteHourly.articleId,
      moodVotes: sql<number>`sum(case when ${voteHourly.mood} = ${mood} then ${voteHourly.count} else 0 end)`.as('mood_votes'),
      totalVotes: sql<number>`sum(${voteHourly.count})`.as('total_votes'),
    })
    .from(voteHourly)
    .where(gte(voteHourly.hour, windowStart(window, now)))
    .groupBy(voteHourly.articleId)
    .as('counted');
  const share = sql<number>`cast(${counted.moodVotes} as real) / ${counted.totalVotes}`;
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      sectionName: sections.name,
      publishedAt: articles.publishedAt,
      moodVotes: counted.moodVotes,
      totalVotes: counted.totalVotes,
      share: share.mapWith(Number),
    })
    .from(counted)
    .innerJoin(articles, eq(articles.id, counted.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(
      and(
        isPublic(now),
        gte(counted.totalVotes, minVotes),
        sql`${counted.moodVotes} > 0`,
        sectionIds ? inArray(articles.sectionId, sectionIds) : undefined,
      ),
    )
    .orderBy(desc(share), desc(counted.moodVotes), desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, publishedAt: r.publishedAt ?? 0, moodVotes: Number(r.moodVotes), totalVotes: Number(r.totalVotes) }));
}
