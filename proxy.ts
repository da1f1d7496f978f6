// Next 16 proxy (Node runtime): a thin composer. Each concern lives in lib/proxy/ and returns a
// response when it handles the request, or undefined to let the next one look at it.
import { NextResponse, type NextRequest } from 'next/server';
import { adminGate } from '@/lib/proxy/admin';
import { crossSiteGate } from '@/lib/proxy/cross-site';
import { loginThrottleGate } from '@/lib/proxy/login-throttle';
import { readerVotesProxy } from '@/lib/proxy/reader-votes';
import { slugRedirect } from '@/lib/proxy/redirects';

export async function proxy(request: NextRequest) {
  return crossSiteGate(request) ?? (await loginThrottleGate(request)) ?? adminGate(request) ?? slugRedirect(request) ?? readerVotesProxy(request) ?? NextResponse.next();
}

// Narrow on purpose: reader pages other than stories and sections never pay for the proxy.
// Stories and sections: renamed slugs answer 301; a reader whose hint cookie names a story gets its
// cached per-mood variant, and the variants themselves are reachable only through that rewrite.
// Server action calls are matched on any page path (an action can be posted to any page) by their
// headers; /api route handlers (the vote, share reports) keep their own Origin rules.
export const config = {
  matcher: [
    '/admin',
    '/admin/:path*',
    '/news/:path*',
    '/section/:path*',
    { source: '/((?!api/|_next/).*)', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/((?!api/|_next/).*)', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
