// Client addresses become keyed hashes before anything else sees them; the raw address is never
// stored or logged. IPv6 clients usually own a whole /64, so that prefix counts as one address. The
// key changes every UTC day and is derived from AUTH_SECRET, so it never enters the database: a
// stolen database file or backup alone cannot tell which address a hash stands for (decision 003).
import crypto from 'node:crypto';
import net from 'node:net';

/** The part of an address that identifies one client, or '' when it is not an IP address. */
export function normalizeAddress(address: string): string {
  let a = address.trim().toLowerCase();
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) a = mapped[1]!;
  const kind = net.isIP(a);
  if (kind === 4) return a;
  if (kind !== 6) return '';
  return `${expandIpv6(a).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(a: string): string[] {
  let text = a;
  // An embedded IPv4 tail ("::1.2.3.4") is two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [b1, b2, b3, b4] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) + `${((b1 << 8) | b2).toString(16)}:${((b3 << 8) | b4).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}

/** HMAC-SHA256 of the client's address with the day's key; '' when the address is unknown. */
export function hashAddress(address: string, dayKey: crypto.BinaryLike): string {
  const normalized = normalizeAddress(address);
  if (!normalized) return '';
  return crypto.createHmac('sha256', dayKey).update(normalized).digest('base64url');
}

/** The UTC day a key belongs to. */
export const addressDay = (now: number) => new Date(now).toISOString().slice(0, 10);

/** The day's key: HMAC-SHA256 of the UTC day under the site's secret. */
export function addressKeyOfDay(secret: string, day: string): Buffer {
  return crypto.createHmac('sha256', secret).update(`reader-address-key:${day}`).digest();
}
