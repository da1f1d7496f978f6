// Which pages read from disk enter Next's memory cache (lib/server/memory-admission.cjs, decision 066),
// through the page cache handler as Next uses it: Next's own FileSystemCache and memory cache, on a
// throwaway directory, with a memory cache that holds six pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerContext, PAGE_CTX, readAlone } from '../helpers/cache-handler';

const require = createRequire(import.meta.url);

type Entry = { value: { html?: string } | null };
type Handler = {
  get(key: string, ctx: object): Promise<Entry | null>;
  set(key: string, data: object, ctx: object): Promise<unknown>;
};
type Memory = { has(key: string): boolean; remove(key: string): void; maxSize: number; totalSize: number };
type Admission = typeof import('@/lib/server/memory-admission.cjs');

const PAGE_BYTES = 20_000;
const SET_CTX = { cacheControl: { revalidate: 300, expire: 3600 }, isFallback: false, isRoutePPREnabled: false };

let dist: string;
let Cache: { new (ctx: object): Handler };
let memory: Memory;
let admission: Admission;

const keyOf = (address: string) => `/route-cache/APP_PAGE/abc/$${address}`;
const handler = () => new Cache({ ...handlerContext(dist), maxMemoryCacheSize: 6 * (PAGE_BYTES + 200) });
const htmlOf = (address: string) =>
  `<!DOCTYPE html><html><body><h1>${address}</h1>${'x'.repeat(PAGE_BYTES)}</body></html>`;
/** What a render stores: the page, on disk and (as before) in memory. */
const store = (address: string) =>
  handler().set(
    keyOf(address),
    { kind: 'APP_PAGE', html: htmlOf(address), rscData: Buffer.alloc(0), headers: {}, status: 200 },
    SET_CTX,
  );
/** A reader's request for the page: the HTML it is answered with. */
const read = async (address: string) => (await readAlone(handler(), keyOf(address), PAGE_CTX))?.value?.html;
const inMemory = (address: string) => memory.has(keyOf(address));

const hot = ['/', '/news/hot-1', '/news/hot-2', '/news/hot-3'];
const archive = Array.from({ length: 30 }, (_, i) => `/news/archive-${i}`);

describe('memory admission: a page read from disk enters memory only if it is read more than what it would push out', () => {
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-admission-'));
    fs.mkdirSync(path.join(dist, 'server'));
    Cache = require('../../lib/server/route-cache-handler.cjs');
    admission = require('../../lib/server/memory-admission.cjs');
    handler();
    memory = require('next/dist/server/lib/incremental-cache/file-system-cache').default.memoryCache;
    // Each test file runs in a process of its own: the memory cache is the one made here.
    expect(memory.maxSize).toBe(6 * (PAGE_BYTES + 200));
    // The archive was rendered once, long ago: on disk, no longer in memory.
    for (const address of archive) {
      await store(address);
      memory.remove(keyOf(address));
    }
    admission.reset();
  });

  afterAll(() => {
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('a crawler’s sweep of the archive is answered from disk and leaves the pages readers keep asking for in memory', async () => {
    for (const address of hot) await store(address);
    for (let i = 0; i < 3; i++) for (const address of hot) expect(await read(address)).toBe(htmlOf(address));

    for (const address of archive) expect(await read(address)).toBe(htmlOf(address));

    expect(hot.filter(inMemory)).toEqual(hot);
    // Memory had room for two more pages; the rest of the sweep stayed on disk.
    expect(archive.filter(inMemory).length).toBeLessThanOrEqual(2);
    expect(memory.totalSize).toBeLessThanOrEqual(memory.maxSize);
  });

  it('a page read more often than the least recently used page enters memory and pushes it out', async () => {
    const risen = archive[20]!;
    expect(inMemory(risen)).toBe(false);
    for (let i = 0; i < 5; i++) expect(await read(risen)).toBe(htmlOf(risen));
    expect(inMemory(risen)).toBe(true);
    // It took the place of the least recently used page, and of that one only.
    expect(hot.filter(inMemory)).toEqual(hot.slice(1));
  });

  it('a page a render stores enters memory at once, even when memory is full', async () => {
    await store('/news/just-published');
    expect(inMemory('/news/just-published')).toBe(true);
    expect(await read('/news/just-published')).toBe(htmlOf('/news/just-published'));
  });

  it('a flood of new addresses does not wipe out the count of a page that is read all along', () => {
    admission.reset();
    for (let i = 0; i < 3; i++) admission.readBegins(undefined, '/');
    let reads = 3;
    for (let i = 0; i < 2 * admission.COUNTED_PAGES; i++) {
      admission.readBegins(undefined, `/news/unknown-${i}`);
      if (i % 1000 === 0) {
        admission.readBegins(undefined, '/');
        reads++;
      }
    }
    // Every read of the front page is still counted.
    expect(admission.frequency('/')).toBe(reads);
    // The addresses read once long ago are the ones dropped.
    expect(admission.frequency('/news/unknown-0')).toBe(0);
    expect(admission.frequency(`/news/unknown-${2 * admission.COUNTED_PAGES - 1}`)).toBe(1);
  });

  it('counts age: every count is halved after AGE_EVERY reads, so last week’s favourite does not stay forever', () => {
    admission.reset();
    for (let i = 0; i < 8; i++) admission.readBegins(undefined, '/news/last-week');
    expect(admission.frequency('/news/last-week')).toBe(8);
    for (let i = 8; i < admission.AGE_EVERY; i++) admission.readBegins(undefined, `/news/other-${i % 1000}`);
    expect(admission.frequency('/news/last-week')).toBe(4);
  });
});
