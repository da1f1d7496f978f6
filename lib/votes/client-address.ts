// The salted hash of the client address that vote and share limits are counted under. Never the
// address itself (docs/decisions/003-client-ip.md).
import { getIpSalt } from '@/db/queries/ip-salts';
import { CLIENT_IP_HEADER } from '@/lib/client-ip';
import { hashAddress } from './ip-hash';

let warnedNoClientIp = false;

/** '' when the server hook did not say who is asking: then no per-address limit applies. */
export function clientAddressHash(headers: Pick<Headers, 'get'>): string {
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
  return hashAddress(address, getIpSalt().salt);
}
