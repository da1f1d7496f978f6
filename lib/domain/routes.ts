// Every public URL is built here, so links, feeds, sitemaps and redirects agree.
import type { Mood } from './moods';
import type { LinkNetwork } from './share-networks';

export const articlePath = (slug: string) => `/news/${slug}`;
export const sectionPath = (slug: string) => `/section/${slug}`;
export const tagPath = (slug: string) => `/tag/${slug}`;
export const authorPath = (slug: string) => `/author/${slug}`;
export const moodPath = (mood: Mood) => `/moods/${mood.replace('_', '-')}`;
/**
 * A reader route file's pattern as revalidatePath(pattern, 'page') needs it: Next tags a cached page
 * with its route file's path, route group included (`_N_T_/(site)/moods/[mood]/in/[window]/page`),
 * so a pattern without the group expires nothing (issue 16 §8: votes reached the mood rankings only
 * through their 60 s revalidation, 28–61 s late).
 */
export const readerRoute = (pattern: `/${string}`) => `/(site)${pattern}` as const;
/** The route files that render mood rankings (the cached ones hold the period and section in the path). */
export const MOOD_RANKING_ROUTES = [
  readerRoute('/moods/[mood]'),
  readerRoute('/moods/[mood]/in/[window]'),
  readerRoute('/moods/[mood]/in/[window]/[section]'),
] as const;

/** Our counting redirect to a network's share page (see app/share/[network]/[slug]/route.ts). */
export const sharePath = (network: LinkNetwork, slug: string) => `/share/${network}/${slug}`;

/** Feeds: the whole site, and one per section (its subsections included). */
export const rssPath = () => '/feed.xml';
export const atomPath = () => '/atom.xml';
export const sectionRssPath = (slug: string) => `${sectionPath(slug)}/feed.xml`;
export const sectionAtomPath = (slug: string) => `${sectionPath(slug)}/atom.xml`;
export const newsSitemapPath = () => '/news-sitemap.xml';

/** Generated 1200×630 share images (Open Graph, X cards). */
export const siteImagePath = () => '/og.png';
export const sectionImagePath = (slug: string) => `${sectionPath(slug)}/og.png`;
export const articleImagePath = (slug: string) => `${articlePath(slug)}/og.png`;

export const STATIC_PAGES = [
  { slug: 'about', label: 'About us' },
  { slug: 'contact', label: 'Contact us' },
  { slug: 'copyright', label: 'Copyright' },
  { slug: 'terms', label: 'Terms of use' },
  { slug: 'privacy', label: 'Privacy policy' },
] as const;
export type StaticPageSlug = (typeof STATIC_PAGES)[number]['slug'];
export const staticPagePath = (slug: StaticPageSlug) => `/${slug}`;

/**
 * The site's address, without a trailing slash: SITE_URL, or when it is unset the address the server
 * listens on (HOSTNAME and PORT as `next start` reads them; all interfaces count as localhost), the
 * way a new install is first opened. Absolute links and the origin check of every write use it.
 */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.SITE_URL) return env.SITE_URL.replace(/\/+$/, '');
  return listeningAddress(env);
}

/** Why SITE_URL cannot be used (it must be an http or https origin), or undefined when it is fine or unset. */
export function siteUrlProblem(env: Record<string, string | undefined> = process.env): string | undefined {
  if (!env.SITE_URL) return undefined;
  let url: URL;
  try {
    url = new URL(env.SITE_URL);
  } catch {
    return `SITE_URL is not an address: "${env.SITE_URL}". Use the site's public address, e.g. https://news.example.com`;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash)
    return `SITE_URL must be an http or https address with no path, e.g. https://news.example.com (got "${env.SITE_URL}").`;
  return undefined;
}

/** The line the server prints at start-up when SITE_URL is unset. */
export const assumedSiteUrlNotice = (env: Record<string, string | undefined> = process.env) =>
  `[moodwire] SITE_URL is not set: the site's address is taken to be ${siteUrl(env)}, where this server listens (links, feeds, share links and the origin check of every form use it). Set SITE_URL to the address readers use.`;

/** http://<host>:<port> of this server as `next start` binds it (PORT default 3000). */
export function listeningAddress(env: Record<string, string | undefined> = process.env): string {
  const host = (env.HOSTNAME ?? '').trim().replace(/^\[(.*)\]$/, '$1');
  const shown = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${listeningPort(env)}`;
}

/** The port this server listens on (`next start` sets PORT to the one it bound). */
export const listeningPort = (env: Record<string, string | undefined> = process.env) => env.PORT?.trim() || '3000';

export const absoluteUrl = (path: string) => `${siteUrl()}${path}`;
