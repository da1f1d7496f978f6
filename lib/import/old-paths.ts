// The old site's addresses, normalised the way lib/renamed-paths.ts looks them up: the path
// percent-decoded, without a trailing slash, and `?p=<id>` kept for WordPress's plain links.
import { decodePercent } from './slugs';

/** A path as stored in the redirects table, or undefined when there is nothing to redirect (the root). */
export function normalisedPath(path: string): string | undefined {
  const clean = decodePercent(path.split('#')[0]!.split('?')[0]!).replace(/\/+$/g, '');
  return clean && clean.startsWith('/') ? clean : undefined;
}

/** The path of an absolute or root-relative URL from an export, or undefined when it has none. */
export function pathOfUrl(url: string): { path: string; search: string } | undefined {
  try {
    const parsed = new URL(url.trim(), 'http://old.invalid');
    return { path: parsed.pathname, search: parsed.search };
  } catch {
    return undefined;
  }
}

/** The distinct non-empty paths of a list, in order. */
export function distinctPaths(paths: (string | undefined)[]): string[] {
  return [...new Set(paths.filter((p): p is string => !!p))];
}
