import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db, transaction } from '@/db/engine';
import { articles, rateLimits, shareClicks } from '@/db/schema';
import type { ShareNetwork } from '@/lib/domain/share-networks';
import { countInWindow } from './throttle';
import { isPublic } from './visibility';

/** What a share needs to know about a story; only public stories have one. */
export type ShareTarget = { id: number; slug: string; title: string; standfirst: string };

/** UTC day of a moment, YYYY-MM-DD: the bucket share clicks are counted in. */
export const shareDay = (at: number) => new Date(at).toISOString().slice(0, 10);

const targetColumns = { id: articles.id, slug: articles.slug, title: articles.title, standfirst: articles.standfirst };

/** A public story by slug, for the share endpoints. Drafts and scheduled stories are undefined. */
export async function getShareTarget(slug: string, now: number = Date.now()): Promise<ShareTarget | undefined> {
  const [target] = await db()
    .select(targetColumns)
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublic(now)))
    .limit(1);
  return target;
}

const MINUTE_MS = 60_000;

export type ShareCount =
  { target: ShareTarget; counted: true } | { target: ShareTarget; counted: false; retryAfterSeconds: number };

/**
 * Counts one share of a public story on `network` in today's (UTC) bucket, in one transaction with
 * the visibility check and the per-address limit, and returns the story. Undefined, and nothing
 * written, when the story is not public. Over the limit (`perIpPerMinute` shares per client address
 * hash in a fixed one-minute window, as for votes) nothing is counted: `counted: false`. The limit is
 * the window upsert's own WHERE, so concurrent shares from one address cannot both take the last place.
 */
export async function recordShareClick(
  slug: string,
  network: ShareNetwork,
  {
    ipHash = '',
    perIpPerMinute = 0,
    now = Date.now(),
  }: { ipHash?: string; perIpPerMinute?: number; now?: number } = {},
): Promise<ShareCount | undefined> {
  return transaction(async (tx): Promise<ShareCount | undefined> => {
    const [target] = await tx
      .select(targetColumns)
      .from(articles)
      .where(and(eq(articles.slug, slug), isPublic(now)))
      .limit(1);
    if (!target) return undefined;
    if (ipHash && perIpPerMinute > 0) {
      const window = Math.floor(now / MINUTE_MS) * MINUTE_MS;
      if (!(await countInWindow(tx, `share:ip:${ipHash}`, window, perIpPerMinute))) {
        return {
          target,
          counted: false,
          retryAfterSeconds: Math.max(1, Math.ceil((window + MINUTE_MS - now) / 1000)),
        };
      }
    }
    await tx
      .insert(shareClicks)
      .values({ articleId: target.id, network, day: shareDay(now), count: 1 })
      .onConflictDoUpdate({
        target: [shareClicks.articleId, shareClicks.network, shareClicks.day],
        set: { count: sql`${shareClicks.count} + 1` },
      });
    return { target, counted: true };
  });
}

/** Drops share rate-limit windows that ended more than a minute ago. */
export async function pruneShareRateLimits(now: number = Date.now()): Promise<number> {
  const pruned = await transaction((tx) =>
    tx
      .delete(rateLimits)
      .where(
        and(
          sql`${rateLimits.key} >= 'share:' and ${rateLimits.key} < 'share;'`,
          sql`${rateLimits.windowStart} < ${now - 2 * MINUTE_MS}`,
        ),
      )
      .returning({ key: rateLimits.key }),
  );
  return pruned.length;
}

/** Share counts of one story per network, all days added up: for staff, never shown to readers. */
export async function countSharesByNetwork(articleId: number): Promise<Record<string, number>> {
  const rows = await db()
    .select({ network: shareClicks.network, n: sql<number>`sum(${shareClicks.count})` })
    .from(shareClicks)
    .where(eq(shareClicks.articleId, articleId))
    .groupBy(shareClicks.network);
  return Object.fromEntries(rows.map((r) => [r.network, r.n]));
}
