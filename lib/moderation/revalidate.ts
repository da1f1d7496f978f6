// After a void or a pause, readers must see the corrected counts (or "voting is closed") at once:
// expire the story's page and its per-mood copies (decision 002), the home page, whose mood panel
// counts votes too, and the mood rankings.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { storyPaths } from '@/lib/admin/revalidate';
import { MOOD_RANKING_ROUTES } from '@/lib/domain/routes';

export function revalidateStoryVotes(slug: string): void {
  for (const path of storyPaths(slug)) revalidatePath(path);
  revalidatePath('/');
  for (const route of MOOD_RANKING_ROUTES) revalidatePath(route, 'page');
}
