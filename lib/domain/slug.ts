/** A URL slug from a title: lowercase ASCII letters, digits and hyphens, at most 80 characters. */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `slug`, or `slug-2`, `slug-3`…: the first that `taken` says is free, within `max` characters. */
export async function freeSlug(slug: string, taken: (slug: string) => Promise<boolean>, max = 80): Promise<string> {
  if (!(await taken(slug))) return slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = slug.slice(0, max - suffix.length).replace(/-+$/g, '') + suffix;
    if (!(await taken(candidate))) return candidate;
  }
}
