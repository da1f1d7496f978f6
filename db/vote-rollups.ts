// Rebuilds a story's vote rollups (vote_tallies, vote_hourly) from its vote rows. The vote path keeps
// them exact one vote at a time (db/queries/votes.ts); moderation voids many votes at once and calls
// this inside the same transaction, and tests call it after planting votes straight into the file.
// No Next.js imports, so scripts and Playwright tests can use it too.
import { sql, type SQL } from 'drizzle-orm';
import type { DB } from './client';
import { execute, type AppDb } from './engine';

const HOUR_MS = 3_600_000;
// Inlined, not bound: better-sqlite3 binds JS numbers as REAL, and REAL division would not truncate to the hour.
const HOUR = sql.raw(String(HOUR_MS));

type Runner = Pick<DB, 'run'>;

/**
 * The statements that set the story's tallies to COUNT(*) of its non-voided votes by mood, and its
 * hourly rollup to the same counted by the hour each vote was first cast. `hours` limits the hourly
 * rebuild to the hours touching [from, to] (the hours a void changed); the tallies are always rebuilt
 * whole. Plain SQL both engines run.
 */
function rollupStatements(articleId: number, hours?: { from: number; to: number }): SQL[] {
  const from = hours ? Math.floor(hours.from / HOUR_MS) * HOUR_MS : undefined;
  const to = hours ? Math.floor(hours.to / HOUR_MS) * HOUR_MS + HOUR_MS : undefined;
  const range = from === undefined || to === undefined ? sql`` : sql` and hour >= ${from} and hour < ${to}`;
  const createdRange =
    from === undefined || to === undefined ? sql`` : sql` and created_at >= ${from} and created_at < ${to}`;
  return [
    sql`update vote_tallies set count = 0 where article_id = ${articleId}`,
    sql`insert into vote_tallies (article_id, mood, count)
    select article_id, mood, count(*) from votes where article_id = ${articleId} and voided_at is null
    group by article_id, mood
    on conflict (article_id, mood) do update set count = excluded.count`,
    sql`delete from vote_hourly where article_id = ${articleId}${range}`,
    sql`insert into vote_hourly (article_id, hour, mood, count)
    select article_id, (created_at / ${HOUR}) * ${HOUR}, mood, count(*) from votes
    where article_id = ${articleId} and voided_at is null${createdRange}
    group by article_id, 2, mood`,
  ];
}

/**
 * Rebuilds the rollups on a synchronous SQLite connection (tests and scripts that plant votes straight
 * into a file).
 */
export function recomputeVoteRollups(db: Runner, articleId: number, hours?: { from: number; to: number }): void {
  for (const statement of rollupStatements(articleId, hours)) db.run(statement);
}

/** Rebuilds the rollups inside a transaction of db/engine, on either engine. */
export async function recomputeVoteRollupsIn(
  tx: AppDb,
  articleId: number,
  hours?: { from: number; to: number },
): Promise<void> {
  for (const statement of rollupStatements(articleId, hours)) await execute(statement, tx);
}
