'use strict';
// What the page cache handlers (route-cache-handler.cjs, redis-page-cache.cjs) know about the renders
// they cause: a cache read that finds nothing current for a page is followed by a render of it, whose
// result comes back to the handler's `set`. Two uses (decision 064):
//
// 1. Renders that straddle an expiry. A render reads the database after it began; an editor's save
//    (or the settle expiry of a vote) that expires the page while the render runs is older than the
//    entry Next then stores, so Next would take that entry for current and keep the page as it was
//    before the save until its revalidation time. `renderBegan` notes when each address's render
//    began; `expiredDuring` says whether one of the stored entry's tags was expired since, and the
//    handler then stores the entry as of when the render began, so the next request renders again.
//
// 2. First renders at once. Fifty readers opening fifty stories nobody has opened since the deploy
//    made Next render fifty pages at once in one JavaScript thread: no page came sooner, and each held
//    its flight data and HTML (~1 MB) until all were done, which made the server's peak memory.
//    `enterRender` lets RENDERS_AT_ONCE renders run and queues the others in arrival order; a slot is
//    released when the render's entry is stored, when its request's response closes (a render that
//    failed stores nothing), or after SLOT_LIMIT_MS whatever happened.
const { AsyncLocalStorage } = require('node:async_hooks');
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external');

/**
 * Renders of pages not in the cache that run at once; more wait their turn (decision 064). An
 * operator may set MOODWIRE_RENDERS_AT_ONCE (1–64), say for a database far away whose queries keep
 * renders waiting; anything else there is ignored.
 */
const RENDERS_AT_ONCE = rendersAtOnce(process.env.MOODWIRE_RENDERS_AT_ONCE);

function rendersAtOnce(setting) {
  const n = Number(setting);
  return typeof setting === 'string' && /^\d+$/.test(setting.trim()) && n >= 1 && n <= 64 ? n : 4;
}
/** A slot whose render neither stored an entry nor saw its response close is released after this. */
const SLOT_LIMIT_MS = 30_000;
/** A render start noted longer ago than this belongs to a render that stored nothing: noted anew. */
const START_LIMIT_MS = 30_000;
/** Addresses whose render start is remembered at most (oldest forgotten first). */
const STARTS_KEPT = 4096;

/** The response of the request being served, set by the server hook (security-headers.cjs). */
const responses = new AsyncLocalStorage();

/** Runs `serve` with `res` as the current request's response. */
function withResponse(res, serve) {
  return responses.run(res, serve);
}

const starts = new Map();

/** Notes that a render of `key` begins now, unless one begun earlier (and not too long ago) is under way. */
function renderBegan(key, now = Date.now()) {
  const known = starts.get(key);
  if (known !== undefined && now - known < START_LIMIT_MS) return;
  starts.delete(key);
  starts.set(key, now);
  if (starts.size > STARTS_KEPT) starts.delete(starts.keys().next().value);
}

/** When the render of `key` now being stored began (and forgets it); undefined when none was noted. */
function takeRenderStart(key) {
  const began = starts.get(key);
  starts.delete(key);
  return began;
}

/** Whether one of `tags` was expired after `began` (and by now): the entry was rendered from older data. */
function expiredDuring(tags, began, now = Date.now()) {
  if (began === undefined) return false;
  for (const tag of tags) {
    const expired = tagsManifest.get(tag)?.expired;
    if (typeof expired === 'number' && expired > began && expired <= now) return true;
  }
  return false;
}

const slots = { running: 0, waiting: [], held: new Map() };

function grant(key) {
  slots.running += 1;
  const slot = { key, released: false, timer: null };
  slot.timer = setTimeout(() => releaseSlot(slot), SLOT_LIMIT_MS);
  slot.timer.unref?.();
  const held = slots.held.get(key);
  if (held) held.push(slot);
  else slots.held.set(key, [slot]);
  const res = responses.getStore();
  if (res && typeof res.once === 'function') res.once('close', () => releaseSlot(slot));
  return slot;
}

function releaseSlot(slot) {
  if (slot.released) return;
  slot.released = true;
  clearTimeout(slot.timer);
  const held = slots.held.get(slot.key);
  if (held) {
    const at = held.indexOf(slot);
    if (at !== -1) held.splice(at, 1);
    if (held.length === 0) slots.held.delete(slot.key);
  }
  slots.running -= 1;
  const next = slots.waiting.shift();
  if (next) next();
}

/** Waits for a render slot for `key` (at once when fewer than RENDERS_AT_ONCE renders run). */
function enterRender(key) {
  if (slots.running < RENDERS_AT_ONCE) {
    grant(key);
    return Promise.resolve();
  }
  // The slot is taken in the waiter's own context, so its response's close releases it.
  return new Promise((resolve) => {
    slots.waiting.push(
      AsyncLocalStorage.bind(() => {
        grant(key);
        resolve();
      }),
    );
  });
}

/** The render of `key` stored its entry: its slot (the oldest held for the address) is free. */
function leaveRender(key) {
  const held = slots.held.get(key);
  if (held && held.length > 0) releaseSlot(held[0]);
}

/** Renders running and waiting now (tests and the health report). */
function renderLoad() {
  return { running: slots.running, waiting: slots.waiting.length };
}

module.exports = {
  RENDERS_AT_ONCE,
  withResponse,
  renderBegan,
  takeRenderStart,
  expiredDuring,
  enterRender,
  leaveRender,
  renderLoad,
};
