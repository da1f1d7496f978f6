// WordPress's plain post links (/?p=123, also the guid of every post in an export) reach the home
// page, which exists, so the server hook's 404 lookup (lib/renamed-paths.ts) never sees them. The
// proxy matches only the home page with a `p` query (proxy.ts), so no other request pays for this;
// an id no import brought in is left to the home page, as WordPress's own links to a post that is
// gone would be. Decision 061.
import { NextResponse, type NextRequest } from 'next/server';
import { findRedirect } from '@/db/queries/redirects';

const POST_ID = /^[1-9]\d{0,11}$/;

export async function oldWordPressLinkGate(request: NextRequest): Promise<NextResponse | undefined> {
  if (request.nextUrl.pathname !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined;
  const id = request.nextUrl.searchParams.get('p');
  if (!id || !POST_ID.test(id)) return undefined;
  const location = await findRedirect(`/?p=${id}`).catch(() => undefined);
  if (!location) return undefined;
  // Next needs an absolute address in a proxy's redirect (it sends a same-site one as a path again).
  const target = request.nextUrl.clone();
  target.pathname = location;
  target.search = '';
  const response = NextResponse.redirect(target, 301);
  response.headers.set('Cache-Control', 'public, max-age=3600');
  return response;
}
