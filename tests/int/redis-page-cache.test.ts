// The shared page cache handler (lib/server/redis-page-cache.cjs, issue 18 §1, decision 051) against a
// real, throwaway redis-server of its own: what it stores, what it refuses to store, how expiries
// travel between servers, and what happens when Redis goes away and comes back. The two-server
// proof through real `next start` servers is tests/e2e/shared-cache.spec.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, RESP_TYPES } from 'redis';
import { versionOf } from '@/lib/server/response-encoding.cjs';
import { handlerContext, readAlone } from '../helpers/cache-handler';
import { redisServerMissing, ThrowawayRedis } from '../helpers/redis-server';

const require = createRequire(import.meta.url);
const missing = redisServerMissing();
const available = !missing;
if (missing) {
  if (process.env.MOODWIRE_REQUIRE_POSTGRES === '1') throw new Error(`${missing}, and this run requires it`);
  console.log(`${missing}: the shared page cache tests are skipped.`);
}

type Entry = { value: Record<string, unknown> | null; lastModified: number; cacheControl?: unknown };
type Handler = {
  get(key: string, ctx: object): Promise<Entry | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
  revalidateTag(tags: string[]): Promise<void>;
  namespace: string;
};

const redis = new ThrowawayRedis(Number(process.env.E2E_PORT || 3100) + 47);
let Cache: {
  new (ctx: object): Handler;
  sharedState(): { pending: Map<string, unknown> };
  decodeEntry(bytes: Buffer): Entry | null;
};
let memory: { get(key: string): Entry | undefined; remove(key: string): void };
let manifest: Map<string, { expired?: number }>;
let probe: ReturnType<typeof createClient>;
let dist: string;

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const handler = () => new Cache(handlerContext(dist));

const SET_CTX = { cacheControl: { revalidate: 300, expire: 3600 } };
const page = (html: string, slug: string, status = 200) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from('flight data of the page'),
  segmentData: new Map([['/_index', Buffer.from('segment')]]),
  headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_/news/${slug}` },
  status,
});
const keyOf = (slug: string) => `/route-cache/APP_PAGE/abc/$/news/${slug}`;

describe.skipIf(!available)('shared page cache in Redis', () => {
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-cache-'));
    fs.mkdirSync(path.join(dist, 'server'));
    fs.writeFileSync(path.join(dist, 'BUILD_ID'), 'test-build');
    await redis.start();
    process.env.REDIS_URL = redis.url;
    Cache = require('../../lib/server/redis-page-cache.cjs');
    manifest = require('next/dist/server/lib/incremental-cache/tags-manifest.external').tagsManifest;
    handler(); // connects
    memory = require('next/dist/server/lib/incremental-cache/file-system-cache').default.memoryCache;
    probe = createClient({ url: process.env.REDIS_URL });
    probe.on('error', () => {});
    await probe.connect();
    await until(async () => (await probe.clientList()).length >= 3);
  });

  afterAll(async () => {
    await probe?.close().catch(() => {});
    await redis.kill();
    delete process.env.REDIS_URL;
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('stores a page once, slim and stamped, under the build id; a server without it in memory reads it from Redis', async () => {
    const cache = handler();
    expect(cache.namespace).toBe('moodwire:page:test-build:');
    await cache.set(keyOf('stored'), page('<html><body><h1>Stored</h1></body></html>', 'stored'), SET_CTX);
    const raw = await probe.get(`moodwire:page:test-build:${keyOf('stored')}`);
    expect(raw).toBeTruthy();
    expect(raw).not.toContain('flight data'); // reader pages are kept slim (decision 030)
    const ttl = await probe.ttl(`moodwire:page:test-build:${keyOf('stored')}`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);

    const etag = memory.get(keyOf('stored'))!.value!.headers as Record<string, string>;
    memory.remove(keyOf('stored')); // as on another server
    const read = await readAlone(handler(), keyOf('stored'));
    expect(read?.value?.html).toContain('<h1>Stored</h1>');
    expect((read!.value!.headers as Record<string, string>).etag).toBe(etag.etag);
    expect(etag.etag).toMatch(/^"[\w-]+"$/);
  });

  it('a page Next’s memory does not keep is stored in Redis slim too, stamped with the slim HTML’s version', async () => {
    // Larger than the memory cache: Next keeps nothing of it, so Redis gets what the handler made.
    const story = `<p>${'A long story. '.repeat(800_000)}</p>`;
    const html = `<html><body>${story}<script src="/_next/static/chunks/main-app.js" async=""></script></body></html>`;
    await handler().set(keyOf('very-long'), page(html, 'very-long'), SET_CTX);
    expect(memory.get(keyOf('very-long'))).toBeUndefined();
    const raw = await probe
      .withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
      .get(`moodwire:page:test-build:${keyOf('very-long')}`);
    const entry = Cache.decodeEntry(raw as unknown as Buffer)!;
    const value = entry.value as {
      html: string;
      rscData?: Buffer;
      segmentData?: unknown;
      headers: Record<string, string>;
    };
    expect(value.html).toBe(`<html><body>${story}</body></html>`);
    expect(value.rscData?.length ?? 0).toBe(0);
    expect(value.segmentData).toBeUndefined();
    expect(value.headers.etag).toBe(`"${versionOf(Buffer.from(value.html))}"`);
  });

  it('two servers rendering the same page at once keep one version: the first stored', async () => {
    const cache = handler();
    await cache.set(keyOf('raced'), page('<h1>Rendered by A</h1>', 'raced'), SET_CTX);
    memory.remove(keyOf('raced')); // A's copy is A's; this server rendered its own meanwhile
    await new Promise((r) => setTimeout(r, 5));
    await cache.set(keyOf('raced'), page('<h1>Rendered by B</h1><p>same story</p>', 'raced'), SET_CTX);
    expect(memory.get(keyOf('raced'))?.value?.html).toContain('Rendered by A');
    memory.remove(keyOf('raced'));
    expect((await readAlone(handler(), keyOf('raced')))?.value?.html).toContain('Rendered by A');
  });

  it('a 404 for an address that holds nothing adds nothing to Redis; one for an address that had a page replaces it', async () => {
    const cache = handler();
    const before = await probe.dbSize();
    for (let i = 0; i < 20; i++) await cache.set(keyOf(`unknown-${i}`), page('<h1>Not found</h1>', 'x', 404), SET_CTX);
    expect(await probe.dbSize()).toBe(before);

    await cache.set(keyOf('taken-down'), page('<h1>Was here</h1>', 'taken-down'), SET_CTX);
    await cache.set(keyOf('taken-down'), page('<h1>Not found</h1>', 'taken-down', 404), SET_CTX);
    memory.remove(keyOf('taken-down'));
    const read = await readAlone(handler(), keyOf('taken-down'));
    expect(read?.value?.status).toBe(404);
  });

  it('an expiry made on this server is written to Redis and published to the others', async () => {
    const listener = probe.duplicate();
    listener.on('error', () => {});
    await listener.connect();
    const messages: string[] = [];
    await listener.subscribe('moodwire:tags', (m) => void messages.push(m));
    await handler().revalidateTag(['_N_T_/news/published-here']);
    await until(() => messages.length > 0);
    const { tags } = JSON.parse(messages[0]!);
    expect(tags['_N_T_/news/published-here'].expired).toBeLessThanOrEqual(Date.now());
    expect(await probe.hGet('moodwire:tags', '_N_T_/news/published-here')).toContain('"expired"');
    await listener.close();
  });

  it('an expiry published by another server expires the copy held here at once', async () => {
    const cache = handler();
    await cache.set(keyOf('elsewhere'), page('<h1>Old version</h1>', 'elsewhere'), SET_CTX);
    expect((await readAlone(cache, keyOf('elsewhere')))?.value?.html).toContain('Old version');
    const at = Date.now() + 1;
    await new Promise((r) => setTimeout(r, 5));
    await probe.publish(
      'moodwire:tags',
      JSON.stringify({ from: 'another-server', tags: { '_N_T_/news/elsewhere': { expired: at, at } } }),
    );
    await until(() => manifest.get('_N_T_/news/elsewhere')?.expired === at);
    // Redis holds the same old version: nothing is answered, so Next renders the page again.
    expect(await readAlone(cache, keyOf('elsewhere'))).toBeNull();
  });

  it('the subscription dropping stops nothing, and the expiries it missed are loaded when it is back', async () => {
    // Written by another server while this one's subscription is away: no message reaches it.
    const at = Date.now();
    await probe.hSet('moodwire:tags', '_N_T_/news/missed', JSON.stringify({ expired: at, at }));
    await probe.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
    await until(() => manifest.get('_N_T_/news/missed')?.expired === at);
    const cache = handler();
    await cache.set(keyOf('subscription'), page('<h1>Still shared</h1>', 'subscription'), SET_CTX);
    memory.remove(keyOf('subscription'));
    expect((await readAlone(handler(), keyOf('subscription')))?.value?.html).toContain('Still shared');
  });

  it('a hung Redis costs one wait of a second, then is left alone; an expiry made meanwhile is written once it answers', async () => {
    const cache = handler();
    await cache.set(keyOf('hung'), page('<h1>Hung</h1>', 'hung'), SET_CTX);
    memory.remove(keyOf('hung'));
    redis.pause();
    try {
      let started = Date.now();
      expect(await readAlone(cache, keyOf('hung'))).toBeNull(); // rendered instead
      expect(Date.now() - started).toBeLessThan(2500);
      started = Date.now();
      for (let i = 0; i < 20; i++) expect(await readAlone(cache, keyOf(`hung-${i}`))).toBeNull();
      await cache.revalidateTag(['_N_T_/news/changed-while-hung']);
      expect(Date.now() - started).toBeLessThan(1000); // not asked again: 21 waits would take 21 s
    } finally {
      redis.resume();
    }
    await until(async () => Boolean(await probe.hGet('moodwire:tags', '_N_T_/news/changed-while-hung')), 15_000);
    await until(async () => (await readAlone(handler(), keyOf('hung'))) !== null, 10_000);
  });

  it('Redis away: reads and writes go on from memory without waiting; expiries made meanwhile reach Redis when it is back', async () => {
    const cache = handler();
    await cache.set(keyOf('outage'), page('<h1>Held</h1>', 'outage'), SET_CTX);
    await redis.kill();
    await until(() => !(Cache.sharedState() as unknown as { client: { isReady: boolean } }).client.isReady);
    const started = Date.now();
    expect((await readAlone(cache, keyOf('outage')))?.value?.html).toContain('Held');
    memory.remove(keyOf('never-held'));
    expect(await readAlone(cache, keyOf('never-held'))).toBeNull();
    await cache.set(keyOf('during'), page('<h1>During</h1>', 'during'), SET_CTX);
    await cache.revalidateTag(['_N_T_/news/changed-during-outage']);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Cache.sharedState().pending.has('_N_T_/news/changed-during-outage')).toBe(true);

    await redis.start(); // empty: --save ''
    await until(async () => {
      try {
        return Boolean(await probe.hGet('moodwire:tags', '_N_T_/news/changed-during-outage'));
      } catch {
        return false;
      }
    }, 10_000);
    expect(Cache.sharedState().pending.size).toBe(0);
    // …and pages are stored again.
    await cache.set(keyOf('after'), page('<h1>After</h1>', 'after'), SET_CTX);
    expect(await probe.exists(`moodwire:page:test-build:${keyOf('after')}`)).toBe(1);
    // …and read again, once the subscription's connection is back too (its going away must not
    // leave the cache thinking Redis is down).
    await until(async () => (await probe.clientList()).length >= 3);
    memory.remove(keyOf('after'));
    expect((await readAlone(handler(), keyOf('after')))?.value?.html).toContain('After');
  });
});
