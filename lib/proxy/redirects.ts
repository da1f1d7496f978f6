// Renamed stories and sections: the old URL answers 301 (a real one: Next's permanentRedirect gives
// 308) to the new place. One primary-key lookup per story or section request; see decision 005.
import { NextResponse, type NextRequest } from 'next/server';
import { findRedirect } from '@/db/queries/redirects';

const RENAMABLE = /^\/(news|section)\/([a-z0-9-]{1,120})(\/.*)?$/;

export function slugRedirect(request: NextRequest): NextResponse | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const { pathname, search } = request.nextUrl;
  const match = RENAMABLE.exec(pathname);
  if (!match) return undefined;
  const target = findRedirect(`/${match[1]}/${match[2]}`);
  if (!target) return undefined;
  // /section/old/page/2 → /section/new/page/2
  const url = new URL(target + (match[3] ?? '') + search, request.url);
  const response = NextResponse.redirect(url, 301);
  response.headers.set('Cache-Control', 'public, max-age=3600');
  return response;
}
