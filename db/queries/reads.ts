// Story reads: the hourly counts lib/reads/counter.ts adds in batches (decision 042), and what the home
// page ("Most read") and the insights pages show of them, beside the votes of vote_hourly. Both engines.
import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db, rows, transaction } from '@/db/engine';
import { articleReads, articles, sections } from '@/db/schema';
import { isPublic } from './visibility';

export const HOUR_MS = 3_600_000;
// Inlined, not bound: better-sqlite3 binds JS numbers as REAL, and REAL division would not truncate.
const DAY = sql.raw(String(86_400_000));

export const hourOf = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** One batch line: reads of a story in an hour. */
export type ReadCount = { articleId: number; hour: number; count: number };

// PostgreSQL takes at most 65,535 bound values per statement; three per row.
const ROWS_PER_INSERT = 500;

/** Whether readers may see this story now: only such stories are counted. */
export async function isReadableStory(id: number, now = Date.now()): Promise<boolean> {
  const [row] = await db()
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, id), isPublic(now)))
    .limit(1);
  return row !== undefined;
}

/**
 * Adds a batch of counts in one transaction: one upsert per 500 lines, never a write per read. Lines
 * of stories that no longer exist (deleted since they were counted) are left out. Returns the reads
 * written.
 */
export async function addReads(batch: readonly ReadCount[]): Promise<number> {
  const lines = batch.filter((l) => l.count > 0);
  if (lines.length === 0) return 0;
  return transaction(async (tx) => {
    const ids = [...new Set(lines.map((l) => l.articleId))];
    const existing = new Set<number>();
    for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
      const found = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(inArray(articles.id, ids.slice(i, i + ROWS_PER_INSERT)));
      for (const r of found) existing.add(r.id);
    }
    const kept = lines.filter((l) => existing.has(l.articleId));
    for (let i = 0; i < kept.length; i += ROWS_PER_INSERT) {
      await tx
        .insert(articleReads)
        .values(kept.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoUpdate({
          target: [articleReads.articleId, articleReads.hour],
          set: { count: sql`${articleReads.count} + excluded.count` },
        });
    }
    return kept.reduce((n, l) => n + l.count, 0);
  });
}

export type MostReadStory = { id: number; slug: string; title: string; sectionName: string; reads: number };

/** Public stories by reads in the last `hours` counted hours (the current one included), most read first. */
export async function listMostRead({
  hours = 24,
  limit = 5,
  now = Date.now(),
}: {
  hours?: number;
  limit?: number;
  now?: number;
}): Promise<MostReadStory[]> {
  const from = now - hours * HOUR_MS;
  const totals = db()
    .$with('totals')
    .as(
      db()
        .select({ articleId: articleReads.articleId, reads: sql<number>`sum(${articleReads.count})`.as('reads') })
        .from(articleReads)
        .where(sql`${articleReads.hour} >= ${hourOf(from)}`)
        .groupBy(articleReads.articleId),
    );
  const found = await db()
    .with(totals)
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      sectionName: sections.name,
      reads: totals.reads,
    })
    .from(totals)
    .innerJoin(articles, eq(articles.id, totals.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(isPublic(now))
    .orderBy(sql`${totals.reads} desc`, sql`${articles.id} desc`)
    .limit(limit);
  return found.map((r) => ({ ...r, reads: Number(r.reads) }));
}

/** The window of an insights view: [from, to) in ms, bucketed by hour or UTC day, for some sections. */
export type ReadsScope = { from: number; to: number; bucket: 'hour' | 'day'; sectionIds?: number[] };

const inSections = (ids: number[] | undefined): SQL =>
  ids
    ? sql` and a.section_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;

const bucketOf = (bucket: 'hour' | 'day', column: SQL) =>
  bucket === 'hour' ? column : sql`(${column} / ${DAY}) * ${DAY}`;

/** Reads in the window by bucket (buckets without reads left out). */
export async function listReadsByBucket(scope: ReadsScope): Promise<{ start: number; reads: number }[]> {
  const found = await rows<{ start: number; reads: number }>(sql`
    select ${bucketOf(scope.bucket, sql`r.hour`)} as start, sum(r.count) as reads
    from article_reads r join articles a on a.id = r.article_id
    where r.hour >= ${scope.from} and r.hour < ${scope.to}${inSections(scope.sectionIds)}
    group by 1 order by 1`);
  return found.map((r) => ({ start: Number(r.start), reads: Number(r.reads) }));
}

/** Reads and votes of one story, a section or the site over the window. */
export type ReadRate = { reads: number; votes: number };

/**
 * Mood votes per 100 reads: votes cast in the window for every 100 reads counted in it. Undefined
 * without reads (no rate to show, rather than a division by zero or an infinite one).
 */
export const votesPer100Reads = ({ reads, votes }: ReadRate): number | undefined =>
  reads > 0 ? (votes * 100) / reads : undefined;

export type StoryReadRow = ReadRate & { id: number; title: string; sectionName: string };
export type SectionReadRow = ReadRate & { id: number; name: string };

// Reads and votes per story in the window, for the stories of the scope with any of either.
const perStory = (scope: ReadsScope) => sql`
  with r as (
    select article_id, sum(count) as reads from article_reads
    where hour >= ${scope.from} and hour < ${scope.to} group by article_id
  ), v as (
    select article_id, sum(count) as votes from vote_hourly
    where hour >= ${scope.from} and hour < ${scope.to} group by article_id
  ), s as (
    select coalesce(r.article_id, v.article_id) as article_id, coalesce(r.reads, 0) as reads,
      coalesce(v.votes, 0) as votes
    from r full outer join v on v.article_id = r.article_id
  )`;

/** The most-read stories of the scope, with their votes in the same window. */
export async function listStoryReadRates(scope: ReadsScope, limit = 10): Promise<StoryReadRow[]> {
  const found = await rows<StoryReadRow>(sql`${perStory(scope)}
    select a.id as id, a.title as title, sec.name as "sectionName", s.reads as reads, s.votes as votes
    from s join articles a on a.id = s.article_id join sections sec on sec.id = a.section_id
    where s.reads > 0${inSections(scope.sectionIds)}
    order by s.reads desc, a.id desc limit ${limit}`);
  return found.map((r) => ({ ...r, id: Number(r.id), reads: Number(r.reads), votes: Number(r.votes) }));
}

/** Reads and votes per section (a story counts in its own section), sections with reads first. */
export async function listSectionReadRates(scope: ReadsScope): Promise<SectionReadRow[]> {
  const found = await rows<SectionReadRow>(sql`${perStory(scope)}
    select sec.id as id, sec.name as name, sum(s.reads) as reads, sum(s.votes) as votes
    from s join articles a on a.id = s.article_id join sections sec on sec.id = a.section_id
    where 1 = 1${inSections(scope.sectionIds)}
    group by sec.id, sec.name
    order by 3 desc, 4 desc, 2`);
  return found.map((r) => ({ id: Number(r.id), name: r.name, reads: Number(r.reads), votes: Number(r.votes) }));
}

/** One story's reads and votes over the window. */
export async function getStoryReadRate(id: number, scope: Pick<ReadsScope, 'from' | 'to'>): Promise<ReadRate> {
  const [row] = await rows<ReadRate>(sql`
    select
      (select coalesce(sum(count), 0) from article_reads
        where article_id = ${id} and hour >= ${scope.from} and hour < ${scope.to}) as reads,
      (select coalesce(sum(count), 0) from vote_hourly
        where article_id = ${id} and hour >= ${scope.from} and hour < ${scope.to}) as votes`);
  return { reads: Number(row?.reads ?? 0), votes: Number(row?.votes ?? 0) };
}

/** One story's reads over the window, by bucket. */
export async function listStoryReadsByBucket(
  id: number,
  scope: Pick<ReadsScope, 'from' | 'to' | 'bucket'>,
): Promise<{ start: number; reads: number }[]> {
  const found = await rows<{ start: number; reads: number }>(sql`
    select ${bucketOf(scope.bucket, sql`hour`)} as start, sum(count) as reads from article_reads
    where article_id = ${id} and hour >= ${scope.from} and hour < ${scope.to}
    group by 1 order by 1`);
  return found.map((r) => ({ start: Number(r.start), reads: Number(r.reads) }));
}
