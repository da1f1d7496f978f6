// Every public URL is built here, so links, feeds, sitemaps and redirects agree.
import type { Mood } from './moods';
import type { LinkNetwork } from './share-networks';

export const articlePath = (slug: string) => `/news/${slug}`;
export const sectionPath = (slug: string) => `/section/${slug}`;
export const tagPath = (slug: string) => `/tag/${slug}`;
export const authorPath = (slug: string) => `/author/${slug}`;
export const moodPath = (mood: Mood) => `/moods/${mood.replace('_', '-')}`;
/** The route files that render mood rankings (the cached ones hold the period and section in the path). */
export const MOOD_RANKING_ROUTES = [
  '/moods/[mood]',
  '/moods/[mood]/in/[window]',
  '/moods/[mood]/in/[window]/[section]',
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

/** The canonical origin, from SITE_URL (default http://localhost:3000), without a trailing slash. */
export function siteUrl(): string {
  return (process.env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

export const absoluteUrl = (path: string) => `${siteUrl()}${path}`;
