// Early refusal of cross-site writes: a server action call (Next-Action header or a multipart form
// post, on any page path) without our Origin answers 403 here, before Next's action handler (which
// would let a missing Origin through and answer a foreign one with a 500). Only a first filter: each
// staff action checks again itself (requireStaffAction).
import { NextResponse, type NextRequest } from 'next/server';
import { CROSS_SITE_MESSAGE, crossSiteProblem } from '@/lib/auth/origin';
import { siteUrl } from '@/lib/domain/routes';

export function crossSiteGate(request: NextRequest): NextResponse | undefined {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return undefined;
  // Route handlers keep their own rules (the vote accepts curl; the Markdown preview changes nothing).
  if (request.nextUrl.pathname.startsWith('/api/')) return undefined;
  const isAction =
    request.headers.has('next-action') ||
    (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  if (!isAction) return undefined;
  if (!crossSiteProblem(request.headers, siteUrl())) return undefined;
  // text/plain: the client-side action runner shows a plain-text 4xx body as the error message.
  return new NextResponse(CROSS_SITE_MESSAGE, {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
