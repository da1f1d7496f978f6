// A second, unsigned cookie that says which mood this browser chose on which stories, as short
// hashes of their slugs with the mood's number. proxy.ts reads it to send those readers (and only
// them) to a cached variant of the story with their mood marked; everyone else gets the plain cached
// page. It grants nothing: votes are always counted and checked against the database through the
// signed reader cookie, and an edited hint only changes what its owner's own page marks. No Node or
// Next imports: proxy.ts uses it too.
import { MOODS, type Mood } from '@/lib/domain/moods';

export const VOTED_HINT_COOKIE = 'mw_voted';
const MAX_ENTRIES = 100;
const ENTRY_PATTERN = /^([0-9a-z]{1,7})-([0-7])$/;

/** FNV-1a (32 bit) of the slug in base 36: cheap, stable, at most 7 characters. */
export function slugKey(slug: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

type Entry = { key: string; mood: Mood };

export function parseVotedHint(value: string | undefined): Entry[] {
  if (!value || value.length > MAX_ENTRIES * 10) return [];
  const entries: Entry[] = [];
  for (const part of value.split('.')) {
    const m = ENTRY_PATTERN.exec(part);
    if (m) entries.push({ key: m[1]!, mood: MOODS[Number(m[2])]! });
  }
  return entries.slice(-MAX_ENTRIES);
}

/** The mood this browser chose on the story, as far as its hint cookie says. */
export function hintedMood(value: string | undefined, slug: string): Mood | undefined {
  if (!value) return undefined;
  const key = slugKey(slug);
  return parseVotedHint(value).findLast((e) => e.key === key)?.mood;
}

/** The hint after a vote: the story's entry replaced (most recent last, oldest dropped) or removed. */
export function updateVotedHint(value: string | undefined, slug: string, mood: Mood | null): string {
  const key = slugKey(slug);
  const entries = parseVotedHint(value).filter((e) => e.key !== key);
  if (mood) entries.push({ key, mood });
  return entries
    .slice(-MAX_ENTRIES)
    .map((e) => `${e.key}-${MOODS.indexOf(e.mood)}`)
    .join('.');
}

/** The cached variant of a story with `mood` marked as the reader's; only proxy.ts sends readers there. */
export const moodVariantPath = (slug: string, mood: Mood) => `/news/${slug}/mood/${mood.replace('_', '-')}`;
