// After a void or a pause, readers must see the corrected counts (or "voting is closed") at once:
// expire the story's page and its per-mood copies (lib/proxy/reader-votes.ts) and the home page,
// whose mood panel counts votes too. Mood ranking pages are rendered live.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { MOODS } from '@/lib/moods';
import { articlePath } from '@/lib/routes';
import { moodVariantPath } from '@/lib/votes/voted-hint';

export function revalidateStoryVotes(slug: string): void {
  revalidatePath(articlePath(slug));
  for (const mood of MOODS) revalidatePath(moodVariantPath(slug, mood));
  revalidatePath('/');
}
