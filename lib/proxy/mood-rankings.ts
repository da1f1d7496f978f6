// Mood ranking pages are cached per mood, period and section: a request for /moods/<mood> whose query
// is fully understood (no query, or a known period and section) is rewritten to the cached page for
// it, /moods/<mood>/in/<window>[/<section>]. The address in the reader's bar does not change. A query
// with a value that is not understood is left to the per-request page, which says what was wrong.
// See decision 015.
import { NextResponse, type NextRequest } from 'next/server';
import { getSectionBySlug } from '@/db/queries/sections';
import { rankingPagePath, readRankingQuery } from '@/lib/mood-ranking-query';
import { moodFromSlug } from '@/lib/moods';

const MOOD_PAGE = /^\/moods\/([a-z-]{1,20})$/;

export function moodRankingProxy(request: NextRequest): NextResponse | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const { pathname, searchParams } = request.nextUrl;
  const moodSlug = MOOD_PAGE.exec(pathname)?.[1];
  if (!moodSlug || !moodFromSlug(moodSlug)) return undefined;
  const { choice, problems } = readRankingQuery(searchParams, (slug) => getSectionBySlug(slug) !== undefined);
  if (problems.length > 0) return undefined;
  const url = request.nextUrl.clone();
  url.pathname = rankingPagePath(moodSlug, choice);
  return NextResponse.rewrite(url);
}
