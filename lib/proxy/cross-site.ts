// Early refusal of cross-site writes: a server action call (Next-Action header or a multipart form
// post, on any path) or any non-GET request under /admin without our Origin answers 403 here, before
// Next's action handler (which would let a missing Origin through and answer a foreign one with a
// 500). Only a first filter: each staff action checks again itself (requireStaffAction).
import { NextResponse, type NextRequest } from 'next/server';
import { CROSS_SITE_MESSAGE, crossSiteProblem } from '@/lib/auth/origin';
import { siteUrl } from '@/lib/routes';

export function crossSiteGate(request: NextRequest): NextResponse | undefined {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return undefined;
  const { pathname } = request.nextUrl;
  const isAdmin = pathname === '/admin' || pathname.startsWith('/admin/');
  if (pathname.startsWith('/api/')) return undefined; // route handlers keep their own rules (the vote accepts curl)
  const isAction = request.headers.has('next-action') || (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  if (!isAdmin && !isAction) return undefined;
  if (!crossSiteProblem(request.headers, siteUrl())) return undefined;
  // text/plain: the client-side action runner shows a plain-text 4xx body as the error message.
  return new NextResponse(CROSS_SITE_MESSAGE, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
