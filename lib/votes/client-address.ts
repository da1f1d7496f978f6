// The keyed hash of the client address that vote and share limits are counted under. Never the
// address itself (docs/decisions/003-client-ip.md).
import { CLIENT_IP_HEADER } from '@/lib/client-ip';
import { authSecret } from '@/lib/data-dir';
import { addressDay, addressKeyOfDay, hashAddress } from './ip-hash';

let warnedNoClientIp = false;
// The day's key, derived once a day (and again if the secret or the database changes, as in tests).
let memo: { day: string; source: string; key: Buffer } | undefined;

function dayKey(now: number): Buffer {
  const day = addressDay(now);
  const source = `${process.env.AUTH_SECRET ?? ''}\0${process.env.DATABASE_PATH ?? ''}`;
  if (memo?.day !== day || memo.source !== source) memo = { day, source, key: addressKeyOfDay(authSecret(), day) };
  return memo.key;
}

/** '' when the server hook did not say who is asking: then no per-address limit applies. */
export function clientAddressHash(headers: Pick<Headers, 'get'>, now = Date.now()): string {
  const address = headers.get(CLIENT_IP_HEADER);
  if (address === null) {
    if (!warnedNoClientIp) {
      warnedNoClientIp = true;
      console.warn(
        '[moodwire] no trusted client address on requests (lib/server/client-ip.cjs not loaded): ' +
          'per-address vote and share limits are off.',
      );
    }
    return '';
  }
  return hashAddress(address, dayKey(now));
}
