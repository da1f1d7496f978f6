// Counts story reads in memory and adds them to the database in batches (decision 042): a read costs a
// map update, and every READS_FLUSH_SECONDS (5) one transaction writes one row per story and hour that
// was read, however many reads that row stands for. A graceful stop writes what is left before the
// database closes (lib/server/graceful-shutdown.cjs runs the hooks registered here).
//
// The state lives on globalThis: Next bundles each route separately, and every bundle must share one
// counter. Its size is bounded whatever anonymous requests do: only published stories are counted
// (checked once a minute per story), so the pending map holds at most one line per public story and
// hour; the map of recent (address, story) pairs that stops one address from counting a story twice
// within REPEAT_WINDOW_MS is capped at MAX_RECENT entries.
import 'server-only';
import { addReads, hourOf, isReadableStory, type ReadCount } from '@/db/queries/reads';
import { flushIntervalMs } from './settings';

export const REPEAT_WINDOW_MS = 30 * 60_000;
const MAX_RECENT = 100_000;
const STORY_CHECK_MS = 60_000;
const MAX_STORY_CHECKS = 10_000;
/** Lines kept for a later flush when the database cannot take them (full disk, read-only): bounded. */
const MAX_PENDING = 50_000;

type ReadCounter = {
  pending: Map<string, ReadCount>;
  recent: Map<string, number>;
  stories: Map<number, { readable: boolean; checkedAt: number }>;
  /** when the full map of recent pairs was last swept (a sweep walks it all: at most once a minute) */
  sweptAt: number;
  timer?: NodeJS.Timeout;
  flushing?: Promise<number>;
  /** reads accepted since start, and reads written; for tests and the benchmark */
  accepted: number;
  written: number;
};

type ShutdownHooks = { moodwireBeforeExit?: Map<string, () => Promise<unknown>> };
const state = globalThis as unknown as { moodwireReadCounter?: ReadCounter } & ShutdownHooks;

function counter(): ReadCounter {
  state.moodwireReadCounter ??= {
    pending: new Map(),
    recent: new Map(),
    stories: new Map(),
    sweptAt: 0,
    accepted: 0,
    written: 0,
  };
  return state.moodwireReadCounter;
}

/** Whether readers may see the story, remembered for a minute so that a read costs no query. */
export async function isCountableStory(id: number, now = Date.now()): Promise<boolean> {
  const c = counter();
  const known = c.stories.get(id);
  if (known && now - known.checkedAt < STORY_CHECK_MS) return known.readable;
  const readable = await isReadableStory(id, now);
  if (c.stories.size >= MAX_STORY_CHECKS) c.stories.clear();
  c.stories.set(id, { readable, checkedAt: now });
  return readable;
}

function forgetOldPairs(c: ReadCounter, now: number) {
  if (now - c.sweptAt < 60_000) return;
  c.sweptAt = now;
  for (const [key, at] of c.recent) if (now - at >= REPEAT_WINDOW_MS) c.recent.delete(key);
}

export type ReadOutcome = 'counted' | 'repeat';

/**
 * Counts one read of a public story (the caller checked it with isCountableStory). `addressHash` is
 * the day-keyed hash of the client address ('' when unknown): the same address reading the same story
 * again within 30 minutes is not counted again. Nothing is written here.
 */
export function countRead(
  articleId: number,
  { addressHash, now = Date.now() }: { addressHash: string; now?: number },
): ReadOutcome {
  const c = counter();
  if (addressHash) {
    const pair = `${addressHash}:${articleId}`;
    const seen = c.recent.get(pair);
    if (seen !== undefined && now - seen < REPEAT_WINDOW_MS) return 'repeat';
    if (c.recent.size >= MAX_RECENT) forgetOldPairs(c, now);
    // Still full: every pair is recent. The read is counted without being remembered.
    if (c.recent.size < MAX_RECENT) c.recent.set(pair, now);
  }
  add(c, [{ articleId, hour: hourOf(now), count: 1 }]);
  c.accepted++;
  ensureFlusher();
  return 'counted';
}

function add(c: ReadCounter, lines: readonly ReadCount[]) {
  for (const line of lines) {
    const key = `${line.articleId}:${line.hour}`;
    const current = c.pending.get(key);
    if (current) current.count += line.count;
    else if (c.pending.size < MAX_PENDING) c.pending.set(key, { ...line });
  }
}

/**
 * Writes the pending counts in one transaction and returns how many reads it wrote. Calls made while
 * a flush runs wait for it and then flush what came in meanwhile. When the database refuses, the
 * counts go back into memory for the next try.
 */
export async function flushReads(): Promise<number> {
  const c = counter();
  while (c.flushing) await c.flushing.catch(() => undefined);
  if (c.pending.size === 0) return 0;
  const batch = [...c.pending.values()];
  c.pending = new Map();
  c.flushing = addReads(batch).then(
    (written) => {
      c.written += written;
      return written;
    },
    (error: unknown) => {
      add(c, batch);
      throw error;
    },
  );
  try {
    return await c.flushing;
  } finally {
    c.flushing = undefined;
  }
}

/** Reads counted in memory and not yet written, and the totals since start. */
export function readCounterState() {
  const c = counter();
  let pending = 0;
  for (const line of c.pending.values()) pending += line.count;
  return { pending, accepted: c.accepted, written: c.written, lines: c.pending.size };
}

function ensureFlusher() {
  const c = counter();
  if (c.timer) return;
  c.timer = setInterval(() => {
    // Address hashes stay in memory no longer than the repeat window (and a minute).
    forgetOldPairs(c, Date.now());
    flushReads().catch((error: unknown) =>
      console.error('[moodwire] read counts not written yet:', error instanceof Error ? error.message : error),
    );
  }, flushIntervalMs());
  c.timer.unref();
  // The graceful stop awaits this before it closes the database.
  state.moodwireBeforeExit ??= new Map();
  state.moodwireBeforeExit.set('reads', () => flushReads());
}
