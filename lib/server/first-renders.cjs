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
//    released when the render's entry is stored, when a page request is answered with a server error
//    (a render that failed stores nothing: the oldest slot is released), or after SLOT_LIMIT_MS
//    whatever happened. Not through an AsyncLocalStorage holding each request's response: every
//    enabled one costs every promise of every request a little (measured: 0.05–0.1 µs a promise).
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external');

/**
 * Renders of pages not in the cache that run at once; more wait their turn (decision 064). An
 * operator may set MOODWIRE_RENDERS_AT_ONCE (1–64), say for a database far away whose queries keep
 * renders waiting; anything else there is ignored.
 */
const RENDERS_AT_ONCE = rendersAtOnce(process.env.MOODWIRE_RENDERS_AT_ONCE);

/** Why a MOODWIRE_RENDERS_AT_ONCE setting cannot be used (npm start refuses it), or null. */
function rendersAtOnceProblem(setting) {
  const value = String(setting ?? '').trim();
  if (value === '') return null;
  const n = Number(value);
  return /^\d{1,2}$/.test(value) && n >= 1 && n <= 64
    ? null
    : `MOODWIRE_RENDERS_AT_ONCE must be a whole number from 1 to 64 (it is "${value.slice(0, 40)}"); leave it unset for 4.`;
}

function rendersAtOnce(setting) {
  const value = String(setting ?? '').trim();
  if (value === '') return 4;
  // npm start refuses such a value before the server starts; another entry point falls back to 4.
  if (rendersAtOnceProblem(value)) return 4;
  return Number(value);
}
/** A slot whose render neither stored an entry nor saw its response close is released after this. */
const SLOT_LIMIT_MS = 30_000;
/** A render start noted longer ago than this belongs to a render that stored nothing: noted anew. */
const START_LIMIT_MS = 30_000;
/** Addresses whose render start is remembered at most (oldest forgotten first). */
const STARTS_KEPT = 4096;

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

/** The slots held, in the order they were granted (oldest first), and the renders waiting for one. */
const slots = { held: new Set(), waiting: [] };

function grant(key) {
  const slot = { key, timer: setTimeout(() => releaseSlot(slot), SLOT_LIMIT_MS) };
  slot.timer.unref?.();
  slots.held.add(slot);
}

function releaseSlot(slot) {
  if (!slots.held.delete(slot)) return; // released already
  clearTimeout(slot.timer);
  const next = slots.waiting.shift();
  if (next) next();
}

/** Waits for a render slot for `key` (at once when fewer than RENDERS_AT_ONCE renders run). */
function enterRender(key) {
  if (slots.held.size < RENDERS_AT_ONCE) {
    grant(key);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    slots.waiting.push(() => {
      grant(key);
      resolve();
    });
  });
}

/** The render of `key` stored its entry: its slot (the oldest held for the address) is free. */
function leaveRender(key) {
  const oldest = [...slots.held].find((slot) => slot.key === key);
  if (oldest) releaseSlot(oldest);
}

/**
 * Called by the server hook for every GET or HEAD: when the answer is a server error, a render may
 * have failed without storing anything, so the oldest slot held is released. It may be another
 * address's (the hook cannot tell which render the request waited for); that render then releases
 * nothing when it stores its entry, and one more render than RENDERS_AT_ONCE runs meanwhile.
 */
function releaseOnServerError(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  res.once('close', () => {
    if (res.statusCode < 500 || slots.held.size === 0) return;
    releaseSlot(slots.held.values().next().value);
  });
}

/** Renders running and waiting now (for tests). */
function renderLoad() {
  return { running: slots.held.size, waiting: slots.waiting.length };
}

module.exports = {
  RENDERS_AT_ONCE,
  rendersAtOnceProblem,
  releaseOnServerError,
  renderBegan,
  takeRenderStart,
  expiredDuring,
  enterRender,
  leaveRender,
  renderLoad,
};
