// Early filter for the staff area: a visitor with no session cookie at all is sent to the sign-in page
// before any rendering. It is only a shortcut: every admin page, action and route handler checks the
// session and the role itself (lib/auth/staff.ts). No crypto and no database here.
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_PREFIXES } from '@/auth.config';

export const LOGIN_PATH = '/admin/login';

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some((c) => SESSION_COOKIE_PREFIXES.some((p) => c.name === p || c.name.startsWith(`${p}.`)));
}

export function adminGate(request: NextRequest): NextResponse | undefined {
  const { pathname, search } = request.nextUrl;
  if (pathname !== '/admin' && !pathname.startsWith('/admin/')) return undefined;
  // The sign-in page and the pages beside it: "Forgot your password?" and the page of a password link.
  if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) return undefined;
  // Server actions are POSTs: they answer for themselves (redirect to sign-in, change nothing), and
  // leaving them to it keeps their own check the one that is tested.
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  if (hasSessionCookie(request)) return undefined;
  const login = new URL(LOGIN_PATH, request.url);
  if (pathname !== '/admin') login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login, 307);
}

/** A safe place to go after signing in: a path inside /admin, nothing else. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/admin';
  if (!/^\/admin(?:[/?#]|$)/.test(value) || value.startsWith('//') || value.includes('\\')) return '/admin';
  return value.startsWith(LOGIN_PATH) ? '/admin' : value;
}
