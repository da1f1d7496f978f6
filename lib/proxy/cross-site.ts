// Early refusal of cross-site writes: a server action call (Next-Action header or a multipart form
// post, on any path) without our Origin answers 403 here, before Next's action handler (which would
// let a missing Origin through, and answers a foreign, null or malformed one with a 500 and an error
// in the log). Only a first filter: each staff action checks again itself (requireStaffAction).
import { NextResponse, type NextRequest } from 'next/server';
import { CROSS_SITE_MESSAGE, crossSiteProblem } from '@/lib/auth/origin';

// Route handlers that take form posts and check the origin themselves, with the same comparison: the
// vote answers a no-JS reader with its own page (and accepts tools that send no Origin).
const OWN_RULES = new Set(['/api/vote', '/api/share']);

export function crossSiteGate(request: NextRequest): NextResponse | undefined {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return undefined;
  const { pathname } = request.nextUrl;
  const actionCall = request.headers.has('next-action');
  const multipart = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  if (!actionCall && !multipart) return undefined;
  if (!actionCall && OWN_RULES.has(pathname)) return undefined;
  // Under /api a multipart post without Next-Action is a route handler's business; an Origin it
  // carries must still be ours (Next would treat the post as an action and fail on a foreign one).
  const allowMissing = !actionCall && pathname.startsWith('/api/');
  if (!crossSiteProblem(request.headers, { allowMissing })) return undefined;
  // text/plain: the client-side action runner shows a plain-text 4xx body as the error message.
  return new NextResponse(CROSS_SITE_MESSAGE, {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
