// The failed-password throttle, shared by the proxy (which answers 429 to a refused form post before
// anything else runs), the Credentials callback (which refuses before any password hash runs,
// whatever URL the sign-in action was posted to) and the current-password check of "Your account".
// Every check reserves its attempt atomically first (db/queries/throttle.ts): see decision 012.
import 'server-only';
import crypto from 'node:crypto';
import { normaliseEmail } from '@/db/accounts';
import {
  recordLoginFailure,
  recordLoginSuccess,
  releaseLoginAttempt,
  reserveLoginAttempt,
} from '@/db/queries/throttle';
import { throttleConfig } from '@/lib/auth/throttle-config';
import { clientIpFrom, hashKey } from '@/lib/client-ip';
import { normalizeAddress } from '@/lib/votes/ip-hash';

/**
 * The throttle keys of one attempt: the account first, then the client address when it is known. An
 * IPv6 client usually owns a whole /64, so that prefix is one address (as for votes): otherwise one
 * machine could take a fresh address for every five guesses.
 */
export function loginKeys(email: string, headers: Pick<Headers, 'get'>): string[] {
  const account = `login:acct:${hashKey('login', normaliseEmail(email))}`;
  const address = normalizeAddress(clientIpFrom(headers));
  // Without a known client address every visitor would share one key, and one person could lock
  // everybody out; then only the per-account limit applies.
  return address ? [account, `login:ip:${hashKey('login-ip', address)}`] : [account];
}

/** A reserved password check: settle it exactly once with its verdict. */
export type LoginAttempt = {
  keys: string[];
  failed(): Promise<void>;
  succeeded(): Promise<void>;
  /** The check ended without a verdict (an error): the reservation is given back. */
  abandoned(): Promise<void>;
};

/**
 * Reserves one password check for these keys, or says until when (ms) the attempt is refused.
 * Nothing is hashed before this has answered.
 */
export async function reservePasswordCheck(
  keys: string[],
  now = Date.now(),
): Promise<{ attempt: LoginAttempt } | { refusedUntil: number }> {
  const config = throttleConfig();
  const reservation = await reserveLoginAttempt(keys, config, now);
  if (!reservation.reserved) return { refusedUntil: reservation.retryAt };
  return { attempt: settleable(keys) };
}

function settleable(keys: string[]): LoginAttempt {
  let settled = false;
  const once = (settle: () => Promise<void>) => async () => {
    if (settled) return;
    settled = true;
    await settle();
  };
  return {
    keys,
    failed: once(() => recordLoginFailure(keys, throttleConfig(), Date.now())),
    succeeded: once(() => recordLoginSuccess(keys[0]!, keys.slice(1))),
    abandoned: once(() => releaseLoginAttempt(keys)),
  };
}

// A no-JS sign-in form post is reserved by the proxy, which alone can answer it with a real 429; the
// Credentials callback that runs next in the same request must not reserve it a second time. The
// proxy hands it a one-time ticket in a request header: a random id kept in this process (the proxy
// and the action run in the same Node process; module state is not shared between their bundles,
// globalThis is), bound to the keys, valid for a minute, usable once. A ticket sent by a client is
// never found.
export const LOGIN_TICKET_HEADER = 'x-moodwire-login-ticket';
const TICKET_TTL_MS = 60_000;
type Tickets = Map<string, { keys: string; expires: number }>;
const store = globalThis as unknown as { moodwireLoginTickets?: Tickets };
const tickets = (): Tickets => (store.moodwireLoginTickets ??= new Map());

/** Issues the ticket for a check the proxy has reserved. */
export function issueLoginTicket(keys: string[], now = Date.now()): string {
  const map = tickets();
  for (const [id, t] of map) if (t.expires <= now) drop(map, id);
  const id = crypto.randomBytes(18).toString('base64url');
  map.set(id, { keys: keys.join(' '), expires: now + TICKET_TTL_MS });
  return id;
}

/** Takes the proxy's reservation for these keys, if this request carries a live ticket for them. */
export function redeemLoginTicket(
  headers: Pick<Headers, 'get'>,
  keys: string[],
  now = Date.now(),
): LoginAttempt | undefined {
  const id = headers.get(LOGIN_TICKET_HEADER);
  if (!id) return undefined;
  const map = tickets();
  const ticket = map.get(id);
  if (!ticket) return undefined;
  if (ticket.expires <= now || ticket.keys !== keys.join(' ')) {
    drop(map, id);
    return undefined;
  }
  map.delete(id);
  return settleable(keys);
}

/** Forgets a ticket nobody redeemed, and gives its reservation back. */
function drop(map: Tickets, id: string) {
  const ticket = map.get(id);
  map.delete(id);
  // Not awaited: the caller answers a request; a failure is logged, the reservation lapses with its window.
  if (ticket)
    releaseLoginAttempt(ticket.keys.split(' ')).catch((error: unknown) =>
      console.error(
        '[moodwire] releasing a sign-in reservation failed:',
        error instanceof Error ? error.message : error,
      ),
    );
}

/** Longest e-mail and password the sign-in form takes (the proxy checks the same before reserving). */
export const SIGN_IN_EMAIL_MAX = 254;
export const SIGN_IN_PASSWORD_MAX = 512;

export const LOCKED_MESSAGE = 'Too many failed sign-in attempts. Sign-in is paused for a while; try again later.';
