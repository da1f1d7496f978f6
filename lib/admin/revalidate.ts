// What a staff write must refresh in the reader pages' cache (decision 001). One list, so publishing,
// editing, unpublishing, a new hero or a voided burst all reach every page that shows the story.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { listSections, sectionTrail } from '@/db/queries/sections';
import { MOODS } from '@/lib/domain/moods';
import {
  articleImagePath,
  articlePath,
  atomPath,
  MOOD_RANKING_ROUTES,
  newsSitemapPath,
  rssPath,
  sectionAtomPath,
  sectionPath,
  sectionRssPath,
  staticPagePath,
  type StaticPageSlug,
} from '@/lib/domain/routes';
import { moodVariantPath } from '@/lib/votes/voted-hint';

/** The story's own cached addresses: the page, its per-mood copies (decision 002) and its share image. */
export function storyPaths(slug: string): string[] {
  return [articlePath(slug), ...MOODS.map((mood) => moodVariantPath(slug, mood)), articleImagePath(slug)];
}

/** Every cached reader address a change to a story can show on, given its slug(s) and section(s). */
export async function storyChangePaths({
  slug,
  oldSlug,
  sectionIds,
}: {
  slug: string;
  oldSlug?: string;
  sectionIds: number[];
}): Promise<{
  paths: string[];
  patterns: string[];
}> {
  const paths = new Set<string>([...storyPaths(slug), ...(oldSlug ? storyPaths(oldSlug) : [])]);
  const all = await listSections();
  for (const id of sectionIds) {
    for (const s of sectionTrail(all, id)) {
      paths.add(sectionPath(s.slug));
      paths.add(sectionRssPath(s.slug));
      paths.add(sectionAtomPath(s.slug));
    }
  }
  for (const p of ['/', rssPath(), atomPath(), '/sitemap.xml', newsSitemapPath()]) paths.add(p);
  // Listings whose pages shift when a story comes or goes; a story's tags and author are edited with
  // it, so every tag and author listing is expired (each is re-rendered only when next visited).
  const patterns = [
    '/section/[slug]/page/[n]',
    '/tag/[slug]',
    '/tag/[slug]/page/[n]',
    '/author/[slug]',
    '/author/[slug]/page/[n]',
    ...MOOD_RANKING_ROUTES,
  ];
  return { paths: [...paths], patterns };
}

export async function revalidateStory(change: { slug: string; oldSlug?: string; sectionIds: number[] }): Promise<void> {
  const { paths, patterns } = await storyChangePaths(change);
  for (const p of paths) revalidatePath(p);
  for (const p of patterns) revalidatePath(p, 'page');
}

/**
 * An edit of About us, Contact us or another static page shows on that page, and as its date in the
 * sitemap; nowhere else. The footer links every static page under its fixed name (STATIC_PAGES), so
 * no other page changes.
 */
export function revalidateStaticPage(slug: StaticPageSlug): void {
  revalidatePath(staticPagePath(slug));
  revalidatePath('/sitemap.xml');
}

/** Site name, footer, partners, promo: they appear on every reader page. */
export function revalidateEverything(): void {
  revalidatePath('/', 'layout');
}
