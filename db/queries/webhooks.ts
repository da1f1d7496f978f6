// Webhooks and their delivery log (decision 045), on both engines. A story change writes one delivery
// row per active webhook inside the change's own transaction (decision 062); the worker (lib/webhooks/worker.ts) claims
// due rows, posts them and records each attempt here.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db, dialect, lockKey, rows, transaction, type AppDb } from '@/db/engine';
import { recordAudit } from './audit';
import { staffTransaction } from './staff-guard';
import { articles, sections, settings, webhookDeliveries, webhooks } from '@/db/schema';
import { absoluteUrl, articlePath } from '@/lib/domain/routes';
import type { WebhookEvent } from '@/lib/domain/webhook-events';

export type { WebhookEvent } from '@/lib/domain/webhook-events';

/** The settings key of "webhooks may target private and loopback addresses" (off unless set). */
const ALLOW_PRIVATE_KEY = 'webhooks.allow_private';
/** At most this many webhooks: each story change writes one row per webhook. */
export const MAX_WEBHOOKS = 20;

async function audit(
  tx: AppDb,
  actorId: number,
  action: string,
  objectId: number,
  detail: Record<string, unknown>,
  now: number,
) {
  await recordAudit(tx, { actorId, action, objectType: 'webhook', objectId, detail }, now);
}

export type WebhookSummary = {
  id: number;
  url: string;
  secret: string;
  active: boolean;
  createdAt: number;
};

export async function listWebhooks(): Promise<WebhookSummary[]> {
  return db()
    .select({
      id: webhooks.id,
      url: webhooks.url,
      secret: webhooks.secret,
      active: webhooks.active,
      createdAt: webhooks.createdAt,
    })
    .from(webhooks)
    .orderBy(asc(webhooks.id));
}

/** A new webhook with a fresh secret; undefined when the site already has MAX_WEBHOOKS. */
export async function createWebhook(
  actorId: number,
  url: string,
  now = Date.now(),
): Promise<{ id: number; secret: string } | undefined> {
  const secret = randomBytes(32).toString('base64url');
  return staffTransaction(async (tx) => {
    // One creation at a time (PostgreSQL), so that simultaneous ones cannot all pass the count.
    await lockKey(tx, 'webhooks:create');
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)` }).from(webhooks)) as [{ n: number }];
    if (Number(n) >= MAX_WEBHOOKS) return undefined;
    const [row] = await tx
      .insert(webhooks)
      .values({ url, secret, active: true, createdBy: actorId, createdAt: now, updatedAt: now })
      .returning({ id: webhooks.id });
    await audit(tx, actorId, 'webhook.create', row!.id, { url }, now);
    return { id: row!.id, secret };
  });
}

export async function setWebhookActive(actorId: number, id: number, active: boolean, now = Date.now()) {
  return staffTransaction(async (tx) => {
    const changed = await tx
      .update(webhooks)
      .set({ active, updatedAt: now })
      .where(eq(webhooks.id, id))
      .returning({ id: webhooks.id });
    if (changed.length) await audit(tx, actorId, active ? 'webhook.enable' : 'webhook.disable', id, {}, now);
    return changed.length === 1;
  });
}

/** Removes the webhook and its delivery log. */
export async function deleteWebhook(actorId: number, id: number, now = Date.now()): Promise<boolean> {
  return staffTransaction(async (tx) => {
    const removed = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning({ url: webhooks.url });
    if (removed.length) await audit(tx, actorId, 'webhook.delete', id, { url: removed[0]!.url }, now);
    return removed.length === 1;
  });
}

export async function allowPrivateTargets(): Promise<boolean> {
  const [row] = await db().select({ value: settings.value }).from(settings).where(eq(settings.key, ALLOW_PRIVATE_KEY));
  return row?.value === '1';
}

export async function setAllowPrivateTargets(actorId: number, allow: boolean, now = Date.now()): Promise<void> {
  await staffTransaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: ALLOW_PRIVATE_KEY, value: allow ? '1' : '0' })
      .onConflictDoUpdate({ target: settings.key, set: { value: allow ? '1' : '0' } });
    await audit(tx, actorId, allow ? 'webhook.allow-private' : 'webhook.refuse-private', 0, {}, now);
  });
}

/** The JSON body every webhook gets for this change of this story (small: no text, no HTML). */
async function storyPayload(tx: AppDb, event: WebhookEvent, articleId: number, now: number): Promise<string | null> {
  const [story] = await tx
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      publishedAt: articles.publishedAt,
      revisedAt: articles.revisedAt,
      section: sections.slug,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!story) return null;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return JSON.stringify({
    event,
    occurredAt: new Date(now).toISOString(),
    story: {
      id: story.id,
      slug: story.slug,
      title: story.title,
      section: story.section,
      url: absoluteUrl(articlePath(story.slug)),
      api: event === 'story.unpublished' ? null : absoluteUrl(`/api/v1/stories/${story.slug}`),
      publishedAt: event === 'story.unpublished' ? null : iso(story.publishedAt),
      updatedAt: event === 'story.unpublished' ? null : iso(story.revisedAt ?? story.publishedAt),
    },
  });
}

export type StoryChange = { event: WebhookEvent | null; articleId: number };

/**
 * Writes one pending delivery per active webhook for each change, inside the change's own
 * transaction: a story is never published without its deliveries. Returns how many were written.
 */
export async function enqueueStoryEventsIn(tx: AppDb, changes: StoryChange[], now = Date.now()): Promise<number> {
  const real = changes.filter((c): c is { event: WebhookEvent; articleId: number } => c.event !== null);
  if (!real.length) return 0;
  const targets = await tx.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.active, true));
  if (!targets.length) return 0;
  let written = 0;
  for (const change of real) {
    const payload = await storyPayload(tx, change.event, change.articleId, now);
    if (payload === null) continue;
    await tx.insert(webhookDeliveries).values(
      targets.map((t) => ({
        webhookId: t.id,
        event: change.event,
        articleId: change.articleId,
        payload,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
    written += targets.length;
  }
  return written;
}

/** enqueueStoryEventsIn in a transaction of its own. */
export async function enqueueStoryEvents(changes: StoryChange[], now = Date.now()): Promise<number> {
  return transaction((tx) => enqueueStoryEventsIn(tx, changes, now));
}

export type ClaimedDelivery = {
  id: number;
  webhookId: number;
  event: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
};

/**
 * Takes up to `limit` due deliveries for one attempt, held for `holdMs`: a second worker (another
 * server, or a tick while this one still runs) skips them. The hold also brings back a delivery whose
 * server stopped mid-attempt.
 */
export async function claimDueDeliveries(limit: number, holdMs: number, now = Date.now()): Promise<ClaimedDelivery[]> {
  const due = and(
    eq(webhookDeliveries.status, 'pending'),
    lte(webhookDeliveries.nextAttemptAt, now),
    lte(webhookDeliveries.lockedUntil, now),
  );
  const ids = await transaction(async (tx) => {
    // Several servers claim at once (PostgreSQL): each locks the rows it picks and passes over those
    // another has locked, so each claims different deliveries and none stops early (decision 056).
    const candidates = await rows<{ id: number }>(
      sql`select ${webhookDeliveries.id} as id from ${webhookDeliveries} where ${due}
          order by ${webhookDeliveries.nextAttemptAt}, ${webhookDeliveries.id} limit ${limit}
          ${dialect().forUpdateSkipLocked()}`,
      tx,
    );
    if (!candidates.length) return [];
    // Re-checked row by row: a row another server claimed and committed meanwhile no longer matches.
    const claimed = await tx
      .update(webhookDeliveries)
      .set({ lockedUntil: now + holdMs })
      .where(
        and(
          inArray(
            webhookDeliveries.id,
            candidates.map((c) => c.id),
          ),
          due,
        ),
      )
      .returning({ id: webhookDeliveries.id });
    return claimed.map((c) => c.id);
  });
  if (!ids.length) return [];
  return db()
    .select({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      event: webhookDeliveries.event,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      url: webhooks.url,
      secret: webhooks.secret,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(inArray(webhookDeliveries.id, ids))
    .orderBy(asc(webhookDeliveries.id));
}

export type AttemptResult = { ok: boolean; status: number | null; error: string };

/**
 * Records one attempt of a claimed delivery: delivered, or pending again at `retryAt`, or failed when
 * `retryAt` is null (no attempts left).
 */
export async function recordAttempt(
  id: number,
  result: AttemptResult,
  retryAt: number | null,
  now = Date.now(),
): Promise<void> {
  await transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        status: result.ok ? 'delivered' : retryAt === null ? 'failed' : 'pending',
        nextAttemptAt: result.ok || retryAt === null ? now : retryAt,
        lockedUntil: 0,
        responseStatus: result.status,
        error: result.error.slice(0, 300),
        updatedAt: now,
      })
      .where(eq(webhookDeliveries.id, id));
  });
}

export type DeliveryLogEntry = {
  id: number;
  webhookId: number;
  event: string;
  articleId: number;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  responseStatus: number | null;
  error: string;
  createdAt: number;
  updatedAt: number;
};

/** The newest deliveries, all webhooks or one. */
export async function listDeliveries({ webhookId, limit = 50 }: { webhookId?: number; limit?: number } = {}) {
  return (await db()
    .select({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      event: webhookDeliveries.event,
      articleId: webhookDeliveries.articleId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      responseStatus: webhookDeliveries.responseStatus,
      error: webhookDeliveries.error,
      createdAt: webhookDeliveries.createdAt,
      updatedAt: webhookDeliveries.updatedAt,
    })
    .from(webhookDeliveries)
    .where(webhookId === undefined ? undefined : eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit)) as DeliveryLogEntry[];
}

/** Deliveries finished more than `olderThanMs` ago are dropped, so the log stays bounded. */
export async function pruneDeliveries(olderThanMs: number, now = Date.now()): Promise<number> {
  return transaction(async (tx) => {
    const removed = await tx
      .delete(webhookDeliveries)
      .where(
        and(
          inArray(webhookDeliveries.status, ['delivered', 'failed']),
          lte(webhookDeliveries.updatedAt, now - olderThanMs),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    return removed.length;
  });
}
