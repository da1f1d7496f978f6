// Cross-site request check for every state-changing staff request. Next's own check lets a request
// with no Origin header through (and answers a foreign one with a 500): ours refuses both. Plain
// module, shared by the proxy's early filter and the action wrapper (lib/auth/staff.ts).

/**
 * Why this request must be refused as cross-site, or undefined when it comes from our own pages.
 * Ours means: an Origin header equal to SITE_URL's origin, or naming the host the request was sent to
 * (what Next compares too), and no `Sec-Fetch-Site: cross-site`.
 */
export function crossSiteProblem(headers: Pick<Headers, 'get'>, siteUrl: string): string | undefined {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return 'missing-origin';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'bad-origin';
  }
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return 'cross-site';
  let site: string | undefined;
  try {
    site = new URL(siteUrl).origin;
  } catch {
    site = undefined;
  }
  if (parsed.origin === site) return undefined;
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]!.trim().toLowerCase();
  if (host && parsed.host.toLowerCase() === host && (parsed.protocol === 'http:' || parsed.protocol === 'https:'))
    return undefined;
  return 'foreign-origin';
}

export const CROSS_SITE_MESSAGE =
  'This request did not come from a Moodwire page, so nothing was changed. Reload the page and try again.';
