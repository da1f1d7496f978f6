// Where a webhook may post (decision 045): http(s) only, no credentials in the address, and never to a
// private, loopback or link-local address unless the site allows private targets explicitly. The
// address is checked where it is typed, and again for every address a name resolves to at each attempt.
import net from 'node:net';

const MAX_URL_BYTES = 2000;

/** The parsed address, or the message to show. */
export function parseWebhookUrl(text: string): { url: URL } | { error: string } {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'Enter the address to post to.' };
  if (Buffer.byteLength(trimmed) > MAX_URL_BYTES)
    return { error: `The address is longer than ${MAX_URL_BYTES} bytes.` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { error: 'Enter a full address, starting with https:// or http://.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { error: 'Only http and https addresses can receive webhooks.' };
  if (url.username || url.password) return { error: 'Leave the user name and password out of the address.' };
  if (!url.hostname) return { error: 'The address has no host.' };
  url.hash = '';
  return { url };
}

// Never a target, whatever the setting: "this host", link-local (cloud metadata services live at
// 169.254.169.254), multicast, reserved and broadcast, documentation ranges.
const NEVER = new net.BlockList();
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('169.254.0.0', 16, 'ipv4');
NEVER.addSubnet('192.0.2.0', 24, 'ipv4');
NEVER.addSubnet('198.51.100.0', 24, 'ipv4');
NEVER.addSubnet('203.0.113.0', 24, 'ipv4');
NEVER.addSubnet('224.0.0.0', 3, 'ipv4'); // multicast, reserved, broadcast
NEVER.addAddress('::', 'ipv6');
NEVER.addSubnet('fe80::', 10, 'ipv6');
NEVER.addSubnet('ff00::', 8, 'ipv6');
NEVER.addSubnet('2001:db8::', 32, 'ipv6');
NEVER.addSubnet('100::', 64, 'ipv6');

// Only with the site's explicit permission: loopback, private networks, shared address space.
const PRIVATE = new net.BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4');
PRIVATE.addSubnet('192.0.0.0', 24, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** An IPv4 address carried inside an IPv6 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d, compat). */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

export type AddressKind = 'public' | 'private' | 'forbidden';

/** What kind of address an IP literal is; anything that is not an IP address is forbidden. */
export function addressKind(address: string): AddressKind {
  const family = net.isIP(address);
  if (family === 0) return 'forbidden';
  const v4 = family === 6 ? embeddedIpv4(address) : address;
  if (v4 !== undefined && net.isIPv4(v4)) {
    if (NEVER.check(v4, 'ipv4')) return 'forbidden';
    return PRIVATE.check(v4, 'ipv4') ? 'private' : 'public';
  }
  if (NEVER.check(address, 'ipv6')) return 'forbidden';
  return PRIVATE.check(address, 'ipv6') ? 'private' : 'public';
}

/** Why a webhook may not connect to this address, or undefined when it may. */
export function addressProblem(address: string, allowPrivate: boolean): string | undefined {
  const kind = addressKind(address);
  if (kind === 'public') return undefined;
  if (kind === 'private' && allowPrivate) return undefined;
  return kind === 'private'
    ? `${address} is a private or loopback address, and this site does not allow private webhook targets.`
    : `${address} is not an address webhooks may post to.`;
}
