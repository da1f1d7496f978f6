// Voters reading (issue 22): every connection votes without JavaScript, as a new reader, and then
// reads the story with the cookies that vote set, as a browser following the 303 does. Until decision
// 017 that read went through a proxy rewrite that Next served by an HTTP request from the server to
// itself: under this load it printed MaxListenersExceededWarning for nearly every request, and
// answered some 500.
//
// A warm-up round fills the server's bounded caches (Next's 5 MB of pages, the security hook's 256
// remembered pages: each vote here makes the voter's copy render again), then three identical rounds
// of the same number of votes; after each, the heap once collected (app/api/bench-memory) and RSS.
import autocannon from 'autocannon';
import { MOODS } from '@/db/schema';
import { treeRss, waitForIdle } from './servers';

export type VoterRound = {
  round: number;
  /** vote + read pairs started (each one a POST and a GET) */
  requests: number;
  reqPerSec: number;
  errors: number;
  /** answers other than the vote's 303 and the story's 200 */
  unexpected: number;
  /** server RSS once idle after the round, in bytes */
  rssAfterBytes: number | null;
  /** V8 heap in use after a full collection, in bytes (null when the server has no bench-memory route) */
  heapAfterBytes: number | null;
};

async function heapAfterCollection(origin: string): Promise<number | null> {
  try {
    const res = await fetch(`${origin}/api/bench-memory`);
    if (!res.ok) return null;
    return ((await res.json()) as { heapUsed: number }).heapUsed;
  } catch {
    return null;
  }
}

export async function runVoterRounds({
  origin,
  articleId,
  slug,
  pid,
  rounds,
  votes,
  connections,
}: {
  origin: string;
  articleId: number;
  slug: string;
  pid: number;
  rounds: number;
  /** votes per round, each followed by its read */
  votes: number;
  connections: number;
}): Promise<VoterRound[]> {
  const results: VoterRound[] = [];
  // Round 0 is the warm-up: run, not reported.
  for (let round = 0; round <= rounds; round++) {
    await waitForIdle(pid);
    let unexpected = 0;
    const result = await autocannon({
      url: origin,
      connections,
      amount: votes * 2,
      timeout: 20,
      requests: [
        {
          method: 'POST',
          path: '/api/vote',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
          setupRequest: (req) => ({
            ...req,
            body: `article=${articleId}&mood=${MOODS[Math.floor(Math.random() * MOODS.length)]}`,
          }),
          onResponse: (status, _body, context, headers) => {
            if (status !== 303) unexpected++;
            const set = (headers as Record<string, string | string[] | undefined>)['set-cookie'];
            const cookies = (Array.isArray(set) ? set : set ? [set] : []).map((c) => c.split(';')[0]);
            (context as { cookie?: string }).cookie = cookies.join('; ');
          },
        },
        {
          method: 'GET',
          path: `/news/${slug}`,
          setupRequest: (req, context) => ({
            ...req,
            headers: { ...req.headers, cookie: (context as { cookie?: string }).cookie ?? '' },
          }),
          onResponse: (status) => {
            if (status !== 200) unexpected++;
          },
        },
      ],
    });
    await waitForIdle(pid);
    const heapAfterBytes = await heapAfterCollection(origin);
    const requests = Math.round(result.requests.total / 2);
    if (round === 0) continue;
    results.push({
      round,
      requests,
      reqPerSec: requests / result.duration,
      errors: result.errors + result.timeouts,
      unexpected,
      rssAfterBytes: treeRss(pid)?.rss ?? null,
      heapAfterBytes,
    });
  }
  return results;
}
