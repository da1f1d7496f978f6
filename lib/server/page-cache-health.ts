// What /api/health says of the page cache (issue 18 §1). With REDIS_URL the cache handler
// (lib/server/redis-page-cache.cjs) keeps its connection on globalThis; this asks it for a PING
// within a short timeout, so a stopped or hung Redis never holds the health answer. Redis being away
// does not stop a server from answering (it renders, or serves what it holds): health then says the
// cache is degraded, and the answer stays 200 so a load balancer keeps the server.
import 'server-only';

export type PageCacheHealth =
  | { store: 'file-system'; ok: true }
  | { store: 'redis'; ok: true; pendingRevalidations: number }
  | { store: 'redis'; ok: false; reason: string };

type SharedState = {
  problem?: string;
  pending: Map<string, unknown>;
  client: { isReady: boolean; ping(): Promise<unknown> };
};

const PING_TIMEOUT_MS = 500;

export async function checkPageCacheHealth(timeoutMs: number = PING_TIMEOUT_MS): Promise<PageCacheHealth> {
  if (!process.env.REDIS_URL?.trim()) return { store: 'file-system', ok: true };
  const state = (globalThis as Record<symbol, SharedState | undefined>)[Symbol.for('moodwire.redisPageCache')];
  if (!state) return { store: 'redis', ok: false, reason: 'the shared page cache is not in use by this server' };
  if (!state.client.isReady)
    return { store: 'redis', ok: false, reason: `Redis unreachable (${state.problem || 'not connected'})` };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      state.client.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { store: 'redis', ok: true, pendingRevalidations: state.pending.size };
  } catch {
    return { store: 'redis', ok: false, reason: `Redis did not answer within ${timeoutMs} ms` };
  } finally {
    clearTimeout(timer);
  }
}
