// Publishes scheduled stories on time. A story scheduled for 09:00 is visible by the database's
// predicate at 09:00, but a page cached before then (its 404, the home page, its section, feeds)
// would keep the old answer until its own revalidation time. Refreshing those pages needs Next's
// request context, so this timer calls the server's own internal route, which does the release and
// the revalidation; a token known only to this process guards it (decision 001).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { countDueScheduledStories } from '@/db/queries/scheduled';

const EVERY_MS = 10_000;
type State = { timer: NodeJS.Timeout; token: string; running: boolean };
const state = globalThis as unknown as { moodwireScheduledRelease?: State };

export const RELEASE_ROUTE = '/api/internal/release-scheduled';
export const RELEASE_TOKEN_HEADER = 'x-moodwire-release-token';

/** The token of this process's timer, or undefined when the timer is not running. */
export function releaseToken(): string | undefined {
  return state.moodwireScheduledRelease?.token;
}

function selfOrigin(): string | undefined {
  const port = process.env.PORT;
  if (!port) return undefined;
  const host =
    process.env.HOSTNAME && !['0.0.0.0', '::', '[::]'].includes(process.env.HOSTNAME)
      ? process.env.HOSTNAME
      : '127.0.0.1';
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

async function tick(s: State): Promise<void> {
  if (s.running) return;
  s.running = true;
  try {
    if ((await countDueScheduledStories()) === 0) return;
    const origin = selfOrigin();
    if (!origin) return;
    const res = await fetch(origin + RELEASE_ROUTE, { method: 'POST', headers: { [RELEASE_TOKEN_HEADER]: s.token } });
    if (!res.ok) console.error(`[moodwire] releasing scheduled stories answered ${res.status}`);
  } catch (error) {
    // A busy database or a server still starting: the next tick tries again.
    console.error('[moodwire] releasing scheduled stories failed:', error instanceof Error ? error.message : error);
  } finally {
    s.running = false;
  }
}

export function startScheduledRelease(): void {
  if (state.moodwireScheduledRelease) return;
  const s: State = {
    token: randomBytes(32).toString('base64url'),
    running: false,
    timer: setInterval(() => void tick(s), EVERY_MS),
  };
  s.timer.unref();
  state.moodwireScheduledRelease = s;
}
