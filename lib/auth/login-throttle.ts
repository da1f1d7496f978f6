// The failed-sign-in throttle, shared by the proxy (which answers 429 to a locked form post before
// anything else runs) and the Credentials callback (which refuses before any password hash runs,
// whatever URL the sign-in action was posted to).
import 'server-only';
import { normaliseEmail } from '@/db/accounts';
import { clearLoginFailures, loginLockedUntil, recordLoginFailure } from '@/db/queries/throttle';
import { throttleConfig } from '@/lib/auth/throttle-config';
import { clientIpFrom, hashKey } from '@/lib/client-ip';

/** The throttle keys of one attempt: the account, and the client address when it is known. */
export function loginKeys(email: string, headers: Pick<Headers, 'get'>): string[] {
  const account = `login:acct:${hashKey('login', normaliseEmail(email))}`;
  const ip = clientIpFrom(headers);
  // Without a known client address every visitor would share one key, and one person could lock
  // everybody out; then only the per-account limit applies.
  return ip === 'unknown' ? [account] : [account, `login:ip:${hashKey('login-ip', ip)}`];
}

/** Until when (ms) this attempt is refused, or 0. */
export function loginLockedFor(keys: string[], now = Date.now()): number {
  return loginLockedUntil(keys, now);
}

export function noteLoginFailure(keys: string[], now = Date.now()): void {
  recordLoginFailure(keys, throttleConfig(), now);
}

export function noteLoginSuccess(keys: string[]): void {
  clearLoginFailures(keys);
}

export const LOCKED_MESSAGE = 'Too many failed sign-in attempts. Sign-in is paused for a while; try again later.';
