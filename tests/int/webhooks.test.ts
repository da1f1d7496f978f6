// Runs on both engines. Webhooks against a real receiver on 127.0.0.1: the signature a receiver checks,
// retries with growing waits, a target that never answers, redirects, the private-address guard (by
// address and by a name that resolves to loopback), and two workers at once delivering each event once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, engineKind, transaction } from '@/db/engine';
import { articles, auditLog, users, webhookDeliveries, webhooks } from '@/db/schema';
import { verifySignature } from '@/lib/webhooks/signature';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let temp: TestDatabase;
let q: typeof import('@/db/queries/webhooks');
let worker: typeof import('@/lib/webhooks/worker');
let adminId: number;
let storyId: number;

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
let received: Received[] = [];
const failuresLeft = new Map<string, number>();
let server: http.Server;
let base: string;

beforeAll(async () => {
  process.env.WEBHOOK_RETRY_BASE_MS = '1000';
  process.env.WEBHOOK_MAX_ATTEMPTS = '3';
  process.env.WEBHOOK_TIMEOUT_MS = '400';
  temp = await createTestDatabase({ now: NOW });
  q = await import('@/db/queries/webhooks');
  worker = await import('@/lib/webhooks/worker');
  [adminId, storyId] = await transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        email: 'hooks@example.com',
        name: 'Hooks',
        role: 'admin',
        passwordHash: 'x',
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning({ id: users.id });
    const [a] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.status, 'published')).limit(1);
    return [u!.id, a!.id];
  });
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body });
      if (path.startsWith('/hang')) return; // never answers
      if (path.startsWith('/redirect')) {
        res.writeHead(302, { location: '/ok' }).end();
        return;
      }
      const left = failuresLeft.get(path) ?? 0;
      if (left > 0) {
        failuresLeft.set(path, left - 1);
        res.writeHead(500).end('not now');
        return;
      }
      res.writeHead(204).end();
    });
  });
  // Ports 4450-4459 are this branch's receivers; each engine's run takes its own.
  await new Promise<void>((resolve) => server.listen(engineKind() === 'postgres' ? 4451 : 4450, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await temp.cleanup();
});
beforeEach(async () => {
  received = [];
  await transaction(async (tx) => {
    await tx.delete(webhooks);
  });
  await q.setAllowPrivateTargets(adminId, true, NOW);
});

const deliveries = () => db().select().from(webhookDeliveries).orderBy(webhookDeliveries.id);

describe('delivery', () => {
  it('posts the event signed with the webhook secret, and logs the answer', async () => {
    const hook = await q.createWebhook(adminId, `${base}/ok?site=1`, NOW);
    expect(await q.enqueueStoryEvents([{ event: 'story.published', articleId: storyId }], NOW)).toBe(1);
    expect(await worker.runDueDeliveries(() => NOW + 1000)).toBe(1);

    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got!.path).toBe('/ok?site=1');
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers['x-moodwire-event']).toBe('story.published');
    expect(got!.headers['x-moodwire-timestamp']).toBe(String(Math.floor((NOW + 1000) / 1000)));
    const signature = String(got!.headers['x-moodwire-signature']);
    expect(verifySignature(hook!.secret, String(got!.headers['x-moodwire-timestamp']), got!.body, signature)).toBe(
      true,
    );
    // A receiver with another secret, or a body changed on the way, does not verify.
    expect(verifySignature('another secret', String(got!.headers['x-moodwire-timestamp']), got!.body, signature)).toBe(
      false,
    );
    expect(
      verifySignature(hook!.secret, String(got!.headers['x-moodwire-timestamp']), got!.body + ' ', signature),
    ).toBe(false);
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({ event: 'story.published', story: { id: storyId } });
    expect(body.story.url).toMatch(/\/news\/[a-z0-9-]+$/);
    expect(got!.body.length).toBeLessThan(1000);

    const [log] = await deliveries();
    expect(log).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 204, error: '' });
    // Nothing is due any more.
    expect(await worker.runDueDeliveries(() => NOW + 60_000)).toBe(0);
  });

  it('retries a failing receiver with growing waits until it answers', async () => {
    await q.createWebhook(adminId, `${base}/flaky`, NOW);
    failuresLeft.set('/flaky', 2);
    await q.enqueueStoryEvents([{ event: 'story.updated', articleId: storyId }], NOW);

    expect(await worker.runDueDeliveries(() => NOW)).toBe(1);
    let [log] = await deliveries();
    expect(log).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 500, nextAttemptAt: NOW + 1000 });
    expect(log!.error).toContain('500');
    // Not due before its time.
    expect(await worker.runDueDeliveries(() => NOW + 999)).toBe(0);

    expect(await worker.runDueDeliveries(() => NOW + 1000)).toBe(1);
    [log] = await deliveries();
    expect(log).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: NOW + 1000 + 5000 });

    expect(await worker.runDueDeliveries(() => NOW + 6000)).toBe(1);
    [log] = await deliveries();
    expect(log).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 204 });
    expect(received.map((r) => r.path)).toEqual(['/flaky', '/flaky', '/flaky']);
    // The same body each time (same event, same story), signed afresh.
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
  });

  it('gives up on a target that never answers after the last attempt', async () => {
    await q.createWebhook(adminId, `${base}/hang`, NOW);
    await q.enqueueStoryEvents([{ event: 'story.unpublished', articleId: storyId }], NOW);
    const started = Date.now();
    for (const at of [NOW, NOW + 1000, NOW + 6000]) expect(await worker.runDueDeliveries(() => at)).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    const [log] = await deliveries();
    expect(log).toMatchObject({ status: 'failed', attempts: 3, responseStatus: null });
    expect(log!.error).toMatch(/No answer within 0\.4 s/);
    expect(await worker.runDueDeliveries(() => NOW + 86_400_000)).toBe(0);
  });

  it('does not follow redirects', async () => {
    await q.createWebhook(adminId, `${base}/redirect`, NOW);
    await q.enqueueStoryEvents([{ event: 'story.published', articleId: storyId }], NOW);
    await worker.runDueDeliveries(() => NOW);
    const [log] = await deliveries();
    expect(log).toMatchObject({ status: 'pending', responseStatus: 302 });
    expect(log!.error).toContain('redirects are not followed');
    expect(received.map((r) => r.path)).toEqual(['/redirect']);
  });

  it('delivers each event once when two workers run at once', async () => {
    await q.createWebhook(adminId, `${base}/ok`, NOW);
    await q.createWebhook(adminId, `${base}/ok2`, NOW);
    const changes = Array.from({ length: 5 }, () => ({ event: 'story.updated' as const, articleId: storyId }));
    expect(await q.enqueueStoryEvents(changes, NOW)).toBe(10);
    const counts = await Promise.all([worker.runDueDeliveries(() => NOW), worker.runDueDeliveries(() => NOW)]);
    expect(counts[0]! + counts[1]!).toBe(10);
    expect(received).toHaveLength(10);
    expect((await deliveries()).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  });

  it('three servers claiming at once each take different deliveries, and between them all that are due', async () => {
    await q.createWebhook(adminId, `${base}/ok`, NOW);
    await q.createWebhook(adminId, `${base}/ok2`, NOW);
    const changes = Array.from({ length: 6 }, () => ({ event: 'story.updated' as const, articleId: storyId }));
    expect(await q.enqueueStoryEvents(changes, NOW)).toBe(12);
    // Three claims of four on three connections at once (PostgreSQL: three sessions, as three servers
    // are): none waits for another and none comes back empty while deliveries are due (decision 056).
    const claims = await Promise.all([0, 1, 2].map(() => q.claimDueDeliveries(4, 60_000, NOW)));
    const ids = claims.flat().map((d) => d.id);
    expect(claims.map((c) => c.length)).toEqual([4, 4, 4]);
    expect(new Set(ids).size).toBe(12);
    expect(await q.claimDueDeliveries(4, 60_000, NOW)).toEqual([]);
  });

  it('writes nothing for a paused webhook, and removing one removes its log', async () => {
    const paused = await q.createWebhook(adminId, `${base}/ok`, NOW);
    expect(await q.setWebhookActive(adminId, paused!.id, false, NOW)).toBe(true);
    expect(await q.enqueueStoryEvents([{ event: 'story.published', articleId: storyId }], NOW)).toBe(0);
    expect(await q.setWebhookActive(adminId, paused!.id, true, NOW)).toBe(true);
    expect(await q.enqueueStoryEvents([{ event: 'story.published', articleId: storyId }], NOW)).toBe(1);
    expect(await q.deleteWebhook(adminId, paused!.id, NOW)).toBe(true);
    expect(await deliveries()).toHaveLength(0);
    expect(await q.deleteWebhook(adminId, paused!.id, NOW)).toBe(false);
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.objectType, 'webhook'));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['webhook.create', 'webhook.disable', 'webhook.enable', 'webhook.delete']),
    );
  });

  it('keeps at most MAX_WEBHOOKS, even when added at once', async () => {
    const results = await Promise.all(
      Array.from({ length: q.MAX_WEBHOOKS + 5 }, (_, i) => q.createWebhook(adminId, `${base}/ok${i}`, NOW)),
    );
    expect(results.filter(Boolean)).toHaveLength(q.MAX_WEBHOOKS);
    expect(await q.listWebhooks()).toHaveLength(q.MAX_WEBHOOKS);
  });
});

describe('private addresses', () => {
  it('refuses loopback, by address and by a name that resolves to it, unless the site allows it', async () => {
    await q.setAllowPrivateTargets(adminId, false, NOW);
    expect(await q.allowPrivateTargets()).toBe(false);
    const port = new URL(base).port;
    await q.createWebhook(adminId, `${base}/ok`, NOW);
    await q.createWebhook(adminId, `http://localhost:${port}/ok`, NOW);
    await q.enqueueStoryEvents([{ event: 'story.published', articleId: storyId }], NOW);
    expect(await worker.runDueDeliveries(() => NOW)).toBe(2);
    expect(received).toHaveLength(0);
    const refused = await deliveries();
    expect(refused.map((d) => d.status)).toEqual(['pending', 'pending']);
    for (const d of refused) expect(d.error).toMatch(/private or loopback address/);

    await q.setAllowPrivateTargets(adminId, true, NOW);
    expect(await worker.runDueDeliveries(() => NOW + 1000)).toBe(2);
    expect(received).toHaveLength(2);
    expect((await deliveries()).map((d) => d.status)).toEqual(['delivered', 'delivered']);
  });

  it('never posts to link-local (cloud metadata) addresses, whatever the setting', async () => {
    await q.createWebhook(adminId, 'http://169.254.169.254/latest/meta-data', NOW);
    await q.enqueueStoryEvents([{ event: 'story.published', articleId: storyId }], NOW);
    await worker.runDueDeliveries(() => NOW);
    const [log] = await deliveries();
    expect(log!.error).toMatch(/not an address webhooks may post to/);
  });
});

describe('the log stays bounded', () => {
  it('prunes finished deliveries older than the limit and keeps pending ones', async () => {
    await q.createWebhook(adminId, `${base}/ok`, NOW);
    await q.enqueueStoryEvents([{ event: 'story.published', articleId: storyId }], NOW);
    await worker.runDueDeliveries(() => NOW);
    await q.enqueueStoryEvents([{ event: 'story.updated', articleId: storyId }], NOW + 10);
    expect(await q.pruneDeliveries(1000, NOW + 5000)).toBe(1);
    expect((await deliveries()).map((d) => d.status)).toEqual(['pending']);
  });
});

describe('queued in the story change’s own transaction (decision 062)', () => {
  const write = (slug: string, status: 'draft' | 'published', publishedAt: number | null) => ({
    title: 'Ferry timetable changes',
    slug,
    standfirst: 'Fewer crossings in winter.',
    sectionId: 1,
    authorId: null,
    byline: 'Hooks',
    dateline: 'XIAMEN',
    body: 'Fewer crossings.',
    bodyHtml: '<p>Fewer crossings.</p>\n',
    wordCount: 2,
    tags: [],
    relatedIds: [],
    status,
    publishedAt,
  });

  it('a save that publishes writes its deliveries with the story; a refused save writes neither', async () => {
    const stories = await import('@/db/queries/admin-stories');
    await q.createWebhook(adminId, `${base}/ok`, NOW);
    await q.createWebhook(adminId, `${base}/ok?second=1`, NOW);
    await transaction(async (tx) => {
      await tx.delete(webhookDeliveries);
    });
    const draft = await stories.saveStory(adminId, undefined, write('ferry-timetable', 'draft', null), NOW);
    expect(draft.webhooks).toBe(0);
    expect(await deliveries()).toHaveLength(0);

    // Refused on the locked row: no story change, no delivery.
    await expect(
      stories.saveStory(adminId, draft.id, write('ferry-timetable', 'published', NOW - 1000), NOW, () => ({
        ok: false,
        field: 'form',
        message: 'no',
      })),
    ).rejects.toThrow('no');
    expect(await deliveries()).toHaveLength(0);

    const published = await stories.saveStory(
      adminId,
      draft.id,
      write('ferry-timetable', 'published', NOW - 1000),
      NOW,
    );
    expect(published.webhooks).toBe(2);
    const queued = await deliveries();
    expect(queued.map((d) => [d.event, d.articleId, d.status])).toEqual([
      ['story.published', draft.id, 'pending'],
      ['story.published', draft.id, 'pending'],
    ]);
    expect(JSON.parse(queued[0]!.payload)).toMatchObject({ story: { slug: 'ferry-timetable' } });

    // A save that fails part-way (a section that does not exist) leaves the story and the queue as they were.
    const [before] = await db().select({ title: articles.title }).from(articles).where(eq(articles.id, draft.id));
    await expect(
      stories.saveStory(
        adminId,
        draft.id,
        { ...write('ferry-timetable', 'published', NOW - 1000), title: 'x'.repeat(10), sectionId: 999_999 },
        NOW,
      ),
    ).rejects.toThrow();
    const [after] = await db().select({ title: articles.title }).from(articles).where(eq(articles.id, draft.id));
    expect(after!.title).toBe(before!.title);

    const unpublished = await stories.unpublishStory(adminId, draft.id, NOW + 1);
    expect(unpublished!.webhooks).toBe(2);
    expect((await deliveries()).slice(2).map((d) => d.event)).toEqual(['story.unpublished', 'story.unpublished']);
  });

  it('the scheduled release queues the published event with the release', async () => {
    const stories = await import('@/db/queries/admin-stories');
    const { releaseDueScheduledStories } = await import('@/db/queries/scheduled');
    await q.createWebhook(adminId, `${base}/ok`, NOW);
    await transaction(async (tx) => {
      await tx.delete(webhookDeliveries);
    });
    const later = await stories.saveStory(
      adminId,
      undefined,
      { ...write('ferry-later', 'published', null), status: 'scheduled', publishedAt: NOW + 60_000 },
      NOW,
    );
    expect(later.webhooks).toBe(0);
    const { released, webhooks: queued } = await releaseDueScheduledStories(NOW + 61_000);
    expect(released.map((r) => r.id)).toContain(later.id);
    expect(queued).toBeGreaterThanOrEqual(1);
    const rows = await deliveries();
    expect(rows.filter((d) => d.articleId === later.id).map((d) => d.event)).toEqual(['story.published']);
  });
});
