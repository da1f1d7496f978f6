// What the home page shows (decision 036): the editor's home pins, then the newest stories; and a block
// per top-level section that opens with that section's pins, as the section's own page does.
import 'server-only';
import { listArticleCardsByIds, listArticles, type ArticleCard, type ArticleFilter } from './articles';
import { listLivePinIds, type PinPlace } from './pins';
import { listSections, sectionAndDescendantIds, topLevelSections, type SectionNode } from './sections';

/** Stories in the top block of the home page: the lead and four more. */
export const TOP_STORIES = 5;
/** Stories in each section's block on the home page. */
export const SECTION_BLOCK_STORIES = 3;

/** A place's live pins in the editor's order, then the newest stories of `filter` that are not pinned. */
async function pinnedThenNewest(
  place: PinPlace,
  filter: ArticleFilter,
  limit: number,
  now: number | undefined,
): Promise<{ stories: ArticleCard[]; pinned: number }> {
  const pinned = await listArticleCardsByIds(await listLivePinIds(place, { sectionIds: filter.sectionIds, now }), now);
  const newest = await listArticles({ ...filter, excludeIds: pinned.map((a) => a.id) }, { limit, now });
  return { stories: [...pinned, ...newest], pinned: pinned.length };
}

/** The home page's top stories: its pins in order (the first is the lead), then the newest, at least TOP_STORIES. */
export async function listTopStories(now?: number): Promise<ArticleCard[]> {
  const { stories, pinned } = await pinnedThenNewest(null, {}, TOP_STORIES, now);
  return stories.slice(0, Math.max(TOP_STORIES, pinned));
}

/**
 * One block per top-level section: the section's pins first, in order, then its newest stories, with
 * no story the top block already shows; sections with nothing to show are left out.
 */
export async function listHomeSectionBlocks(
  shownAbove: number[],
  now?: number,
): Promise<{ section: SectionNode; stories: ArticleCard[] }[]> {
  const all = await listSections();
  const shown = new Set(shownAbove);
  const blocks = await Promise.all(
    topLevelSections(all).map(async (section) => {
      const { stories } = await pinnedThenNewest(
        section.id,
        { sectionIds: sectionAndDescendantIds(all, section.id) },
        SECTION_BLOCK_STORIES + shown.size,
        now,
      );
      return { section, stories: stories.filter((a) => !shown.has(a.id)).slice(0, SECTION_BLOCK_STORIES) };
    }),
  );
  return blocks.filter((b) => b.stories.length > 0);
}
