import { siteFeedResponse } from '@/lib/syndication';

export const revalidate = 300;

export function GET() {
  return siteFeedResponse('atom');
}
