// Scheduled stories become visible by the isPublic() predicate alone; releasing them flips their
// status to published so the cached pages that still lack them can be refreshed once, and the
// newsroom's counts say what readers see.
import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { db, lockRows, transaction, tryLockKey } from '@/db/engine';
import { enqueueStoryEventsIn } from './webhooks';
import { articles } from '@/db/schema';
import { recordAudit } from './audit';

const due = (now: number) => and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now));

export async function countDueScheduledStories(now = Date.now()): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)` })
    .from(articles)
    .where(due(now));
  return row?.n ?? 0;
}

export type ReleasedStory = { id: number; slug: string; sectionId: number };

/** The release runs on one server at a time (decision 056). */
export const RELEASE_JOB_LOCK = 'job:scheduled-release';

/**
 * Marks every scheduled story whose time has come as published (audited, its webhook deliveries
 * queued), in one transaction, on one server at a time: on PostgreSQL a run first takes the release's
 * advisory lock without waiting, and when another server holds it, leaves the work to that one
 * (`ran: false`). Each story is still released once however runs meet: the due rows are locked
 * (PostgreSQL; SQLite runs write transactions one at a time) and each update is conditional on the
 * story still being scheduled.
 */
export async function releaseDueScheduledStories(
  now = Date.now(),
): Promise<{ ran: boolean; released: ReleasedStory[]; webhooks: number }> {
  return transaction(async (tx) => {
    if (!(await tryLockKey(tx, RELEASE_JOB_LOCK))) return { ran: false, released: [], webhooks: 0 };
    await lockRows(tx, articles, due(now)!);
    const candidates = await tx
      .select({ id: articles.id, slug: articles.slug, sectionId: articles.sectionId })
      .from(articles)
      .where(due(now));
    const released: ReleasedStory[] = [];
    for (const row of candidates) {
      const changed = await tx
        .update(articles)
        .set({ status: 'published', updatedAt: now })
        .where(and(eq(articles.id, row.id), eq(articles.status, 'scheduled')))
        .returning({ id: articles.id });
      if (changed.length === 0) continue;
      await recordAudit(
        tx,
        { actorId: null, action: 'story.release', objectType: 'story', objectId: row.id, detail: { slug: row.slug } },
        now,
      );
      released.push(row);
    }
    const webhooks = await enqueueStoryEventsIn(
      tx,
      released.map((r) => ({ event: 'story.published' as const, articleId: r.id })),
      now,
    );
    return { ran: true, released, webhooks };
  });
}
