// What a staff write must refresh in the reader pages' cache (decision 001): the story's address and
// its old one, every section above it, and the home page.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { listSections, sectionTrail } from '@/db/queries/sections';
import { articlePath, sectionPath } from '@/lib/routes';

export function revalidateStory({ slug, oldSlug, sectionIds }: { slug: string; oldSlug?: string; sectionIds: number[] }): void {
  revalidatePath(articlePath(slug));
  if (oldSlug) revalidatePath(articlePath(oldSlug));
  const all = listSections();
  const touched = new Set<string>();
  for (const id of sectionIds) for (const s of sectionTrail(all, id)) touched.add(s.slug);
  for (const slug of touched) revalidatePath(sectionPath(slug));
  // Later pages of section listings shift too.
  revalidatePath('/section/[slug]/page/[n]', 'page');
  revalidatePath('/');
}

/** Site name, footer, partners, promo: they appear on every reader page. */
export function revalidateEverything(): void {
  revalidatePath('/', 'layout');
}
