// Old addresses that answer 301 (a real one: Next's permanentRedirect gives 308) at their new place:
// renamed stories and sections (decision 006), and the addresses of a site moved in with
// `npm run import` (decision 061: WordPress's /2024/03/05/slug/, /slug/, /category/a/b/, Ghost's
// /tag/x/, /author/x/…). Asked only when an address has no page: the server hook
// (lib/server/security-headers.cjs) turns a 404 into this 301, so pages that exist never pay for the
// lookup; WordPress's /?p=123 reaches the home page, so the proxy asks for that one
// (lib/proxy/old-wordpress-links.ts).
import 'server-only';
import { findRedirect } from '@/db/queries/redirects';

const RENAMABLE = /^\/(news|section)\/([a-z0-9-]{1,120})(\/.*)?$/;
/** A listing's later pages keep their number at the new address: /category/x/page/2 → /section/y/page/2. */
const PAGED = /^(.+)\/page\/([1-9]\d{0,5})$/;
const LISTING = /^\/(section|tag|author)\//;
/** Longer paths are not looked up: no old address of ours is near this long. */
const MAX_PATH = 400;

function decoded(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/**
 * Where `pathname` (plus its query) lives now, or undefined when it never moved. Asynchronous (the
 * database may be PostgreSQL): the hook holds the 404's buffered answer until it resolves.
 */
export async function renamedLocation(pathname: string, search: string): Promise<string | undefined> {
  const match = RENAMABLE.exec(pathname);
  if (match) {
    const target = await findRedirect(`/${match[1]}/${match[2]}`);
    // /section/old/page/2 → /section/new/page/2; a story's per-mood copy → the story.
    if (target) return target + (match[1] === 'section' ? (match[3] ?? '') : '') + search;
    if (!match[3]) return undefined;
  }
  if (pathname.length > MAX_PATH) return undefined;
  // Stored as the import wrote them: percent-decoded, without a trailing slash.
  const path = decoded(pathname)?.replace(/\/+$/, '');
  if (!path || path.startsWith('/_next/') || path.startsWith('/api/')) return undefined;
  const exact = await findRedirect(path);
  if (exact) return exact + search;
  const paged = PAGED.exec(path);
  if (!paged) return undefined;
  const listing = await findRedirect(paged[1]!);
  return listing && LISTING.test(listing) ? `${listing}/page/${paged[2]}${search}` : undefined;
}

/** Where the server hook finds it: it runs outside Next's module graph. */
export const RENAMED_LOCATION_KEY = Symbol.for('moodwire.renamedLocation');

export function registerRenamedLocation(): void {
  (globalThis as Record<symbol, unknown>)[RENAMED_LOCATION_KEY] = renamedLocation;
}
