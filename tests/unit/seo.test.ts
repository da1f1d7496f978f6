import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFull } from '@/db/queries/articles';
import { articleJsonLd, articleMetadata, plainExcerpt, serializeJsonLd } from '@/lib/seo';
import { NASTY_STANDFIRST, NASTY_TITLE } from '../helpers/stories';

const SITE = 'https://news.example';
beforeAll(() => {
  process.env.SITE_URL = `${SITE}/`;
});
afterAll(() => {
  delete process.env.SITE_URL;
});

const article: ArticleFull = {
  id: 7,
  slug: 'nasty',
  title: NASTY_TITLE,
  standfirst: NASTY_STANDFIRST,
  byline: 'Lin Yue',
  publishedAt: Date.parse('2026-11-20T08:00:00Z'),
  revisedAt: Date.parse('2026-11-21T09:30:00Z'),
  sectionSlug: 'weibo-wire',
  sectionName: 'Weibo Wire',
  sectionId: 3,
  dateline: 'BEIJING',
  bodyHtml: '<p>Body</p>',
  wordCount: 1,
  votingPaused: false,
  author: { slug: 'lin-yue', name: 'Lin Yue' },
  tags: [{ slug: 'wechat', name: 'WeChat' }],
  hero: {
    path: '/media/abc/1600.webp',
    mime: 'image/webp',
    alt: 'A photo',
    caption: '',
    credit: '',
    width: 1600,
    height: 900,
    variants: [],
  },
};
const site = { siteName: 'Sino-US', tagline: 'News' };
const crumbs = [
  { name: 'Sino-US', href: '/' },
  { name: 'China News', href: '/section/china-news' },
  { name: 'Weibo Wire', href: '/section/weibo-wire' },
  { name: NASTY_TITLE, href: '/news/nasty' },
];

describe('JSON-LD', () => {
  it('cannot close its script element or open a comment, and parses back to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script><!-- & \u2028' };
    const out = serializeJsonLd(data);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(data);
  });

  it('describes the story as a NewsArticle with the page’s breadcrumb', () => {
    const [news, breadcrumb] = articleJsonLd(article, site, crumbs).map(
      (d) => JSON.parse(serializeJsonLd(d)) as Record<string, unknown>,
    );
    expect(news).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: NASTY_TITLE,
      description: NASTY_STANDFIRST,
      url: `${SITE}/news/nasty`,
      datePublished: '2026-11-20T08:00:00.000Z',
      dateModified: '2026-11-21T09:30:00.000Z',
      author: [{ '@type': 'Person', name: 'Lin Yue' }],
      publisher: { '@type': 'Organization', name: 'Sino-US', url: `${SITE}/` },
      articleSection: 'Weibo Wire',
      image: [`${SITE}/news/nasty/og.png?v=${article.revisedAt!.toString(36)}`, `${SITE}/media/abc/1600.webp`],
    });
    expect(breadcrumb).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: crumbs.map((c, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        name: c.name,
        item: `${SITE}${c.href}`,
      })),
    });
  });
});

describe('story metadata', () => {
  it('has canonical, Open Graph article fields, a 1200×630 image and a large X card', () => {
    const meta = articleMetadata(article, site);
    expect(meta.alternates?.canonical).toBe(`${SITE}/news/nasty`);
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      title: NASTY_TITLE,
      publishedTime: '2026-11-20T08:00:00.000Z',
      modifiedTime: '2026-11-21T09:30:00.000Z',
      section: 'Weibo Wire',
      images: [{ width: 1200, height: 630, type: 'image/png' }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image' });
    expect(Object.keys(meta.alternates?.types ?? {})).toEqual(['application/rss+xml', 'application/atom+xml']);
  });

  it('falls back to an excerpt of the body when there is no standfirst', () => {
    expect(plainExcerpt('<p>Fish &amp; chips &lt;3 <a href="/x">here</a></p><p>next</p>')).toBe(
      'Fish & chips <3 here next',
    );
    const long = plainExcerpt(`<p>${'word '.repeat(100)}</p>`, 50);
    expect(long.length).toBeLessThanOrEqual(51);
    expect(long.endsWith('word…')).toBe(true);
  });
});
