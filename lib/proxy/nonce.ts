// The staff pages' Content-Security-Policy, Next's documented nonce pattern: a fresh nonce per request,
// put in the policy on the request (Next reads it there and writes it on every script it emits) and on
// the answer. Staff pages are rendered per request anyway, so no cached page is lost to it. Reader
// pages keep their fixed hash policy from next.config.ts's headers() (decision 054).
import { NextResponse, type NextRequest } from 'next/server';
import { staffPolicy } from '@/lib/server/content-security-policy.cjs';

const STAFF = /^\/admin(?:\/|$)/;

export function withStaffNonce(request: NextRequest): NextResponse {
  if (!STAFF.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = staffPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}
