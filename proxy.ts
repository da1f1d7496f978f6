// Next 16 proxy (Node runtime): a thin composer. Each concern lives in lib/proxy/ and returns a
// response when it handles the request, or undefined to let the next one look at it.
import { NextResponse, type NextRequest } from 'next/server';
import { adminGate } from '@/lib/proxy/admin';
import { readerVotesProxy } from '@/lib/proxy/reader-votes';
import { slugRedirect } from '@/lib/proxy/redirects';

export function proxy(request: NextRequest) {
  return adminGate(request) ?? slugRedirect(request) ?? readerVotesProxy(request) ?? NextResponse.next();
}

// Narrow on purpose: reader pages other than stories and sections never pay for the proxy.
// Stories and sections: renamed slugs answer 301; a reader whose hint cookie names a story gets its
// cached per-mood variant, and the variants themselves are reachable only through that rewrite.
export const config = {
  matcher: ['/admin', '/admin/:path*', '/news/:path*', '/section/:path*'],
};
