// Renamed stories and sections: the old address answers 301 (a real one: Next's permanentRedirect
// gives 308) to the new place. Asked only when an old address has no page any more: the server hook
// (lib/server/security-headers.cjs) turns a story's or section's 404 into this 301, so stories that
// exist never pay for the lookup (decision 006).
import 'server-only';
import { findRedirect } from '@/db/queries/redirects';

const RENAMABLE = /^\/(news|section)\/([a-z0-9-]{1,120})(\/.*)?$/;

/**
 * Where `pathname` (plus its query) lives now, or undefined when it was never renamed. Asynchronous
 * (the database may be PostgreSQL): the hook holds the 404's buffered answer until it resolves.
 */
export async function renamedLocation(pathname: string, search: string): Promise<string | undefined> {
  const match = RENAMABLE.exec(pathname);
  if (!match) return undefined;
  const target = await findRedirect(`/${match[1]}/${match[2]}`);
  // /section/old/page/2 → /section/new/page/2; a story's per-mood copy → the story.
  if (!target) return undefined;
  return target + (match[1] === 'section' ? (match[3] ?? '') : '') + search;
}

/** Where the server hook finds it: it runs outside Next's module graph. */
export const RENAMED_LOCATION_KEY = Symbol.for('moodwire.renamedLocation');

export function registerRenamedLocation(): void {
  (globalThis as Record<symbol, unknown>)[RENAMED_LOCATION_KEY] = renamedLocation;
}
