// The one origin check of every write: votes, share reports, the contact form, sign-in and every staff
// action, in the proxy's early filter and in the actions themselves. Plain module (no Next imports).
// See decision 021.
import net from 'node:net';
import { listeningPort, siteUrl } from '@/lib/domain/routes';

export type OriginProblem = 'missing-origin' | 'bad-origin' | 'cross-site' | 'foreign-origin';

type Options = {
  /** Tools that send no Origin at all (curl, benchmarks) may post votes: no browser can be made to. */
  allowMissing?: boolean;
  env?: Record<string, string | undefined>;
};

/**
 * Why this request must be refused as not coming from our own pages, or undefined when it does. Ours
 * means an Origin whose scheme, host and port are the site's address (SITE_URL, or the address the
 * server listens on when it is unset), and no `Sec-Fetch-Site` saying another site sent it. The one
 * other address accepted is this server's own, reached directly: plain http, on the port it listens
 * on, named by an IP address or localhost, and the same as the Host the request was sent to (a
 * browser on 127.0.0.1 or the LAN address, an operator bypassing the proxy). A page of another site
 * never has such an Origin, and a DNS name pointed at us (DNS rebinding) is not an IP address.
 */
export function crossSiteProblem(headers: Pick<Headers, 'get'>, options: Options = {}): OriginProblem | undefined {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return 'cross-site';
  const origin = headers.get('origin');
  if (origin === null) return options.allowMissing ? undefined : 'missing-origin';
  // "null": a sandboxed frame, a file, a redirect across sites: never one of our pages.
  if (origin === 'null' || origin === '') return 'missing-origin';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'bad-origin';
  }
  if (parsed.origin === 'null' || parsed.origin !== origin.replace(/\/$/, '').toLowerCase()) return 'bad-origin';
  const env = options.env ?? process.env;
  if (parsed.origin === siteOrigin(env)) return undefined;
  if (isDirectAddress(parsed, headers.get('host'), listeningPort(env))) return undefined;
  return 'foreign-origin';
}

/** scheme://host[:port] of the site's address. */
export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
  try {
    return new URL(siteUrl(env)).origin;
  } catch {
    return 'invalid:';
  }
}

function isDirectAddress(origin: URL, host: string | null, port: string): boolean {
  if (origin.protocol !== 'http:' || !host) return false;
  let target: URL;
  try {
    target = new URL(`http://${host}`);
  } catch {
    return false;
  }
  const name = target.hostname.replace(/^\[(.*)\]$/, '$1');
  return (
    target.origin === origin.origin && (target.port || '80') === port && (name === 'localhost' || net.isIP(name) !== 0)
  );
}

export const CROSS_SITE_MESSAGE =
  'This request did not come from a Moodwire page, so nothing was changed. Reload the page and try again.';
