import { timingSafeEqual } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { releaseDueScheduledStories } from '@/db/queries/scheduled';
import { revalidateStory } from '@/lib/admin/revalidate';
import { RELEASE_TOKEN_HEADER, releaseToken } from '@/lib/server/scheduled-release';
import { deliverQueuedWebhooks } from '@/lib/webhooks/events';

export const dynamic = 'force-dynamic';

function sameToken(given: string | null, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Called only by this server's own timer (lib/server/scheduled-release.ts); anyone else gets a 404. */
export async function POST(request: NextRequest) {
  if (!sameToken(request.headers.get(RELEASE_TOKEN_HEADER), releaseToken())) {
    return NextResponse.json({ error: 'Not found.' }, { status: 404 });
  }
  // Another server releasing right now (ran: false) refreshes its own pages; this one has none to.
  const { released, webhooks } = await releaseDueScheduledStories();
  for (const story of released) await revalidateStory({ slug: story.slug, sectionIds: [story.sectionId] });
  deliverQueuedWebhooks(webhooks);
  return NextResponse.json({ released: released.map((s) => s.slug) }, { headers: { 'cache-control': 'no-store' } });
}
