// A locked sign-in answers 429 here, before the page, the action or any password hash runs. Only
// plain form posts (no JavaScript) are answered here: a JavaScript call of the action expects a React
// payload, so it gets the same refusal as a form message from the action, where the Credentials
// callback refuses before hashing too (lib/auth/credentials.ts). See decision 012.
import { NextResponse, type NextRequest } from 'next/server';
import { LOCKED_MESSAGE, loginKeys, loginLockedFor } from '@/lib/auth/login-throttle';
import { LOGIN_PATH } from '@/lib/proxy/admin';

// React's encoding of a form argument prefixes field names ("1_email", "_1_email"); a plain form has "email".
const EMAIL_FIELD = /^(?:_?\d+_)?email$/;

export async function loginThrottleGate(request: NextRequest): Promise<NextResponse | undefined> {
  if (request.method !== 'POST' || request.nextUrl.pathname !== LOGIN_PATH || request.headers.has('next-action'))
    return undefined;
  let email = '';
  try {
    const form = await request.clone().formData();
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string' && EMAIL_FIELD.test(name)) {
        email = value.trim();
        break;
      }
    }
  } catch {
    return undefined; // not a form: the action's own parsing answers it
  }
  const until = loginLockedFor(loginKeys(email.slice(0, 254), request.headers));
  if (!until) return undefined;
  const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
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
