import { siteFeedResponse } from '@/lib/syndication';

// Cached like the home page's listings; a publish shows up within this bound.
export const revalidate = 300;

export function GET() {
  return siteFeedResponse('rss');
}
