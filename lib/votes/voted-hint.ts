// The reader's own choice on a cached story page, without JavaScript and without a per-request render:
// an unsigned cookie scoped to the story's address (`mw_mood=<mood>; Path=/news/<slug>`). The browser
// sends it only with that story's requests, and a rewrite in next.config.ts serves such a request from
// the story's cached copy with that mood marked (/news/<slug>/mood/<mood>, one copy per mood, shared
// by every reader who chose it). Next resolves that rewrite inside the server, like a page of its own;
// a rewrite from proxy.ts would not be (docs/decisions/017-voter-copy-without-a-self-request.md).
// The cookie grants nothing: votes are counted and checked through the signed reader cookie and the
// database, and an edited hint only changes what its owner's own page marks. No Node or Next imports,
// and relative ones: next.config.ts loads it, and Next's loader for that file resolves `@/` wrongly.
import { MOODS, type Mood } from '../domain/moods';
import { SLUG_PATTERN } from '../domain/slug';

export const VOTED_HINT_COOKIE = 'mw_mood';
/** The hint of earlier versions (one list of hashed slugs for every story): removed when seen. */
export const LEGACY_HINT_COOKIE = 'mw_voted';

/** A mood as it appears in addresses and in the hint: `no-comment` for no_comment. */
export const moodSlug = (mood: Mood) => mood.replace('_', '-');

/** The cached variant of a story with `mood` marked as the reader's; only the rewrite sends readers there. */
export const moodVariantPath = (slug: string, mood: Mood) => `/news/${slug}/mood/${moodSlug(mood)}`;

/** The hint values the rewrite accepts, as one regular expression group named `mood`. */
export const HINT_VALUE_PATTERN = `(?<mood>${MOODS.map(moodSlug).join('|')})`;

type HintCookieOptions = { secure: boolean; maxAge: number };

/**
 * The Set-Cookie value that records `mood` as this browser's choice on the story, or forgets it
 * (`null`). Undefined for a slug that is not a story address (nothing to scope the cookie to).
 */
export function votedHintCookie(slug: string, mood: Mood | null, options: HintCookieOptions): string | undefined {
  if (!SLUG_PATTERN.test(slug)) return undefined;
  const parts = [
    `${VOTED_HINT_COOKIE}=${mood ? moodSlug(mood) : ''}`,
    `Path=/news/${slug}`,
    `Max-Age=${mood ? options.maxAge : 0}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
