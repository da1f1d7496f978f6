// What search engines, feed readers and social networks read about a page: metadata and JSON-LD.
// Every URL is absolute and built from SITE_URL, whatever host the request came in on.
import type { Metadata } from 'next';
import type { ArticleFull } from '@/db/queries/articles';
import type { Correction } from '@/db/queries/corrections';
import { CORRECTION_LABELS } from '@/lib/domain/corrections';
import {
  absoluteUrl,
  articleImagePath,
  articlePath,
  atomPath,
  rssPath,
  sectionAtomPath,
  sectionRssPath,
  siteUrl,
} from '@/lib/domain/routes';

export type SiteInfo = { siteName: string; tagline: string };

/** <link rel="alternate"> feed autodiscovery: the site's feeds, and a section's when given. */
export function feedLinks(
  site: SiteInfo,
  section?: { slug: string; name: string },
): NonNullable<Metadata['alternates']>['types'] {
  const rss = [{ url: absoluteUrl(rssPath()), title: `${site.siteName} (RSS)` }];
  const atom = [{ url: absoluteUrl(atomPath()), title: `${site.siteName} (Atom)` }];
  if (section) {
    rss.push({ url: absoluteUrl(sectionRssPath(section.slug)), title: `${site.siteName}: ${section.name} (RSS)` });
    atom.push({ url: absoluteUrl(sectionAtomPath(section.slug)), title: `${site.siteName}: ${section.name} (Atom)` });
  }
  return { 'application/rss+xml': rss, 'application/atom+xml': atom };
}

export const SHARE_IMAGE = { width: 1200, height: 630, type: 'image/png' } as const;

/**
 * Full metadata for a page that is not a story (home, sections, static pages). Each page states its
 * own alternates and Open Graph in full: Next merges metadata one top-level key at a time, so a page
 * that set only a canonical URL would lose the layout's feed links.
 */
export function pageMetadata({
  site,
  title,
  absoluteTitle = false,
  description,
  path,
  imagePath,
  section,
}: {
  site: SiteInfo;
  title: string;
  absoluteTitle?: boolean;
  description: string;
  path: string;
  imagePath: string;
  section?: { slug: string; name: string };
}): Metadata {
  const url = absoluteUrl(path);
  const image = { url: absoluteUrl(imagePath), alt: title, ...SHARE_IMAGE };
  return {
    title: absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical: url, types: feedLinks(site, section) },
    openGraph: { type: 'website', url, title, description, siteName: site.siteName, locale: 'en_US', images: [image] },
    twitter: { card: 'summary_large_image', title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

/** A plain-text excerpt of sanitised HTML, cut at a word boundary: the description when there is no standfirst. */
export function plainExcerpt(html: string, max = 200): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (entity) => decodeEntity(entity))
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

function decodeEntity(entity: string): string {
  const named: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&apos;': "'",
    '&nbsp;': ' ',
  };
  const lower = entity.toLowerCase();
  if (named[lower]) return named[lower];
  const code = lower.startsWith('&#x') ? parseInt(lower.slice(3), 16) : parseInt(lower.slice(2), 10);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
}

export type JsonLd = Record<string, unknown>;

/**
 * JSON for a <script type="application/ld+json">: `<`, `>` and `&` are written as \u escapes, so no
 * title can close the script element or open a comment; U+2028/2029 too, for old parsers.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function breadcrumbJsonLd(crumbs: { name: string; href: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.href),
    })),
  };
}

export function newsArticleJsonLd({
  url,
  headline,
  description,
  publishedAt,
  modifiedAt,
  authorName,
  imageUrls,
  section,
  keywords,
  siteName,
  corrections = [],
}: {
  url: string;
  headline: string;
  description: string;
  publishedAt: number;
  modifiedAt: number;
  authorName: string;
  imageUrls: string[];
  section: string;
  keywords: string[];
  siteName: string;
  corrections?: Correction[];
}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline,
    description,
    image: imageUrls,
    datePublished: new Date(publishedAt).toISOString(),
    dateModified: new Date(modifiedAt).toISOString(),
    ...(authorName ? { author: [{ '@type': 'Person', name: authorName }] } : {}),
    publisher: { '@type': 'Organization', name: siteName, url: `${siteUrl()}/` },
    articleSection: section,
    ...(keywords.length > 0 ? { keywords } : {}),
    // Corrections and update notes, as schema.org's CreativeWork.correction, oldest first.
    ...(corrections.length > 0
      ? {
          correction: corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: `${CORRECTION_LABELS[c.kind]}: ${c.note}`,
            datePublished: new Date(c.createdAt).toISOString(),
          })),
        }
      : {}),
    inLanguage: 'en',
    isAccessibleForFree: true,
  };
}

/** When a story last changed, for dateModified and to refresh share-image caches. */
export const articleModifiedAt = (article: Pick<ArticleFull, 'publishedAt' | 'revisedAt'>) =>
  Math.max(article.publishedAt, article.revisedAt ?? 0);

/** The story's generated share image; `v` changes with every revision, so networks fetch it again. */
export const articleImageUrl = (article: Pick<ArticleFull, 'slug' | 'publishedAt' | 'revisedAt'>) =>
  `${absoluteUrl(articleImagePath(article.slug))}?v=${articleModifiedAt(article).toString(36)}`;

export const articleDescription = (article: Pick<ArticleFull, 'standfirst' | 'bodyHtml'>) =>
  article.standfirst || plainExcerpt(article.bodyHtml);

export function articleMetadata(article: ArticleFull, site: SiteInfo): Metadata {
  const url = absoluteUrl(articlePath(article.slug));
  const description = articleDescription(article);
  const image = { url: articleImageUrl(article), alt: article.title, ...SHARE_IMAGE };
  return {
    title: article.title,
    description,
    authors: article.byline ? [{ name: article.byline }] : undefined,
    alternates: { canonical: url, types: feedLinks(site, { slug: article.sectionSlug, name: article.sectionName }) },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      siteName: site.siteName,
      locale: 'en_US',
      publishedTime: new Date(article.publishedAt).toISOString(),
      modifiedTime: new Date(articleModifiedAt(article)).toISOString(),
      section: article.sectionName,
      authors: article.byline ? [article.byline] : undefined,
      tags: article.tags.map((t) => t.name),
      images: [image],
    },
    twitter: {
      card: 'summary_large_image',
      title: article.title,
      description,
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}

/** NewsArticle and BreadcrumbList for a story; `crumbs` are the ones the page shows. */
export function articleJsonLd(
  article: ArticleFull,
  site: SiteInfo,
  crumbs: { name: string; href: string }[],
  corrections: Correction[] = [],
): JsonLd[] {
  const images = [articleImageUrl(article)];
  if (article.hero && !article.hero.path.endsWith('.svg')) images.push(absoluteUrl(article.hero.path));
  return [
    newsArticleJsonLd({
      url: absoluteUrl(articlePath(article.slug)),
      headline: article.title,
      description: articleDescription(article),
      publishedAt: article.publishedAt,
      modifiedAt: articleModifiedAt(article),
      authorName: article.byline,
      imageUrls: images,
      section: article.sectionName,
      keywords: article.tags.map((t) => t.name),
      siteName: site.siteName,
      corrections,
    }),
    breadcrumbJsonLd(crumbs),
  ];
}
