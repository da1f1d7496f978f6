// Next 16 proxy: a thin composer of small, separately tested steps. Keep the matcher narrow: every
// request it matches pays for the proxy; the article pages' throughput depends on it.
import { NextResponse, type NextRequest } from 'next/server';
import { readerVotesProxy } from '@/lib/proxy/reader-votes';

export function proxy(request: NextRequest) {
  return readerVotesProxy(request) ?? NextResponse.next();
}

export const config = {
  matcher: [
    // Stories, only for readers whose hint cookie says they voted on some story.
    { source: '/news/:slug', has: [{ type: 'cookie', key: 'mw_voted' }] },
    // The per-mood variants of a story, which only the rewrite above should reach.
    '/news/:slug/mood/:mood',
  ],
};
