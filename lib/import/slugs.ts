// Slugs from another system kept within ours (lowercase ASCII letters, digits, single hyphens): a
// WordPress or Ghost slug that already fits is kept, so old and new addresses read the same; one in
// another script (WordPress keeps "中文标题" percent-encoded) is transliterated ("zhong-wen-biao-ti");
// what transliterates to nothing gets a fallback made from the record's kind and id.
import { transliterate } from 'transliteration';
import { SLUG_PATTERN, slugify } from '@/lib/domain/slug';

/** A percent-encoded slug or path decoded; left as it is when it is not valid percent-encoding. */
export function decodePercent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function importedSlug(raw: string, title: string, fallback: string, max = 80): string {
  const decoded = decodePercent(raw.trim()).toLowerCase();
  const cut = (s: string) => s.slice(0, max).replace(/-+$/g, '');
  if (SLUG_PATTERN.test(decoded) && decoded.length <= max) return decoded;
  for (const candidate of [decoded, title]) {
    const slug = cut(slugify(transliterate(candidate)));
    if (slug) return slug;
  }
  return cut(slugify(fallback));
}
