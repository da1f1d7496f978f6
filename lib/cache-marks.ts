import type { Metadata } from 'next';

/**
 * Metadata for a page that answers 200 but must not be kept in Next's cache: one render per odd
 * address (an unknown section in a mood ranking's query) would otherwise be one more cache entry per
 * address a stranger makes up. lib/server/route-cache-handler.cjs looks for the tag this writes,
 * `<meta name="moodwire-cache" content="no-store"/>` (decision 018). Such a page is not indexed either.
 */
export const doNotStoreMetadata: Metadata = {
  robots: { index: false, follow: true },
  other: { 'moodwire-cache': 'no-store' },
};
