// Every public URL is built here, so links, feeds, sitemaps and redirects agree.
import type { Mood } from '@/db/schema';

export const articlePath = (slug: string) => `/news/${slug}`;
export const sectionPath = (slug: string) => `/section/${slug}`;
export const tagPath = (slug: string) => `/tag/${slug}`;
export const authorPath = (slug: string) => `/author/${slug}`;
export const moodPath = (mood: Mood) => `/moods/${mood.replace('_', '-')}`;

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
