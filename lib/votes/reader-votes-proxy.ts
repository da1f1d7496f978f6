// Readers who voted on a story see their choice marked, even without JavaScript, while every page
// stays cached: a request whose hint cookie names this story is rewritten to the story's cached
// variant for that mood (/news/<slug>/mood/<mood>, one per mood, shared by all readers who chose
// it). Requests without the cookie never reach the proxy (see the matcher in proxy.ts). The variants
// are not meant to be visited directly: such a request is sent to the story itself. Next runs the
// proxy a second time for the rewritten path, so the rewrite marks its request; the mark only lets
// a request see a variant, which a client forging it could only show to itself.
import { NextResponse, type NextRequest } from 'next/server';
import { SLUG_PATTERN } from '@/lib/domain/slug';
import { hintedMood, moodVariantPath, VOTED_HINT_COOKIE } from '@/lib/votes/voted-hint';

const ARTICLE_PATH = /^\/news\/([^/]+)$/;
const REWRITTEN = 'x-moodwire-mood-variant';
const VARIANT_PATH = /^\/news\/([^/]+)\/mood\/[^/]+$/;

export function readerVotesProxy(request: NextRequest): NextResponse | undefined {
  const { pathname } = request.nextUrl;
  const variant = VARIANT_PATH.exec(pathname);
  if (variant) {
    if (request.headers.get(REWRITTEN) === '1') return undefined;
    const url = request.nextUrl.clone();
    url.pathname = `/news/${variant[1]}`;
    url.search = '';
    return NextResponse.redirect(url, 308);
  }
  const slug = ARTICLE_PATH.exec(pathname)?.[1];
  if (!slug || !SLUG_PATTERN.test(slug)) return undefined;
  const mood = hintedMood(request.cookies.get(VOTED_HINT_COOKIE)?.value, slug);
  if (!mood) return undefined;
  const url = request.nextUrl.clone();
  url.pathname = moodVariantPath(slug, mood);
  const headers = new Headers(request.headers);
  headers.set(REWRITTEN, '1');
  return NextResponse.rewrite(url, { request: { headers } });
}
