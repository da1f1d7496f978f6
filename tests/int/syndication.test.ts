import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../helpers/temp-db';
import { insertStory, NASTY_STANDFIRST, NASTY_TITLE } from '../helpers/stories';

const SITE = 'https://news.example';
const HOUR = 3_600_000;
let temp: ReturnType<typeof createTempDatabase>;
let hidden: string[];
let publicSlugs: Set<string>;

// Parsed XML is walked by name in these tests; its shape is what is being checked.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type XmlNode = Record<string, any>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'url', 'category', 'link'].includes(name),
});
const decodeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const text = (v: unknown): string =>
  typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v);

async function xmlOf(response: Response | Promise<Response>) {
  const res = await response;
  const body = await res.text();
  expect(XMLValidator.validate(body), body.slice(0, 300)).toBe(true);
  return { res, body, doc: parser.parse(body) as XmlNode };
}

beforeAll(() => {
  process.env.SITE_URL = SITE;
  temp = createTempDatabase();
  const now = Date.now();
  insertStory(temp.db.$client, { slug: 'nasty-feed-title', publishedAt: now - HOUR });
  insertStory(temp.db.$client, {
    slug: 'two-days-minus-an-hour',
    title: 'Inside the news window',
    publishedAt: now - 47 * HOUR,
    sectionSlug: 'sports',
  });
  insertStory(temp.db.$client, {
    slug: 'older-than-two-days',
    title: 'Outside the news window',
    publishedAt: now - 49 * HOUR,
    sectionSlug: 'sports',
  });
  insertStory(temp.db.$client, {
    slug: 'control-characters',
    title: 'Bell\u0007 and form\u000Cfeed',
    publishedAt: now - 2 * HOUR,
    sectionSlug: 'sports',
  });
  insertStory(temp.db.$client, { slug: 'fresh-draft', title: 'Secret draft', status: 'draft', publishedAt: null });
  insertStory(temp.db.$client, {
    slug: 'fresh-scheduled',
    title: 'Secret scheduled',
    status: 'scheduled',
    publishedAt: now + HOUR,
  });
  hidden = (
    temp.db.$client.prepare("select slug from articles where status <> 'published' or published_at > ?").all(now) as {
      slug: string;
    }[]
  ).map((r) => r.slug);
  publicSlugs = new Set(
    (temp.db.$client.prepare("select slug from articles where status = 'published'").all() as { slug: string }[]).map(
      (r) => r.slug,
    ),
  );
});
afterAll(() => {
  delete process.env.SITE_URL;
  temp.cleanup();
});

const slugOf = (url: string) => url.replace(`${SITE}/news/`, '');

describe('RSS and Atom', () => {
  it('the site RSS feed lists public stories only, newest first, with the nasty title intact', async () => {
    const { GET } = await import('@/app/feed.xml/route');
    const { res, doc } = await xmlOf(GET());
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const channel = doc.rss.channel;
    expect(doc.rss['@version']).toBe('2.0');
    expect(channel.title).toBe('Sino-US');
    expect(channel['atom:link']['@href']).toBe(`${SITE}/feed.xml`);
    const items = channel.item as XmlNode[];
    expect(items.length).toBe(30);
    const slugs = items.map((i) => slugOf(text(i.link[0])));
    for (const slug of slugs) expect(publicSlugs.has(slug), slug).toBe(true);
    for (const slug of hidden) expect(slugs).not.toContain(slug);
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);

    const nasty = items.find((i) => slugOf(text(i.link[0])) === 'nasty-feed-title')!;
    expect(nasty.title).toBe(NASTY_TITLE);
    expect(decodeHtml(nasty.description)).toBe(NASTY_STANDFIRST);
    expect(nasty['dc:creator']).toBe('Test Reporter & Co');
    expect(text(nasty.category[0])).toBe('Weibo Wire');
    // Links in the body are absolute; "]]>" in the body survives.
    expect(nasty['content:encoded']).toContain(`href="${SITE}/section/weibo-wire"`);
    expect(nasty['content:encoded']).toContain(']]&gt;');
    const control = items.find((i) => slugOf(text(i.link[0])) === 'control-characters')!;
    expect(control.title).toBe('Bell and formfeed');
  });

  it('the site Atom feed says the same, with HTML titles escaped and a term on every category', async () => {
    const { GET } = await import('@/app/atom.xml/route');
    const { res, doc } = await xmlOf(GET());
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const entries = doc.feed.entry as XmlNode[];
    expect(entries.length).toBe(30);
    for (const e of entries) expect(publicSlugs.has(slugOf(e.id))).toBe(true);
    const nasty = entries.find((e) => slugOf(e.id) === 'nasty-feed-title')!;
    expect(nasty.title['@type']).toBe('html');
    expect(decodeHtml(text(nasty.title))).toBe(NASTY_TITLE);
    expect(nasty.author.name).toBe('Test Reporter & Co');
    expect(nasty.category[0]['@term']).toBe('weibo-wire');
    expect(nasty.category[0]['@label']).toBe('Weibo Wire');
    const selfLink = (doc.feed.link as Record<string, string>[]).find((l) => l['@rel'] === 'self');
    expect(selfLink?.['@href']).toBe(`${SITE}/atom.xml`);
  });

  it('a section feed holds its own and its subsections’ stories; an unknown section is a 404', async () => {
    const rss = await import('@/app/(site)/section/[slug]/feed.xml/route');
    const atom = await import('@/app/(site)/section/[slug]/atom.xml/route');
    const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });
    const { doc } = await xmlOf(rss.GET(new Request(`${SITE}/section/china-news/feed.xml`), ctx('china-news')));
    expect(doc.rss.channel.title).toBe('Sino-US: China News');
    const categories = new Set((doc.rss.channel.item as XmlNode[]).map((i) => text(i.category[0])));
    expect(categories).toContain('Weibo Wire');
    expect([...categories].every((c) => ['China News', 'Weibo Wire', 'Society'].includes(c))).toBe(true);
    const sports = await xmlOf(atom.GET(new Request(`${SITE}/section/sports/atom.xml`), ctx('sports')));
    const titles = (sports.doc.feed.entry as XmlNode[]).map((e) => text(e.title));
    expect(titles).toContain('Inside the news window');
    expect(titles).not.toContain('Secret draft');
    expect((await rss.GET(new Request(`${SITE}/section/nope/feed.xml`), ctx('nope'))).status).toBe(404);
  });
});

describe('sitemaps and robots.txt', () => {
  it('sitemap.xml has every public story, every section and page, and nothing hidden', async () => {
    const { default: sitemap } = await import('@/app/sitemap');
    const urls = (await sitemap()).map((e) => e.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const slug of publicSlugs) expect(urls).toContain(`${SITE}/news/${slug}`);
    for (const slug of hidden) expect(urls).not.toContain(`${SITE}/news/${slug}`);
    for (const path of ['/', '/section/china-news', '/section/weibo-wire', '/about', '/privacy'])
      expect(urls).toContain(`${SITE}${path}`);
    expect(urls.every((u) => u.startsWith(`${SITE}/`))).toBe(true);
  });

  it('the Google News sitemap lists the last 48 hours only, with the news: extension', async () => {
    const { GET } = await import('@/app/news-sitemap.xml/route');
    const { body, doc } = await xmlOf(GET());
    expect(body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const urls = doc.urlset.url as XmlNode[];
    const bySlug = new Map(urls.map((u) => [slugOf(u.loc), u['news:news']]));
    expect([...bySlug.keys()].sort()).toEqual(['control-characters', 'nasty-feed-title', 'two-days-minus-an-hour']);
    const nasty = bySlug.get('nasty-feed-title');
    expect(nasty['news:title']).toBe(NASTY_TITLE);
    expect(nasty['news:publication']['news:name']).toBe('Sino-US');
    expect(nasty['news:publication']['news:language']).toBe('en');
    expect(Date.parse(nasty['news:publication_date'])).toBeGreaterThan(Date.now() - 2 * HOUR);
  });

  it('robots.txt points at both sitemaps and keeps crawlers off the share redirects', async () => {
    const { default: robots } = await import('@/app/robots');
    const result = robots();
    expect(result.sitemap).toEqual([`${SITE}/sitemap.xml`, `${SITE}/news-sitemap.xml`]);
    const rules = Array.isArray(result.rules) ? result.rules : [result.rules];
    expect(rules[0]?.disallow).toContain('/share/');
  });
});
