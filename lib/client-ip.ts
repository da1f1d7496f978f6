// The reader's address, as the server preload puts it in x-moodwire-client-ip (the socket address,
// or the trusted proxy's forwarded one). Never stored raw: only keyed hashes go into the database.
import crypto from 'node:crypto';
import { authSecret } from './data-dir';

export const CLIENT_IP_HEADER = 'x-moodwire-client-ip';

export function clientIpFrom(headers: Pick<Headers, 'get'>): string {
  const value = headers.get(CLIENT_IP_HEADER)?.trim();
  return value && value.length <= 64 && /^[0-9A-Fa-f:.]+$/.test(value) ? value : 'unknown';
}

/** A keyed hash for rate-limit and throttle keys: stable across restarts, useless without the secret. */
export function hashKey(purpose: string, value: string): string {
  return crypto.createHmac('sha256', authSecret()).update(`${purpose}:${value}`).digest('base64url').slice(0, 32);
}
