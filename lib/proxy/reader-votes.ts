// Readers who have voted on a story see their choice marked, even without JavaScript, while the
// cached page stays shared by everyone else: only a request whose hint cookie names this story is
// rewritten to the dynamic variant /news/<slug>/voted. Cost for other requests: none (proxy.ts's
// matcher requires the cookie), and for hint holders one cookie parse and a short hash.
import { NextResponse, type NextRequest } from 'next/server';
import { SLUG_PATTERN } from '@/lib/slug';
import { hintHasSlug, VOTED_HINT_COOKIE } from '@/lib/votes/voted-hint';

const ARTICLE_PATH = /^\/news\/([^/]+)$/;

export function readerVotesProxy(request: NextRequest): NextResponse | undefined {
  const slug = ARTICLE_PATH.exec(request.nextUrl.pathname)?.[1];
  if (!slug || !SLUG_PATTERN.test(slug)) return undefined;
  if (!hintHasSlug(request.cookies.get(VOTED_HINT_COOKIE)?.value, slug)) return undefined;
  const url = request.nextUrl.clone();
  url.pathname = `/news/${slug}/voted`;
  return NextResponse.rewrite(url);
}
