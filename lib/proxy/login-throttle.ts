// A plain sign-in form post (no JavaScript) reserves its password check here, before the page, the
// action or any hash runs, and a refused one is answered 429. The reservation travels to the
// Credentials callback as a one-time ticket (lib/auth/login-throttle.ts), so it is counted once. A
// JavaScript call of the action expects a React payload, so it is left to the Credentials callback,
// which reserves before hashing too and answers with the same message. See decision 012.
import { NextResponse, type NextRequest } from 'next/server';
import {
  issueLoginTicket,
  LOCKED_MESSAGE,
  LOGIN_TICKET_HEADER,
  loginKeys,
  reservePasswordCheck,
  SIGN_IN_EMAIL_MAX,
  SIGN_IN_PASSWORD_MAX,
} from '@/lib/auth/login-throttle';
import { LOGIN_PATH } from '@/lib/proxy/admin';

// React's encoding of a form argument prefixes field names ("1_email", "_1_email"); a plain form has "email".
const field = (name: string) => new RegExp(`^(?:_?\\d+_)?${name}$`);
const EMAIL_FIELD = field('email');
const PASSWORD_FIELD = field('password');

export async function loginThrottleGate(request: NextRequest): Promise<NextResponse | undefined> {
  if (request.method !== 'POST' || request.nextUrl.pathname !== LOGIN_PATH) return undefined;
  // A ticket only ever comes from this function: never let a client's own header through.
  const forwarded = new Headers(request.headers);
  forwarded.delete(LOGIN_TICKET_HEADER);
  const passOn = () => NextResponse.next({ request: { headers: forwarded } });
  if (request.headers.has('next-action')) return passOn();

  let email: string | undefined;
  let password: string | undefined;
  let isAction = false;
  try {
    const form = await request.clone().formData();
    for (const [name, value] of form.entries()) {
      if (name.startsWith('$ACTION_')) isAction = true;
      if (typeof value !== 'string') continue;
      if (email === undefined && EMAIL_FIELD.test(name)) email = value.trim();
      else if (password === undefined && PASSWORD_FIELD.test(name)) password = value;
    }
  } catch {
    return passOn(); // not a form: the action's own parsing answers it
  }
  // Only what the action would go on to check against a hash is reserved here; anything else gets the
  // form's own messages from the action, without a password check.
  if (!isAction || !email || !password || email.length > SIGN_IN_EMAIL_MAX || password.length > SIGN_IN_PASSWORD_MAX)
    return passOn();

  const keys = loginKeys(email, request.headers);
  const reserved = await reservePasswordCheck(keys);
  if ('attempt' in reserved) {
    forwarded.set(LOGIN_TICKET_HEADER, issueLoginTicket(keys));
    return passOn();
  }
  const retryAfter = Math.max(1, Math.ceil((reserved.refusedUntil - Date.now()) / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Sign-in paused</title><main style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1>Sign-in paused</h1><p role="alert">${LOCKED_MESSAGE} You can try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.</p><p><a href="${LOGIN_PATH}">Back to the sign-in page</a></p></main></html>`;
  return new NextResponse(html, {
    status: 429,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(retryAfter),
      'Cache-Control': 'no-store',
    },
  });
}
