// Delivers webhooks in the background of each server process (decision 045). A story change only
// writes delivery rows (after its own transaction) and kicks this worker; publishing never waits for a
// receiver. Every few seconds, and at once when kicked, the worker claims due deliveries, posts a few
// at a time, and records each result; a failure is tried again later, each wait longer than the last.
import 'server-only';
import {
  allowPrivateTargets,
  claimDueDeliveries,
  pruneDeliveries,
  recordAttempt,
  type AttemptResult,
} from '@/db/queries/webhooks';
import { postWebhook } from './send';

function envInt(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

export function webhookSettings() {
  return {
    /** the wait after the first failed attempt; each later wait is five times the one before */
    retryBaseMs: envInt('WEBHOOK_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    maxAttempts: envInt('WEBHOOK_MAX_ATTEMPTS', 6, 1, 20),
    timeoutMs: envInt('WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
  };
}

/** When attempt number `attempts` (1 = the first) has failed: the time of the next, or null for none. */
export function nextAttemptAt(attempts: number, now: number, s = webhookSettings()): number | null {
  if (attempts >= s.maxAttempts) return null;
  return now + Math.min(s.retryBaseMs * 5 ** (attempts - 1), 24 * 3_600_000);
}

const POLL_MS = 5_000;
const BATCH = 4;
const PRUNE_EVERY_MS = 3_600_000;
const KEEP_LOG_MS = 30 * 24 * 3_600_000;

type State = { running: boolean; again: boolean; timer?: NodeJS.Timeout; prunedAt: number };
const global = globalThis as unknown as { moodwireWebhooks?: State };
const state = (): State => (global.moodwireWebhooks ??= { running: false, again: false, prunedAt: 0 });

/**
 * Posts every due delivery, a few at a time, until none is due; returns how many attempts were made.
 * Tests call it directly; the server runs it from the timer and from kicks.
 */
export async function runDueDeliveries(
  now: () => number = Date.now,
  onRetry?: (retryAt: number) => void,
): Promise<number> {
  const s = webhookSettings();
  let attempts = 0;
  for (;;) {
    const claimed = await claimDueDeliveries(BATCH, s.timeoutMs + 30_000, now());
    if (!claimed.length) return attempts;
    const allowPrivate = await allowPrivateTargets();
    await Promise.all(
      claimed.map(async (delivery) => {
        let result: AttemptResult;
        try {
          result = await postWebhook(delivery, { allowPrivate, timeoutMs: s.timeoutMs, now: now() });
        } catch (error) {
          result = { ok: false, status: null, error: error instanceof Error ? error.message : 'Failed.' };
        }
        const at = now();
        const retryAt = result.ok ? null : nextAttemptAt(delivery.attempts + 1, at, s);
        await recordAttempt(delivery.id, result, retryAt, at);
        if (retryAt !== null) onRetry?.(retryAt);
      }),
    );
    attempts += claimed.length;
  }
}

async function tick(): Promise<void> {
  const st = state();
  if (st.running) {
    st.again = true;
    return;
  }
  st.running = true;
  try {
    do {
      st.again = false;
      await runDueDeliveries(Date.now, (retryAt) => {
        // The poll finds it too; a timer makes short waits exact.
        const wait = retryAt - Date.now();
        if (wait < POLL_MS) setTimeout(kickWebhookDelivery, Math.max(0, wait) + 5).unref();
      });
    } while (st.again);
    if (Date.now() - st.prunedAt > PRUNE_EVERY_MS) {
      st.prunedAt = Date.now();
      await pruneDeliveries(KEEP_LOG_MS);
    }
  } catch (error) {
    // A busy or read-only database: the next tick tries again; deliveries wait in their table.
    console.error('[moodwire] webhook delivery failed:', error instanceof Error ? error.message : error);
  } finally {
    st.running = false;
  }
}

/** Something was queued: deliver now rather than at the next poll. Never throws, never waits. */
export function kickWebhookDelivery(): void {
  setImmediate(() => void tick());
}

export function startWebhookDelivery(): void {
  const st = state();
  if (st.timer) return;
  st.timer = setInterval(() => void tick(), POLL_MS);
  st.timer.unref();
  kickWebhookDelivery();
}
