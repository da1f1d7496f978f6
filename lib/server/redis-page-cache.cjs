'use strict';
// Next's incremental cache (rendered pages and route answers) shared by every server through Redis
// (issue 18 §1, decision 051). Loaded by shared-cache-handler.cjs only when REDIS_URL is set.
//
// Three layers, read in this order:
// 1. Next's memory cache in this process (cacheMaxMemorySize), slim reader pages (decision 030). An
//    entry there that is neither past its revalidation time nor expired by a tag is answered without
//    asking Redis: a cached page costs no round trip.
// 2. Redis: every page or route answer worth keeping (reader pages slim, as on disk without Redis),
//    as one string per address under this build's id (a new build never reads an older build's
//    HTML), with a lifetime (ENTRY_TTL_S at most).
// 3. The build's prerendered pages on disk (read-only; nothing is ever written to disk).
//
// revalidatePath/revalidateTag become tag expiries in Next's tag manifest, which is per process. Each
// one made here is written to a Redis hash and published on a channel; every server applies what it
// receives to its own manifest at once, so its memory copies and Redis copies older than the expiry
// are rendered again, and loads the whole hash whenever its connection (re)opens, for the expiries
// it missed. An expiry made while Redis is away is applied here and kept until Redis is back.
//
// Without Redis (stopped, unreachable, slower than COMMAND_TIMEOUT_MS, then left alone for PAUSE_AFTER_TIMEOUT_MS) the server goes on from its
// memory, then its prerendered pages, then by rendering; the client reconnects by itself.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { createClient, RESP_TYPES } = require('redis');
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { tagsManifest, areTagsExpired } = require('next/dist/server/lib/incremental-cache/tags-manifest.external');
const RouteCacheHandler = require('./route-cache-handler.cjs');

/**
 * A Redis read slower than this is given up: the page is served from memory or rendered. Not less:
 * on a loaded machine Redis itself may wait for a CPU, and a page rendered for nothing costs more.
 */
const COMMAND_TIMEOUT_MS = 1000;
/** The longest an entry stays in Redis without being stored again (any revalidation stores it again). */
const ENTRY_TTL_S = 24 * 60 * 60;
/** After a command timed out, Redis is left alone this long (a hung Redis must not slow every miss). */
const PAUSE_AFTER_TIMEOUT_MS = 5000;
/** Reconnection delay: doubles from 100 ms up to this. */
const MAX_RECONNECT_DELAY_MS = 2000;
const PREFIX = 'moodwire:';
const TAGS_KEY = `${PREFIX}tags`;
const TAGS_CHANNEL = `${PREFIX}tags`;
const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES']);

// ---- Entries as bytes: JSON, with Buffers carried beside it (no base64) and Maps as pairs. ----

const FORMAT = Buffer.from('MW1');

function encodeEntry(entry) {
  const parts = [];
  const json = JSON.stringify(entry, function replace(key, value) {
    const raw = this[key];
    if (Buffer.isBuffer(raw) || raw instanceof Uint8Array) {
      parts.push(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
      return { $b: parts.length - 1 };
    }
    if (raw instanceof Map) return { $m: [...raw.entries()] };
    return value;
  });
  const head = Buffer.alloc(8 + parts.length * 4);
  const body = Buffer.from(json, 'utf8');
  head.writeUInt32BE(body.length, 0);
  head.writeUInt32BE(parts.length, 4);
  parts.forEach((p, i) => head.writeUInt32BE(p.length, 8 + i * 4));
  return Buffer.concat([FORMAT, head, body, ...parts]);
}

function decodeEntry(bytes) {
  if (!Buffer.isBuffer(bytes) || bytes.length < 11 || !bytes.subarray(0, 3).equals(FORMAT)) return null;
  let at = 3;
  const jsonLength = bytes.readUInt32BE(at);
  const count = bytes.readUInt32BE(at + 4);
  at += 8;
  const lengths = [];
  for (let i = 0; i < count; i++) lengths.push(bytes.readUInt32BE(at + i * 4));
  at += count * 4;
  const json = bytes.toString('utf8', at, at + jsonLength);
  at += jsonLength;
  const parts = lengths.map((n) => {
    const part = bytes.subarray(at, at + n);
    at += n;
    return part;
  });
  return JSON.parse(json, (key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (typeof value.$b === 'number') return parts[value.$b];
      if (Array.isArray(value.$m)) return new Map(value.$m);
    }
    return value;
  });
}

// ---- One connection per process (Next makes a handler per request), on globalThis so a bundled
// copy of this module (the health route) sees the same one. ----

const STATE = Symbol.for('moodwire.redisPageCache');

function redactedUrl(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function createState(url) {
  const instance = crypto.randomUUID();
  const state = {
    url: redactedUrl(url),
    instance,
    /** why Redis is not usable now (undefined: it is) */
    problem: 'connecting',
    problemSince: Date.now(),
    /** tag expiries made while Redis was away, written when it is back */
    pending: new Map(),
    /** when each tag's expiry in the manifest was written (the later one wins) */
    tagWrites: new Map(),
    client: undefined,
    binary: undefined,
    subscriber: undefined,
    /** until when Redis is left alone after a command timed out */
    pausedUntil: 0,
    flushTimer: undefined,
  };
  const socket = {
    connectTimeout: 1000,
    reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
  };
  // No offline queue: a command while disconnected fails at once instead of waiting for Redis.
  const client = createClient({ url, socket, disableOfflineQueue: true });
  const subscriber = client.duplicate();
  state.client = client;
  state.binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  state.subscriber = subscriber;

  const down = (error) => {
    const reason = error && error.message ? error.message : String(error || 'connection closed');
    if (!state.problem) {
      state.problemSince = Date.now();
      console.warn(`[page cache] Redis at ${state.url} unavailable (${reason}): serving from memory and rendering`);
    }
    state.problem = reason;
  };
  client.on('error', down);
  client.on('end', () => down('connection closed'));
  // The subscription's own connection going away stops nothing: the expiries it misses meanwhile
  // are loaded when it is back (its 'ready' below).
  subscriber.on('error', () => {});
  client.on('ready', () => {
    if (state.problem && state.problem !== 'connecting')
      console.warn(`[page cache] Redis at ${state.url} is back after ${Date.now() - state.problemSince} ms`);
    state.problem = undefined;
    state.pausedUntil = 0;
    // Failures here are retried at the next 'ready'; the expiries stay pending until then.
    flushPending(state)
      .then(() => syncTags(state))
      .catch(() => {});
  });
  subscriber.on('ready', () => syncTags(state).catch(() => {}));
  client.connect().catch(down);
  subscriber
    .connect()
    .then(() =>
      subscriber.subscribe(TAGS_CHANNEL, (message) => {
        try {
          const { from, tags } = JSON.parse(message);
          if (from !== state.instance) for (const [tag, entry] of Object.entries(tags)) applyTag(state, tag, entry);
        } catch {
          // not ours
        }
      }),
    )
    .catch(() => {});
  return state;
}

function sharedState() {
  const url = process.env.REDIS_URL && process.env.REDIS_URL.trim();
  if (!url) return undefined;
  const holder = globalThis;
  if (!holder[STATE]) holder[STATE] = createState(url);
  return holder[STATE];
}

function usable(state) {
  return Boolean(state && state.client.isReady && !(state.pausedUntil > Date.now()));
}

class RedisTimeout extends Error {}

/**
 * `promise`, or a RedisTimeout when Redis has not answered within `ms`. Only Redis's own slowness
 * counts: a timer that fires late because this process was busy (a render holds the event loop) waits
 * once more, and an answer that has already arrived is read before the timeout is declared.
 */
function withTimeout(promise, ms = COMMAND_TIMEOUT_MS) {
  let timer;
  const late = new Promise((_, reject) => {
    const arm = (wait, armedAt) => {
      timer = setTimeout(() => {
        if (Date.now() - armedAt > wait + 50) return arm(ms, Date.now()); // this process was blocked
        // Answers already received are read (the poll phase) before this (the check phase).
        setImmediate(() => reject(new RedisTimeout(`Redis did not answer within ${ms} ms`)));
      }, wait);
    };
    arm(ms, Date.now());
  });
  late.catch(() => {});
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A command of the page cache that timed out: Redis is hung or overloaded, so it is left alone a while. */
function noteFailure(state, error) {
  if (!(error instanceof RedisTimeout)) return;
  if (!(state.pausedUntil > Date.now()))
    console.warn(
      `[page cache] Redis at ${state.url} is slow (${error.message}): not asked for ${PAUSE_AFTER_TIMEOUT_MS / 1000} s`,
    );
  state.pausedUntil = Date.now() + PAUSE_AFTER_TIMEOUT_MS;
}

// ---- Tag expiries ----

/** Applies a tag expiry written by any server to this process's manifest, the later write winning. */
function applyTag(state, tag, entry) {
  if (!entry || typeof entry !== 'object' || typeof entry.at !== 'number') return;
  const known = state.tagWrites.get(tag);
  if (known !== undefined && known > entry.at) return;
  state.tagWrites.set(tag, entry.at);
  const next = {};
  if (typeof entry.stale === 'number') next.stale = entry.stale;
  if (typeof entry.expired === 'number') next.expired = entry.expired;
  tagsManifest.set(tag, next);
}

/** Loads every expiry in Redis (missed while disconnected) and forgets those older than any entry. */
async function syncTags(state) {
  if (!state.client.isReady) return;
  const all = await withTimeout(state.client.hGetAll(TAGS_KEY), 5000);
  const forgotten = [];
  const horizon = Date.now() - (ENTRY_TTL_S + 60) * 1000;
  for (const [tag, json] of Object.entries(all)) {
    let entry;
    try {
      entry = JSON.parse(json);
    } catch {
      forgotten.push(tag);
      continue;
    }
    if (typeof entry.at !== 'number' || entry.at < horizon) forgotten.push(tag);
    else applyTag(state, tag, entry);
  }
  if (forgotten.length) await state.client.hDel(TAGS_KEY, forgotten);
}

async function writeTags(state, tags) {
  const fields = {};
  for (const [tag, entry] of Object.entries(tags)) fields[tag] = JSON.stringify(entry);
  await withTimeout(
    state.client
      .multi()
      .hSet(TAGS_KEY, fields)
      .publish(TAGS_CHANNEL, JSON.stringify({ from: state.instance, tags }))
      .exec(),
    2000,
  );
}

/** Tries again, every second while Redis cannot be used, to write the expiries left pending. */
function scheduleFlush(state) {
  if (state.flushTimer) return;
  state.flushTimer = setTimeout(() => {
    state.flushTimer = undefined;
    if (state.pending.size === 0) return;
    if (!usable(state)) return scheduleFlush(state);
    flushPending(state).catch((error) => {
      noteFailure(state, error);
      scheduleFlush(state);
    });
  }, 1000);
  state.flushTimer.unref();
}

async function flushPending(state) {
  if (state.pending.size === 0) return;
  const tags = Object.fromEntries(state.pending);
  state.pending.clear();
  try {
    await writeTags(state, tags);
  } catch (error) {
    for (const [tag, entry] of Object.entries(tags)) if (!state.pending.has(tag)) state.pending.set(tag, entry);
    throw error;
  }
}

// ---- The handler ----

function buildIdOf(serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unknown-build';
  }
}

/** Whether an entry held in memory can be answered without asking Redis for a newer one. */
function currentInMemory(entry, now) {
  const lastModified = entry.lastModified || 0;
  const revalidate = entry.cacheControl && entry.cacheControl.revalidate;
  if (revalidate === undefined) return false;
  if (typeof revalidate === 'number' && lastModified + revalidate * 1000 <= now) return false;
  return !areTagsExpired(RouteCacheHandler.tagsOf(entry.value), lastModified);
}

function ttlOf(cacheControl) {
  const expire = cacheControl && cacheControl.expire;
  return typeof expire === 'number' && Number.isFinite(expire) && expire > 0
    ? Math.min(Math.ceil(expire), ENTRY_TTL_S)
    : ENTRY_TTL_S;
}

class RedisPageCache extends RouteCacheHandler {
  constructor(ctx) {
    super(ctx);
    // Servers keep nothing on disk: the build's own files are only read.
    this.flushToDisk = false;
    this.shared = sharedState();
    this.namespace = `${PREFIX}page:${buildIdOf(ctx.serverDistDir)}:`;
  }

  async get(key, ctx) {
    const kind = ctx && ctx.kind;
    const memory = FileSystemCache.memoryCache;
    if (!RESPONSE_KINDS.has(kind) || !memory) return super.get(key, ctx);
    const held = memory.get(key);
    if (held && currentInMemory(held, Date.now())) return super.get(key, ctx);
    const remote = await this.readShared(key);
    if (remote && (!held || (remote.lastModified || 0) > (held.lastModified || 0))) {
      memory.set(key, remote);
      return super.get(key, ctx);
    }
    if (held) return super.get(key, ctx); // Next decides: stale → answer it and render again
    // Nothing here or in Redis: a page the build prerendered, read from disk, kept in memory.
    const seed = await super.get(key, ctx);
    if (!seed || memory.get(key)) return seed;
    const slim = RouteCacheHandler.forMemory(key, seed);
    memory.set(key, slim);
    return slim;
  }

  /** The entry Redis holds for the address; null when it holds none or cannot be asked now. */
  async readShared(key) {
    const state = this.shared;
    if (!usable(state)) return null;
    try {
      const bytes = await withTimeout(state.binary.get(this.namespace + key));
      return bytes ? decodeEntry(bytes) : null;
    } catch (error) {
      noteFailure(state, error);
      return null; // gone or slow: serve what this server holds, or render
    }
  }

  async set(key, data, ctx) {
    if (!data || (ctx && ctx.fetchCache)) return super.set(key, data, ctx);
    const worth = RouteCacheHandler.isWorthKeeping(data);
    // An address the build prerendered holds a page: a 404 there replaces it everywhere.
    const seeded = !worth && this.holds(key, data.kind);
    const started = Date.now();
    // Set when the render began before one of the page's tags was expired: stored as of then, so
    // every server renders it again (route-cache-handler.cjs, first-renders.cjs).
    const backdated = await super.set(key, data, ctx);
    const storedAt = backdated ? backdated.lastModified : started;
    const memory = FileSystemCache.memoryCache;
    const kept = memory && memory.get(key);
    // What Redis gets is what the handler stored here: a reader page slim (RouteCacheHandler.forStore,
    // decision 030 §8), also when Next's memory did not keep it.
    const entry =
      kept && (kept.lastModified >= started || (backdated && kept.lastModified === storedAt))
        ? kept
        : {
            value: worth ? RouteCacheHandler.stampVersion(RouteCacheHandler.forStore(key, data), started) : data,
            lastModified: storedAt,
            cacheControl: ctx ? ctx.cacheControl : undefined,
          };
    const state = this.shared;
    if (!usable(state)) return; // kept here; Redis gets the next render after it is back
    if (worth) {
      // Another server may have rendered the same page meanwhile (both found it expired): the first
      // one stored wins, so every server answers one version, with one ETag.
      const stored = await this.readShared(key);
      if (stored && stored.lastModified < entry.lastModified && currentInMemory(stored, Date.now())) {
        if (memory) memory.set(key, stored);
        return;
      }
    }
    const options = { expiration: { type: 'EX', value: ttlOf(entry.cacheControl) } };
    // Not worth keeping: only replaces what an address already holds (SET XX), so an unknown
    // address asked for by anyone adds nothing to Redis (decision 018).
    if (!worth && !seeded) options.condition = 'XX';
    try {
      await withTimeout(state.client.set(this.namespace + key, encodeEntry(entry), options), 1000);
    } catch (error) {
      // Redis went away meanwhile: this server keeps its copy, the others render their own.
      noteFailure(state, error);
    }
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const state = this.shared;
    if (!state) return;
    const list = typeof tags === 'string' ? [tags] : tags;
    if (!list || list.length === 0) return;
    const at = Date.now();
    const written = {};
    for (const tag of list) {
      const entry = { ...(tagsManifest.get(tag) || {}), at };
      state.tagWrites.set(tag, at);
      written[tag] = entry;
    }
    if (!usable(state)) {
      for (const [tag, entry] of Object.entries(written)) state.pending.set(tag, entry);
      scheduleFlush(state);
      return;
    }
    // Expiries a failed write left pending go with this one.
    for (const [tag, entry] of state.pending) if (!(tag in written)) written[tag] = entry;
    state.pending.clear();
    try {
      await writeTags(state, written);
    } catch (error) {
      noteFailure(state, error);
      for (const [tag, entry] of Object.entries(written)) state.pending.set(tag, entry);
      scheduleFlush(state);
    }
  }
}

RedisPageCache.encodeEntry = encodeEntry;
RedisPageCache.decodeEntry = decodeEntry;
RedisPageCache.sharedState = sharedState;
module.exports = RedisPageCache;
