// Refreshes a story's cached pages, and the mood ranking pages, after votes, at a bounded rate. Call
// only from a route handler.
// A story has up to nine cached pages: /news/<slug> and one variant per mood for the readers who
// chose it (lib/votes/voted-hint.ts, served by a rewrite in next.config.ts); they are expired together.
//
// - The page the voter lands on after a vote through the plain form (their mood's variant, or the
//   plain page after a take-back) is expired at once on every vote, so the voter always sees their
//   own vote. A vote made by the page's script updates the page in place, and the script fetches the
//   live counts on every load, so that vote alone expires nothing.
// - A vote that comes at least INTERVAL_MS after the page was last expired expires it at once: the
//   next request renders the page with the new counts.
// - Votes that come faster are folded into those expiries, so a story drawing a hundred votes a
//   second is re-rendered about once a second, not a hundred times.
// - SETTLE_MS after the last vote of a burst the page is expired once more. That covers the votes
//   the rate limit folded away, and a render that started before a vote was committed but was
//   stored after the expiry (it would otherwise keep the old counts until the page's own
//   revalidation time).
//
// So the cached page shows a vote at once after a quiet spell, and within INTERVAL_MS + SETTLE_MS
// (3 s) at worst: a folded vote is covered by the next vote that comes INTERVAL_MS after the last
// expiry, or by the settle expiry, whichever is first. The voter sees their own vote at once on
// their own (uncached) variant. The state is per server process, like Next's own cache
// (docs/decisions/002-mood-vote-freshness.md).
import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { MOODS, type Mood } from '@/lib/domain/moods';
import { articlePath, MOOD_RANKING_ROUTES } from '@/lib/domain/routes';
import { moodVariantPath } from './voted-hint';

export const INTERVAL_MS = 1000;
export const SETTLE_MS = 2000;

type ExpiryState = { lastVote: number; lastExpiry: number; settling: boolean };
const states = new Map<string, ExpiryState>();

/**
 * One rate-limited expiry (see the top of this file): `expireAll` at once after a quiet interval,
 * folded into about one a second under a burst, and once more SETTLE_MS after the last vote.
 * `whenFolded` runs for a vote that did not expire everything.
 */
function expireAfterVote(key: string, expireAll: () => void, whenFolded?: () => void): void {
  const now = Date.now();
  let s = states.get(key);
  if (!s) {
    s = { lastVote: 0, lastExpiry: 0, settling: false };
    states.set(key, s);
  }
  s.lastVote = now;
  if (now - s.lastExpiry >= INTERVAL_MS) {
    expireAll();
    s.lastExpiry = now;
  } else {
    whenFolded?.();
  }
  if (s.settling) return;
  s.settling = true;
  const state = s;
  // after() keeps the request's context; Next applies a revalidatePath made in it when the callback
  // ends, so this callback makes exactly one, at the end.
  after(async () => {
    try {
      for (;;) {
        const wait = state.lastVote + SETTLE_MS - Date.now();
        if (wait <= 0) break;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      expireAll();
      state.lastExpiry = Date.now();
    } finally {
      state.settling = false;
    }
  });
}

function expireStory(slug: string) {
  revalidatePath(articlePath(slug));
  for (const mood of MOODS) revalidatePath(moodVariantPath(slug, mood));
}

/**
 * After a vote on the story `slug` that leaves the voter with `mine`. `inPlace`: the vote came from
 * the page's script, which shows the saved counts itself and fetches the live counts whenever the
 * page is loaded again, so the voter's own page is not expired for this vote alone. Each expiry is a
 * synchronous write of Next's tag manifest: under a burst of votes on one story it cost about 2.5 ms
 * of CPU per vote, more than the vote itself (decision 002).
 */
export function revalidateStoryAfterVote(slug: string, mine: Mood | null, { inPlace = false } = {}): void {
  expireAfterVote(
    articlePath(slug),
    () => expireStory(slug),
    inPlace ? undefined : () => revalidatePath(mine ? moodVariantPath(slug, mine) : articlePath(slug)),
  );
}

/**
 * After any vote: the cached mood ranking pages (every mood, period and section; they are rendered
 * again only when asked for), with the same bound as a story: a vote counts there within 3 s.
 */
export function revalidateMoodRankingsAfterVote(): void {
  expireAfterVote('/moods', () => {
    for (const route of MOOD_RANKING_ROUTES) revalidatePath(route, 'page');
  });
}
