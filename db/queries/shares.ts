import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, shareClicks } from '@/db/schema';
import type { ShareNetwork } from '@/lib/share-networks';
import { isPublic } from './visibility';

/** What a share needs to know about a story; only public stories have one. */
export type ShareTarget = { id: number; slug: string; title: string; standfirst: string };

/** UTC day of a moment, YYYY-MM-DD: the bucket share clicks are counted in. */
export const shareDay = (at: number) => new Date(at).toISOString().slice(0, 10);

const targetColumns = { id: articles.id, slug: articles.slug, title: articles.title, standfirst: articles.standfirst };

/** A public story by slug, for the share endpoints. Drafts and scheduled stories are undefined. */
export function getShareTarget(slug: string, now: number = Date.now()): ShareTarget | undefined {
  return getDb()
    .select(targetColumns)
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublic(now)))
    .get();
}

/**
 * Counts one share of a public story on `network` in today's (UTC) bucket, in one transaction with
 * the visibility check, and returns the story. Undefined, and nothing written, when the story is not
 * public.
 */
export function recordShareClick(slug: string, network: ShareNetwork, now: number = Date.now()): ShareTarget | undefined {
  return getDb().transaction((tx) => {
    const target = tx
      .select(targetColumns)
      .from(articles)
      .where(and(eq(articles.slug, slug), isPublic(now)))
      .get();
    if (!target) return undefined;
    tx.insert(shareClicks)
      .values({ articleId: target.id, network, day: shareDay(now), count: 1 })
      .onConflictDoUpdate({
        target: [shareClicks.articleId, shareClicks.network, shareClicks.day],
        set: { count: sql`${shareClicks.count} + 1` },
      })
      .run();
    return target;
  });
}

/** Share counts of one story per network, all days added up: for staff, never shown to readers. */
export function countSharesByNetwork(articleId: number): Record<string, number> {
  const rows = getDb()
    .select({ network: shareClicks.network, n: sql<number>`sum(${shareClicks.count})` })
    .from(shareClicks)
    .where(eq(shareClicks.articleId, articleId))
    .groupBy(shareClicks.network)
    .all();
  return Object.fromEntries(rows.map((r) => [r.network, r.n]));
}
