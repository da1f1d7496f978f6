// The demo's seeded activity (db/seed/demo-activity.ts, decision 044): whether a site still has it, and
// taking it away: demo votes (reader ids `demo:…`) are deleted and their stories' vote rollups rebuilt
// from the votes that remain; what the demo added to the read and share counters is subtracted, so
// real reads and shares counted since the install stay. One transaction, both engines.
import { sql, type SQL } from 'drizzle-orm';
import { db, dialect, execute, rows, transaction } from '@/db/engine';
import { demoActivity } from '@/db/schema';
import { recomputeVoteRollupsIn } from '../vote-rollups';

const DEMO_READERS = sql.raw(`'demo:%'`);

export type DemoActivityCounts = { votes: number; reads: number; shares: number };

/** What of the demo activity is still there (all zero once removed, or on a site seeded without it). */
export async function countDemoActivity(): Promise<DemoActivityCounts> {
  const [row] = await rows<DemoActivityCounts>(sql`select
    (select count(*) from votes where reader_id like ${DEMO_READERS}) as votes,
    (select coalesce(sum(count), 0) from demo_activity where kind = 'read') as reads,
    (select coalesce(sum(count), 0) from demo_activity where kind = 'share') as shares`);
  return { votes: Number(row?.votes ?? 0), reads: Number(row?.reads ?? 0), shares: Number(row?.shares ?? 0) };
}

/** Removes the demo activity; returns what it removed. Running it again removes nothing. */
export async function removeDemoActivity(): Promise<DemoActivityCounts> {
  const removed = await countDemoActivity();
  await transaction(async (tx) => {
    const stories = await rows<{ id: number }>(
      sql`select distinct article_id as id from votes where reader_id like ${DEMO_READERS}`,
      tx,
    );
    await execute(sql`delete from votes where reader_id like ${DEMO_READERS}`, tx);
    for (const { id } of stories) await recomputeVoteRollupsIn(tx, Number(id));
    const less = (demoKind: string, bucket: SQL) =>
      dialect().greatest(
        sql`count - coalesce((select d.count from demo_activity d
          where d.kind = ${demoKind} and d.article_id = t.article_id and d.bucket = ${bucket}), 0)`,
        sql`0`,
      );
    const seeded = (demoKind: string) =>
      sql`t.article_id in (select article_id from demo_activity where kind = ${demoKind})`;
    await execute(
      sql`update article_reads as t set count = ${less('read', sql`cast(t.hour as text)`)} where ${seeded('read')}`,
      tx,
    );
    await execute(
      sql`update share_clicks as t set count = ${less('share', sql`t.network || '/' || t.day`)} where ${seeded('share')}`,
      tx,
    );
    await execute(sql`delete from article_reads where count = 0`, tx);
    await execute(sql`delete from share_clicks where count = 0`, tx);
    await tx.delete(demoActivity);
  });
  return removed;
}

/** Whether any demo activity is left, for the staff area's notice. */
export async function hasDemoActivity(): Promise<boolean> {
  const [row] = await db()
    .select({ one: sql<number>`1` })
    .from(demoActivity)
    .limit(1);
  return row !== undefined;
}
