// Next 16 proxy (Node runtime): a thin composer. Each concern lives in lib/proxy/ and returns a
// response when it handles the request, or undefined to let the next one look at it.
import { type NextRequest } from 'next/server';
import { adminGate } from '@/lib/proxy/admin';
import { crossSiteGate } from '@/lib/proxy/cross-site';
import { loginThrottleGate } from '@/lib/proxy/login-throttle';
import { oldWordPressLinkGate } from '@/lib/proxy/old-wordpress-links';
import { withStaffNonce } from '@/lib/proxy/nonce';

export async function proxy(request: NextRequest) {
  return (
    crossSiteGate(request) ??
    (await loginThrottleGate(request)) ??
    adminGate(request) ??
    (await oldWordPressLinkGate(request)) ??
    withStaffNonce(request)
  );
}

// Narrow on purpose: the proxy costs a cached page about as much as serving it (decision 006), so
// reader pages never pay for it. (A voter's own copy of a story is a rewrite in next.config.ts:
// a rewrite from here becomes an HTTP request from the server to itself, decision 017. Renamed
// stories and sections, and an imported site's old addresses, answer 301 from the server hook; only
// WordPress's /?p=<id> links, which reach the home page, are looked up here, decision 061.)
// Server action calls are matched on every path, /api and /_next included (an action can be posted to
// any address, and Next's own handler answers a foreign Origin there with a 500), by their headers;
// the cross-site gate leaves the /api route handlers' own form posts to their rules.
export const config = {
  matcher: [
    '/admin',
    '/admin/:path*',
    { source: '/', has: [{ type: 'query', key: 'p' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
