// What lib/server/route-cache-handler.cjs writes to Next's disk cache and keeps in its memory cache
// (decision 030 §8): a reader page slim on disk too (the stripped HTML, an empty `.rsc`, no
// `.segments`), stamped with the version of what is stored; staff pages and pages that keep Next's
// runtime whole; and entries written whole (by the build, or before this handler stored them slim)
// read and slimmed for memory as before. The handler runs on Next's own FileSystemCache, in a
// throwaway directory standing for `.next/server`.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { versionOf } from '@/lib/server/response-encoding.cjs';
import { handlerContext, PAGE_CTX, readAlone } from '../helpers/cache-handler';

const require = createRequire(import.meta.url);

type Value = Record<string, unknown> & {
  html?: string;
  rscData?: Buffer;
  segmentData?: Map<string, Buffer>;
  headers?: Record<string, string>;
};
type Entry = { value: Value | null; lastModified: number; cacheControl?: unknown };
type Handler = {
  get(key: string, ctx: object): Promise<Entry | null>;
  set(key: string, data: object, ctx: object): Promise<{ lastModified: number } | undefined>;
  revalidateTag(tags: string[]): Promise<void>;
};
/** The render slots as the handler loaded them (Node's require: one module, not a second copy). */
type Renders = typeof import('@/lib/server/first-renders.cjs');

let Cache: { new (ctx: object): Handler };
let memory: { get(key: string): Entry | undefined; remove(key: string): void };
let dist: string;
let renders: Renders;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for what the reads in flight do, however slow the machine (10 s at most). */
async function until(check: () => boolean) {
  for (const deadline = Date.now() + 10_000; !check(); await pause(5))
    if (Date.now() > deadline) throw new Error('condition not met in time');
}

const handler = () => new Cache(handlerContext(dist));

const SET_CTX = { cacheControl: { revalidate: 300, expire: 3600 }, isFallback: false, isRoutePPREnabled: false };
const FLIGHT = 'flight data of the page';

/** A page as Next renders it: its runtime's script and preload, and the inline flight data. */
const rendered = (body: string, attrs = '') =>
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>' +
  `</head><body${attrs}>${body}<script src="/_next/static/chunks/main-app.js" async=""></script>` +
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"${FLIGHT}"])</script>` +
  '</body></html>';

const page = (html: string, status = 200) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(FLIGHT),
  segmentData: new Map([
    ['/_tree', Buffer.from('tree prefetch')],
    ['/_index', Buffer.from('segment prefetch')],
  ]),
  headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/news/a-story' },
  status,
});

const keyOf = (address: string) => `/route-cache/APP_PAGE/abc/$${address}`;
/** The files Next's FileSystemCache writes for a route-cache key (at the root of serverDistDir). */
const fileOf = (address: string, suffix: string) => path.join(dist, 'server', `${keyOf(address)}${suffix}`);
const metaOf = (address: string) => JSON.parse(fs.readFileSync(fileOf(address, '.meta'), 'utf8'));

describe('route cache handler: what a page leaves on disk and in memory', () => {
  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-route-cache-'));
    fs.mkdirSync(path.join(dist, 'server'));
    Cache = require('../../lib/server/route-cache-handler.cjs');
    renders = require('../../lib/server/first-renders.cjs');
    handler(); // makes Next's memory cache
    memory = require('next/dist/server/lib/incremental-cache/file-system-cache').default.memoryCache;
  });

  afterAll(() => {
    fs.rmSync(dist, { recursive: true, force: true });
  });

  beforeEach(() => {
    for (const address of [
      '/news/a-story',
      '/admin/stories',
      '/news/hydrated',
      '/news/written-whole',
      '/news/written-slim',
    ])
      memory.remove(keyOf(address));
  });

  it('stores a reader page slim on disk: the stripped HTML, an empty .rsc, no segments, an ETag of the stored HTML', async () => {
    await handler().set(keyOf('/news/a-story'), page(rendered('<h1>A story’s title — é</h1>')), SET_CTX);

    const html = fs.readFileSync(fileOf('/news/a-story', '.html'), 'utf8');
    expect(html).toContain('<h1>A story’s title — é</h1>');
    expect(html).not.toContain('/_next/');
    expect(html).not.toContain('__next_f');
    expect(html).not.toContain(FLIGHT);

    expect(fs.readFileSync(fileOf('/news/a-story', '.rsc')).length).toBe(0);
    expect(fs.existsSync(fileOf('/news/a-story', '.segments'))).toBe(false);
    const meta = metaOf('/news/a-story');
    expect(meta.segmentPaths).toBeUndefined();
    expect(meta.status).toBe(200);
    expect(meta.headers['x-next-cache-tags']).toBe('_N_T_/layout,_N_T_/news/a-story');
    expect(meta.headers.etag).toBe(`"${versionOf(fs.readFileSync(fileOf('/news/a-story', '.html')))}"`);
    expect(meta.headers['last-modified']).toMatch(/ GMT$/);

    // Memory holds the same slim page, under the same version.
    const held = memory.get(keyOf('/news/a-story'))!.value!;
    expect(held.html).toBe(html);
    expect(held.headers!.etag).toBe(meta.headers.etag);
    expect(held.segmentData).toBeUndefined();
  });

  it('reads a slim entry back from disk as it is: the stored HTML, not stripped a second time', async () => {
    await handler().set(keyOf('/news/a-story'), page(rendered('<h1>Read back</h1>')), SET_CTX);
    const stored = fs.readFileSync(fileOf('/news/a-story', '.html'), 'utf8');
    const etag = metaOf('/news/a-story').headers.etag;
    memory.remove(keyOf('/news/a-story')); // the long tail: no longer in memory, read from disk

    const read = await handler().get(keyOf('/news/a-story'), PAGE_CTX);
    expect(read!.value!.html).toBe(stored);
    expect(read!.value!.headers!.etag).toBe(etag);
    expect(read!.value!.rscData!.length).toBe(0);
    // Kept in memory exactly as Next read it: not copied and slimmed again.
    expect(memory.get(keyOf('/news/a-story'))).toBe(read);
  });

  it('reads a page from disk synchronously, not through the asynchronous reads Next gives it (decision 065)', async () => {
    await handler().set(keyOf('/news/a-story'), page(rendered('<h1>Read at once</h1>')), SET_CTX);
    const stored = fs.readFileSync(fileOf('/news/a-story', '.html'), 'utf8');
    memory.remove(keyOf('/news/a-story'));
    const ctx = handlerContext(dist);
    let asynchronous = 0;
    ctx.fs.readFile = (async () => {
      asynchronous++;
      throw new Error('read on the thread pool');
    }) as unknown as typeof ctx.fs.readFile;
    ctx.fs.stat = ctx.fs.readFile as unknown as typeof ctx.fs.stat;

    const first = new Cache(ctx);
    const read = await first.get(keyOf('/news/a-story'), PAGE_CTX);
    expect(read!.value!.html).toBe(stored);
    expect(read!.value!.rscData!.length).toBe(0);
    expect(asynchronous).toBe(0);
    // Made once per fs object, not once per request's handler; writes are still Next's own.
    const second = new Cache(ctx) as unknown as { fs: object };
    expect(second.fs).toBe((first as unknown as { fs: object }).fs);
    expect((second.fs as { writeFile: unknown }).writeFile).toBe(ctx.fs.writeFile);
    // A file that is not there is still a miss, not an error.
    memory.remove(keyOf('/news/nowhere'));
    expect(await readAlone(first, keyOf('/news/nowhere'))).toBeNull();
  });

  it('does not strip again what is on disk slim, even if it looks like a runtime script', async () => {
    // A slim entry as the handler writes it (empty .rsc, no segmentPaths), with a marker that a
    // second stripping would remove: only the slim form tells the handler to leave the HTML alone.
    const html = `<html><body><h1>Slim</h1><script src="/_next/static/chunks/marker.js"></script></body></html>`;
    fs.mkdirSync(path.dirname(fileOf('/news/written-slim', '.html')), { recursive: true });
    fs.writeFileSync(fileOf('/news/written-slim', '.html'), html);
    fs.writeFileSync(fileOf('/news/written-slim', '.rsc'), '');
    fs.writeFileSync(
      fileOf('/news/written-slim', '.meta'),
      JSON.stringify({ status: 200, headers: { etag: '"stored-version"' }, cacheControl: { revalidate: 300 } }),
    );
    const read = await handler().get(keyOf('/news/written-slim'), PAGE_CTX);
    expect(read!.value!.html).toBe(html);
    expect(memory.get(keyOf('/news/written-slim'))!.value!.html).toBe(html);
    expect(read!.value!.headers!.etag).toBe('"stored-version"');
  });

  it('keeps a staff page whole on disk: its HTML, flight data and segments (the staff area uses the client router)', async () => {
    const html = rendered('<h1>Stories</h1>');
    await handler().set(keyOf('/admin/stories'), page(html), SET_CTX);
    expect(fs.readFileSync(fileOf('/admin/stories', '.html'), 'utf8')).toBe(html);
    expect(fs.readFileSync(fileOf('/admin/stories', '.rsc'), 'utf8')).toBe(FLIGHT);
    expect(metaOf('/admin/stories').segmentPaths).toEqual(['/_tree', '/_index']);
    expect(fs.readFileSync(fileOf('/admin/stories', '.segments/_index.segment.rsc'), 'utf8')).toBe('segment prefetch');
    expect(metaOf('/admin/stories').headers.etag).toBe(`"${versionOf(Buffer.from(html))}"`);
    memory.remove(keyOf('/admin/stories'));
    const read = await handler().get(keyOf('/admin/stories'), PAGE_CTX);
    expect(read!.value!.html).toBe(html);
    expect(read!.value!.rscData!.toString()).toBe(FLIGHT);
    expect(read!.value!.segmentData!.get('/_index')!.toString()).toBe('segment prefetch');
  });

  it('keeps a page that keeps Next’s runtime (data-moodwire-hydrate) whole on disk', async () => {
    const html = rendered('<h1>Interactive</h1>', ' data-moodwire-hydrate=""');
    await handler().set(keyOf('/news/hydrated'), page(html), SET_CTX);
    expect(fs.readFileSync(fileOf('/news/hydrated', '.html'), 'utf8')).toBe(html);
    expect(fs.readFileSync(fileOf('/news/hydrated', '.rsc'), 'utf8')).toBe(FLIGHT);
    expect(metaOf('/news/hydrated').segmentPaths).toEqual(['/_tree', '/_index']);
    expect(fs.existsSync(fileOf('/news/hydrated', '.segments/_tree.segment.rsc'))).toBe(true);
  });

  it('reads an entry written whole (by the build, or before pages were stored slim) as before, slim in memory', async () => {
    const html = rendered('<h1>Written whole</h1>');
    const segments = fileOf('/news/written-whole', '.segments');
    fs.mkdirSync(segments, { recursive: true });
    fs.writeFileSync(fileOf('/news/written-whole', '.html'), html);
    fs.writeFileSync(fileOf('/news/written-whole', '.rsc'), FLIGHT);
    fs.writeFileSync(path.join(segments, '_index.segment.rsc'), 'segment prefetch');
    fs.writeFileSync(
      fileOf('/news/written-whole', '.meta'),
      JSON.stringify({ status: 200, headers: {}, segmentPaths: ['/_index'], cacheControl: { revalidate: 300 } }),
    );
    const read = await handler().get(keyOf('/news/written-whole'), PAGE_CTX);
    // Stamped on reading, from the HTML as stored (decision 030 §3)…
    expect(read!.value!.headers!.etag).toBe(`"${versionOf(Buffer.from(html))}"`);
    // …and kept in memory slim.
    expect(read!.value!.html).toContain('<h1>Written whole</h1>');
    expect(read!.value!.html).not.toContain('__next_f');
    expect(read!.value!.segmentData).toBeUndefined();
    expect(memory.get(keyOf('/news/written-whole'))).toBe(read);
    // The disk is left as it was.
    expect(fs.readFileSync(fileOf('/news/written-whole', '.html'), 'utf8')).toBe(html);
  });

  it('a 404 keeps its old handling: not written for an address that holds nothing, written whole over one that does', async () => {
    await handler().set(keyOf('/news/never-was'), page(rendered('<h1>Not found</h1>'), 404), SET_CTX);
    expect(fs.existsSync(fileOf('/news/never-was', '.html'))).toBe(false);

    await handler().set(keyOf('/news/a-story'), page(rendered('<h1>Was here</h1>')), SET_CTX);
    const notFound = rendered('<h1>Not found</h1>');
    await handler().set(keyOf('/news/a-story'), page(notFound, 404), SET_CTX);
    expect(fs.readFileSync(fileOf('/news/a-story', '.html'), 'utf8')).toBe(notFound);
    expect(metaOf('/news/a-story').status).toBe(404);
  });

  // A save that expires a page while a render of it runs (seen in a fresh clone: an editor's new pin
  // missing from the section page after the save). Without the fix the second read answers the page
  // rendered from the data before the save, until its revalidation time.
  it('a render that began before its page was expired is stored as of when it began: the next read renders again', async () => {
    const key = keyOf('/news/raced');
    const cache = handler();
    expect(await cache.get(key, PAGE_CTX)).toBeNull(); // nothing stored: a render begins
    await pause(5);
    await cache.revalidateTag(['_N_T_/news/a-story']); // the save, while the render runs
    await pause(5);
    const stored = await cache.set(key, page(rendered('<h1>Before the save</h1>')), SET_CTX);
    expect(stored?.lastModified).toBeLessThan(Date.now() - 5);
    expect(memory.get(key)!.lastModified).toBe(stored!.lastModified);
    expect(fs.statSync(fileOf('/news/raced', '.html')).mtimeMs).toBeCloseTo(stored!.lastModified, -1);

    // Read from memory, then from disk by another handler: expired either way, so rendered again.
    expect(await cache.get(key, PAGE_CTX)).toBeNull();
    await cache.set(key, page(rendered('<h1>After the save</h1>')), SET_CTX);
    memory.remove(key);
    const read = await handler().get(key, PAGE_CTX);
    expect(read?.value?.html).toContain('<h1>After the save</h1>');
    expect(renders.renderLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it('a render that no expiry overtook is stored as current', async () => {
    const key = keyOf('/news/not-raced');
    const cache = handler();
    await cache.revalidateTag(['_N_T_/news/a-story']);
    await pause(5);
    expect(await cache.get(key, PAGE_CTX)).toBeNull();
    await pause(5);
    expect(await cache.set(key, page(rendered('<h1>Current</h1>')), SET_CTX)).toBeUndefined();
    expect((await cache.get(key, PAGE_CTX))?.value?.html).toContain('<h1>Current</h1>');
  });
});

describe('route cache handler: first renders at once', () => {
  it('lets RENDERS_AT_ONCE renders run and queues the others in arrival order', async () => {
    const cache = handler();
    const n = renders.RENDERS_AT_ONCE;
    const keys = Array.from({ length: n + 2 }, (_, i) => keyOf(`/news/queued-${i}`));
    const begun: number[] = [];
    const reads = keys.map((key, i) => cache.get(key, PAGE_CTX).then(() => begun.push(i)));
    await until(() => begun.length >= n);
    await pause(20);
    expect(begun).toEqual(keys.slice(0, n).map((_, i) => i));
    expect(renders.renderLoad()).toEqual({ running: n, waiting: 2 });

    await cache.set(keys[2]!, page(rendered('<h1>Queued</h1>')), SET_CTX);
    await until(() => begun.length > n);
    expect(begun).toHaveLength(n + 1);
    expect(begun[n]).toBe(n);
    for (const key of [...keys.slice(0, 2), ...keys.slice(3)])
      await cache.set(key, page(rendered('<h1>Queued</h1>')), SET_CTX);
    await Promise.all(reads);
    expect(begun).toHaveLength(n + 2);
    expect(renders.renderLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the oldest slot when a page request is answered with a server error (a failed render stores nothing)', async () => {
    const cache = handler();
    const n = renders.RENDERS_AT_ONCE;
    for (let i = 0; i < n; i++) await cache.get(keyOf(`/news/failing-${i}`), PAGE_CTX);
    expect(renders.renderLoad().running).toBe(n);
    let waited = false;
    const next = cache.get(keyOf('/news/next-in-line'), PAGE_CTX).then(() => (waited = true));
    await pause(20);
    expect(waited).toBe(false);

    // A vote refused with a 503 is not a render: it frees nothing.
    const post = Object.assign(new EventEmitter(), { statusCode: 503 });
    renders.releaseOnServerError({ method: 'POST' }, post);
    post.emit('close');
    // A page answered 200 frees nothing either.
    const fine = Object.assign(new EventEmitter(), { statusCode: 200 });
    renders.releaseOnServerError({ method: 'GET' }, fine);
    fine.emit('close');
    await pause(20);
    expect(waited).toBe(false);

    const failed = Object.assign(new EventEmitter(), { statusCode: 500 });
    renders.releaseOnServerError({ method: 'GET' }, failed);
    failed.emit('close');
    await next;
    expect(waited).toBe(true);
    for (let i = 1; i < n; i++)
      await cache.set(keyOf(`/news/failing-${i}`), page(rendered('<h1>Rendered late</h1>')), SET_CTX);
    await cache.set(keyOf('/news/next-in-line'), page(rendered('<h1>Next</h1>')), SET_CTX);
    expect(renders.renderLoad()).toEqual({ running: 0, waiting: 0 });
  });
});

describe('MOODWIRE_RENDERS_AT_ONCE', () => {
  it('takes a whole number from 1 to 64 or nothing; npm start refuses anything else with a message', () => {
    const { rendersAtOnceProblem } = require('../../lib/server/first-renders.cjs') as Renders;
    for (const fine of [undefined, '', ' ', '1', '4', ' 64 ']) expect(rendersAtOnceProblem(fine)).toBeNull();
    for (const bad of ['0', '65', '-1', '3.5', '1e1', 'four', '007', '4 renders'])
      expect(rendersAtOnceProblem(bad)).toMatch(/^MOODWIRE_RENDERS_AT_ONCE must be a whole number from 1 to 64/);
  });
});
