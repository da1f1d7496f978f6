// Scheduled stories become visible by the isPublic() predicate alone; releasing them flips their
// status to published so the cached pages that still lack them can be refreshed once, and the
// newsroom's counts say what readers see.
import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles } from '@/db/schema';
import { recordAudit } from './audit';

const due = (now: number) => and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now));

export function countDueScheduledStories(now = Date.now()): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(articles)
      .where(due(now))
      .get()?.n ?? 0
  );
}

/** Marks every scheduled story whose time has come as published (audited), in one transaction. */
export function releaseDueScheduledStories(now = Date.now()): { id: number; slug: string; sectionId: number }[] {
  return getDb().transaction((tx) => {
    const rows = tx
      .select({ id: articles.id, slug: articles.slug, sectionId: articles.sectionId })
      .from(articles)
      .where(due(now))
      .all();
    for (const row of rows) {
      tx.update(articles).set({ status: 'published', updatedAt: now }).where(eq(articles.id, row.id)).run();
      recordAudit(
        tx,
        { actorId: null, action: 'story.release', objectType: 'story', objectId: row.id, detail: { slug: row.slug } },
        now,
      );
    }
    return rows;
  });
}
