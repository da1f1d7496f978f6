// A second, unsigned cookie that only says "this browser has a vote on these stories", as short
// hashes of their slugs. proxy.ts reads it to send those readers (and only them) to the dynamic
// variant of the story that marks their choice; everyone else gets the cached page. It grants
// nothing: the choice shown always comes from the database through the signed reader cookie, and a
// forged hint only costs its owner a cache miss. No Node or Next imports: proxy.ts uses it too.
export const VOTED_HINT_COOKIE = 'mw_voted';
const MAX_ENTRIES = 100;
const KEY_PATTERN = /^[0-9a-z]{1,7}$/;

/** FNV-1a (32 bit) of the slug in base 36: cheap, stable, at most 7 characters. */
export function slugKey(slug: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function parseVotedHint(value: string | undefined): string[] {
  if (!value || value.length > MAX_ENTRIES * 8) return [];
  return value.split('.').filter((k) => KEY_PATTERN.test(k)).slice(-MAX_ENTRIES);
}

export function hintHasSlug(value: string | undefined, slug: string): boolean {
  if (!value) return false;
  const key = slugKey(slug);
  return parseVotedHint(value).includes(key);
}

/** The hint after a vote: the slug added (most recent last, oldest dropped) or removed. */
export function updateVotedHint(value: string | undefined, slug: string, voted: boolean): string {
  const key = slugKey(slug);
  const keys = parseVotedHint(value).filter((k) => k !== key);
  if (voted) keys.push(key);
  return keys.slice(-MAX_ENTRIES).join('.');
}
