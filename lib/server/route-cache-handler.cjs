'use strict';
// Next's own file-system cache for rendered pages and route answers (ISR), with one change: an answer
// that is not a page worth keeping (a 404 from notFound(), a redirect, an error, or a page marked
// with NO_STORE_MARK) for an address that has nothing stored yet is kept in Next's memory cache only,
// whose size is fixed (cacheMaxMemorySize), and never written to disk. Without this,
// every unknown story, section, tag or author slug, and every unknown section in a mood ranking's
// query, wrote ~100 kB into .next (issue 15 §3: 500 requests, 47 MB in 19 s), which an anonymous
// client could repeat until the disk filled and voting paused. Upstream: vercel/next.js#96581 and
// #73101 (closed unresolved), PR #97970 (the same rule inside Next, not merged).
//
// An address that already holds an entry (a story that was public and is now taken down) is still
// overwritten as before, so no stale page outlives its story. The result: the disk holds at most one
// entry per address that once answered 200, whatever strangers ask for, and a broken link asked for
// again and again is still answered from memory.
// See docs/decisions/018-anonymous-requests-write-nothing.md.
const fs = require('node:fs');
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { SharedCacheControls } = require('next/dist/server/lib/incremental-cache/shared-cache-controls.external');
const { versionOf } = require('./response-encoding.cjs');
const { stripClientRuntime } = require('./security-headers.cjs');
const renders = require('./first-renders.cjs');
const admission = require('./memory-admission.cjs');

/** A page that must not be kept says so in its <head> (see noStoreMetadata in lib/cache-marks.ts). */
const NO_STORE_MARK = '<meta name="moodwire-cache" content="no-store"/>';
const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE']);

/** Whether an answer is worth a cache entry of its own: a 200 that does not ask to be left out. */
function isWorthKeeping(data) {
  if (!data || !RESPONSE_KINDS.has(data.kind)) return true;
  if ((data.status ?? 200) !== 200) return false;
  return !(data.kind === 'APP_PAGE' && typeof data.html === 'string' && data.html.includes(NO_STORE_MARK));
}

/**
 * Each page or route answer kept gets its validators here, once per version: an ETag (the SHA-256 of
 * what Next stored) and Last-Modified (when it was stored). Next sends an entry's headers with every
 * answer it serves from it, and security-headers.cjs answers a matching If-None-Match or
 * If-Modified-Since with 304 and keys the compressed copies by this ETag (decision 030). Stored with
 * the entry on disk, so a restarted server keeps the same validators.
 */
function stampVersion(data, storedAt = Date.now()) {
  if (!data || !RESPONSE_KINDS.has(data.kind) || (data.status ?? 200) !== 200) return data;
  const body = data.kind === 'APP_PAGE' ? data.html : data.body;
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return data;
  const headers = { ...(data.headers || {}) };
  headers.etag = `"${versionOf(typeof body === 'string' ? Buffer.from(body) : body)}"`;
  headers['last-modified'] = new Date(storedAt).toUTCString();
  return { ...data, headers };
}

/** Cache keys of the staff area and Next's own addresses (the key may carry a prefix ending in `/$`). */
const STAFF_KEY = /(?:^|\/\$)\/(?:admin|api|_next)(?:\/|$)/;

/** The flight data of a slim entry: empty, but a Buffer, since Next reads the `.rsc` file of every page. */
const NO_FLIGHT_DATA = Buffer.alloc(0);

/** A reader page: a page answered 200 outside the staff area, only ever sent as a stripped document. */
function isReaderPage(key, value) {
  return Boolean(value) && value.kind === 'APP_PAGE' && (value.status ?? 200) === 200 && !STAFF_KEY.test(String(key));
}

/** A value that holds no flight data and no segment prefetches (made by slimPage, or by forMemory). */
function isSlim(value) {
  return (value.rscData === undefined || value.rscData.length === 0) && value.segmentData === undefined;
}

/**
 * What is kept of a reader page, in memory, on disk and in Redis alike: the stripped HTML alone
 * (stripClientRuntime), an empty `rscData` (Next reads the `.rsc` file of every page it loads from
 * disk, so an empty one is written) and no segment prefetches (no `.segments/` files, no
 * `segmentPaths`). A reader page is only ever sent as that HTML document: the server hook strips it on
 * every answer (decision 016) and drops the router headers that would ask for its React Server
 * Component data (decision 030), so nothing ever reads the rest. A story: ~45 kB written and read
 * instead of ~90 kB of HTML, ~200 kB of flight data and one file per segment.
 *
 * Returns the value itself when it is already slim, null when it is not a reader page or when the
 * page keeps Next's runtime (stripClientRuntime declines: `data-moodwire-hydrate`); those are kept
 * whole. See docs/decisions/030 §8.
 */
function slimPage(key, value) {
  if (!isReaderPage(key, value)) return null;
  if (isSlim(value)) return value;
  if (typeof value.html !== 'string') return null;
  const stripped = stripClientRuntime(Buffer.from(value.html, 'utf8').toString('latin1'));
  if (stripped === null) return null;
  return {
    ...value,
    html: Buffer.from(stripped, 'latin1').toString('utf8'),
    rscData: NO_FLIGHT_DATA,
    segmentData: undefined,
  };
}

/**
 * What Next keeps of a reader page in memory: the slim page (slimPage), so the same
 * cacheMaxMemorySize keeps about six times as many pages out of the disk cache (the long tail). An
 * entry stored by this handler is slim already and kept as it is; an entry written whole (by the
 * build, or by an older version of this handler) is slimmed here once, when Next reads it from disk.
 * A page that keeps Next's runtime keeps its HTML whole, without the flight data, as before.
 */
function forMemory(key, entry) {
  const value = entry && entry.value;
  if (!isReaderPage(key, value) || isSlim(value)) return entry;
  const slim = slimPage(key, value) || { ...value, rscData: undefined, segmentData: undefined };
  return { ...entry, value: slim };
}

/**
 * Validators of entries Next reads without keeping them in memory (the build's prerendered pages are
 * read from disk on every request): computed once per entry version, by key, never per answer.
 */
const SEED_STAMPS = 512;
const seedStamps = new Map();

function stampOnRead(key, entry) {
  const value = entry.value;
  const known = seedStamps.get(key);
  if (known && known.lastModified === entry.lastModified)
    return { ...value, headers: { ...(value.headers || {}), ...known.headers } };
  const stamped = stampVersion(value, entry.lastModified || Date.now());
  if (stamped.headers) {
    seedStamps.delete(key);
    seedStamps.set(key, {
      lastModified: entry.lastModified,
      headers: { etag: stamped.headers.etag, 'last-modified': stamped.headers['last-modified'] },
    });
    if (seedStamps.size > SEED_STAMPS) seedStamps.delete(seedStamps.keys().next().value);
  }
  return stamped;
}

const TAGS_HEADER = 'x-next-cache-tags';

/** The cache tags an entry's value carries (Next's implicit path tags among them). */
function tagsOf(value) {
  const header = value && value.headers && value.headers[TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/**
 * Whether Next renders the page again after this read: nothing stored, or an entry past its
 * revalidation time (Next answers with it and renders in the background). An entry whose lifetime
 * this handler cannot see counts as one that may be rendered again.
 */
function rendersAfter(key, entry, now) {
  if (!entry || !entry.value) return true;
  const cacheControl = entry.cacheControl || SharedCacheControls.cacheControls.get(key);
  const revalidate = cacheControl && cacheControl.revalidate;
  if (revalidate === false) return false;
  if (typeof revalidate !== 'number') return true;
  return (entry.lastModified || 0) + revalidate * 1000 <= now;
}

/** What is stored of an entry worth keeping: a reader page slim (slimPage), anything else as Next made it. */
function forStore(key, data) {
  return slimPage(key, data) || data;
}

/**
 * Next's file-system methods with the reads made synchronous (decision 065). Next reads a stored page
 * with four asynchronous calls (the HTML, its stat, the `.meta` and the `.rsc` file), each one an
 * open, fstat, read and close on libuv's thread pool and a chain of promises: in the long tail (a
 * story read from disk) they were about a fifth of the server's time. These files are small (a slim
 * story is ~45 kB) and, on a server that has read them once, in the operating system's page cache:
 * read synchronously they cost microseconds on the event loop, as every SQLite query here already
 * does (better-sqlite3 is synchronous). Writes stay asynchronous. Made once per `fs` object: Next
 * builds a cache handler for every request.
 */
const withSyncReads = new WeakMap();

function syncReads(base) {
  let wrapped = withSyncReads.get(base);
  if (!wrapped) {
    wrapped = {
      ...base,
      readFile(file, encoding) {
        try {
          return Promise.resolve(fs.readFileSync(file, encoding));
        } catch (error) {
          return Promise.reject(error);
        }
      },
      stat(file) {
        try {
          return Promise.resolve(fs.statSync(file));
        } catch (error) {
          return Promise.reject(error);
        }
      },
    };
    withSyncReads.set(base, wrapped);
  }
  return wrapped;
}

class RouteCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    if (this.fs && typeof this.fs === 'object') this.fs = syncReads(this.fs);
    admission.install(FileSystemCache.memoryCache);
  }

  /**
   * An entry written before this handler stamped them (the build's prerendered pages) is stamped on
   * reading; a reader page that Next keeps in memory is kept there slim (forMemory).
   */
  async get(key, ctx) {
    const entry = await this.readPage(key, ctx);
    if (ctx && ctx.kind === 'APP_PAGE') {
      // A render follows a miss: at most RENDERS_AT_ONCE at once (first-renders.cjs).
      if (!entry) await renders.enterRender(key);
      if (rendersAfter(key, entry, Date.now())) renders.renderBegan(key);
    }
    return entry;
  }

  /**
   * The entry for the address as Next reads it, stamped, and slim in memory (see get). A page read
   * from disk enters memory only if memory-admission.cjs admits it (decision 066).
   */
  async readPage(key, ctx) {
    const counted = ctx && RESPONSE_KINDS.has(ctx.kind);
    const fromDisk = counted && admission.readBegins(FileSystemCache.memoryCache, key);
    let entry;
    try {
      entry = await super.get(key, ctx);
    } finally {
      if (fromDisk) admission.readDone(key);
    }
    const value = entry && entry.value;
    if (value && RESPONSE_KINDS.has(value.kind) && !(value.headers && value.headers.etag))
      entry.value = stampOnRead(key, entry);
    const memory = FileSystemCache.memoryCache;
    if (!entry || !memory || memory.get(key) !== entry) return entry;
    const slim = forMemory(key, entry);
    if (slim !== entry) memory.set(key, slim);
    return slim;
  }

  /**
   * Stores a render's entry. Returns `{ lastModified }` when the entry is stored as of when its render
   * began, because one of its tags was expired meanwhile (first-renders.cjs): the next read renders
   * the page again.
   */
  async set(key, data, ctx) {
    const began = renders.takeRenderStart(key);
    try {
      return await this.store(key, data, ctx, began);
    } finally {
      renders.leaveRender(key);
    }
  }

  async store(key, data, ctx, began) {
    if (!(ctx && ctx.fetchCache) && !isWorthKeeping(data) && !this.holds(key, data.kind)) {
      // Next noted the entry's lifetime in a map of its own before asking us to store it: one more
      // entry per address, never removed. Without it Next uses the route's own lifetime, which is
      // the same for these routes.
      SharedCacheControls.cacheControls.delete(key);
      const cacheControl = ctx ? ctx.cacheControl : undefined;
      const memory = FileSystemCache.memoryCache;
      if (memory) admission.unfiltered(() => memory.set(key, { value: data, lastModified: Date.now(), cacheControl }));
      return;
    }
    // A reader page is stored slim, on disk as in memory (slimPage); its version is that of the slim HTML.
    const stamped = stampVersion(forStore(key, data));
    // What a render stores enters memory as before: Next's set puts it there before its first await.
    await admission.unfiltered(() => super.set(key, stamped, ctx));
    const stale = data && RESPONSE_KINDS.has(data.kind) && renders.expiredDuring(tagsOf(data), began);
    const memory = FileSystemCache.memoryCache && FileSystemCache.memoryCache.get(key);
    if (memory && memory.value === stamped)
      FileSystemCache.memoryCache.set(key, { ...forMemory(key, memory), ...(stale ? { lastModified: began } : {}) });
    if (!stale) return undefined;
    if (this.flushToDisk) this.backdate(key, data.kind, began);
    return { lastModified: began };
  }

  /** Gives the stored entry's file the time its render began: Next reads an entry's age from it. */
  backdate(key, kind, at) {
    const suffix = kind === 'APP_ROUTE' ? '.body' : '.html';
    try {
      const when = new Date(at);
      fs.utimesSync(this.getFilePath(`${key}${suffix}`, kind), when, when);
    } catch {
      // not written (a read-only cache): the memory copy is as old, and the disk holds nothing newer
    }
  }

  /** Whether the disk holds an entry for the address: in the route cache, or prerendered by the build. */
  holds(key, kind) {
    const suffix = kind === 'APP_ROUTE' ? '.body' : '.html';
    try {
      if (this.fs.existsSync(this.getFilePath(`${key}${suffix}`, kind))) return true;
      const marker = key.indexOf('/$/');
      return marker !== -1 && this.fs.existsSync(this.getFilePath(`${key.slice(marker + 2)}${suffix}`, kind));
    } catch {
      return true; // an address we cannot check is stored the way Next would
    }
  }
}

RouteCacheHandler.isWorthKeeping = isWorthKeeping;
RouteCacheHandler.stampVersion = stampVersion;
RouteCacheHandler.forMemory = forMemory;
RouteCacheHandler.forStore = forStore;
RouteCacheHandler.tagsOf = tagsOf;
RouteCacheHandler.NO_STORE_MARK = NO_STORE_MARK;
module.exports = RouteCacheHandler;
