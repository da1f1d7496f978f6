import http from 'node:http';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { draftDemo, scheduledDemo, WECHAT_SLUG } from '../helpers/demo';
import { insertStory, NASTY_TITLE } from '../helpers/stories';

const DB_PATH = process.env.E2E_DATABASE_PATH || path.join(process.cwd(), 'data', 'test', 'e2e.db');
const ARTICLE = `/news/${WECHAT_SLUG}`;
const NETWORK_HOSTS = {
  weibo: 'service.weibo.com',
  x: 'x.com',
  facebook: 'www.facebook.com',
  linkedin: 'www.linkedin.com',
  reddit: 'www.reddit.com',
} as const;
const LABELS = { weibo: 'Weibo', x: 'X', facebook: 'Facebook', linkedin: 'LinkedIn', reddit: 'Reddit' } as const;

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(DB_PATH);
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}

function shareCount(slug: string, network: string): number {
  return withDb(
    (db) =>
      (
        db
          .prepare(
            'select coalesce(sum(s.count), 0) as n from share_clicks s join articles a on a.id = s.article_id where a.slug = ? and s.network = ?',
          )
          .get(slug, network) as { n: number }
      ).n,
  );
}

const shareBar = (page: Page) => page.getByRole('region', { name: 'Share this page' });
const wechatSummary = (page: Page) => shareBar(page).locator('summary', { hasText: 'WeChat' });
const qrCode = (page: Page) => page.getByRole('img', { name: 'QR code of this story’s address' });

test('the article page loads nothing from another origin, before or after a tap on every share control', async ({
  context,
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const outside: { url: string; fromArticle: boolean; type: string; navigation: boolean }[] = [];
  // No real traffic leaves the machine: every request to another origin is recorded and refused.
  await context.route('**/*', (route) => {
    const request = route.request();
    if (new URL(request.url()).origin === origin) return route.continue();
    outside.push({
      url: request.url(),
      fromArticle: request.frame().page() === page,
      type: request.resourceType(),
      navigation: request.isNavigationRequest(),
    });
    return route.abort('blockedbyclient');
  });

  await page.goto(ARTICLE);
  await page.waitForLoadState('networkidle');
  expect(outside).toEqual([]);

  for (const network of Object.keys(NETWORK_HOSTS) as (keyof typeof NETWORK_HOSTS)[]) {
    const link = shareBar(page).getByRole('link', { name: `Share on ${LABELS[network]} (opens in a new tab)` });
    await expect(link).toHaveAttribute('rel', 'nofollow noopener');
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await expect.poll(() => outside.some((o) => new URL(o.url).host === NETWORK_HOSTS[network])).toBe(true);
    await popup.close();
  }

  const email = shareBar(page).getByRole('link', { name: 'Share on Email' });
  expect(await email.getAttribute('target')).toBeNull();
  const emailResponse = await page.request.get((await email.getAttribute('href'))!, { maxRedirects: 0 });
  expect(emailResponse.status()).toBe(302);
  expect(emailResponse.headers().location).toMatch(/^mailto:\?subject=/);

  await wechatSummary(page).click();
  await expect(qrCode(page)).toBeVisible();
  // A tap elsewhere closes the popover, which may cover the buttons below it.
  await page.locator('h1').click();
  await expect(qrCode(page)).toBeHidden();
  await shareBar(page).getByRole('button', { name: 'Copy link' }).click();
  await expect(shareBar(page).getByRole('button', { name: 'Link copied' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // The article page itself asked nothing of any other site; only the new tabs went to the networks.
  expect(outside.filter((o) => o.fromArticle)).toEqual([]);
  for (const o of outside) {
    expect(o.navigation && o.type === 'document', o.url).toBe(true);
    expect(Object.values(NETWORK_HOSTS)).toContain(new URL(o.url).host);
  }
  expect(new Set(outside.map((o) => new URL(o.url).host))).toEqual(new Set(Object.values(NETWORK_HOSTS)));
});

test('a share click is counted once, and lands on the network with the canonical URL', async ({
  context,
  page,
  baseURL,
}) => {
  const targets: string[] = [];
  await context.route(/^https:\/\//, (route) => {
    targets.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await page.goto(ARTICLE);
  const before = shareCount(WECHAT_SLUG, 'x');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    shareBar(page)
      .getByRole('link', { name: /^Share on X/ })
      .click(),
  ]);
  await expect.poll(() => targets.length).toBe(1);
  await popup.close();
  await page.waitForTimeout(300);
  expect(shareCount(WECHAT_SLUG, 'x')).toBe(before + 1);
  const target = new URL(targets[0]!);
  expect(target.origin + target.pathname).toBe('https://x.com/intent/tweet');
  expect(target.searchParams.get('url')).toBe(`${baseURL}${ARTICLE}`);
  expect(target.searchParams.get('text')).toBe(await page.locator('h1').innerText());
});

test('another site that loads share links as images, scripts, frames or prefetches, or posts share reports, adds nothing', async ({
  context,
  page,
  baseURL,
}) => {
  const before = Object.fromEntries(['x', 'weibo', 'reddit', 'copy'].map((n) => [n, shareCount(WECHAT_SLUG, n)]));
  const link = (network: string) => `${baseURL}/share/${network}/${WECHAT_SLUG}`;
  const redirected: string[] = [];
  context.on('response', (r) => {
    if (r.url().includes('/share/') && r.status() === 302) redirected.push(r.url());
  });
  // The networks' pages are not needed: the redirect is what would count.
  await context.route(/^https:\/\//, (route) => route.abort('blockedbyclient'));
  // Another site: a real server on this machine, under another host name (localhost, not 127.0.0.1).
  const html = `<!doctype html><title>Elsewhere</title>
    ${Array.from({ length: 5 }, (_, i) => `<img src="${link('x')}?i=${i}" alt="">`).join('')}
    <script src="${link('weibo')}"></script>
    <iframe src="${link('reddit')}"></iframe>
    <link rel="prefetch" href="${link('x')}?prefetch">
    <script>
      fetch(${JSON.stringify(`${baseURL}/api/share`)}, { method: 'POST', mode: 'no-cors',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ slug: ${JSON.stringify(WECHAT_SLUG)}, network: 'copy' }) });
    </script>`;
  const elsewhere = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://localhost:${(elsewhere.address() as { port: number }).port}/`);
    await expect.poll(() => redirected.filter((u) => u.includes('/share/x/')).length).toBeGreaterThanOrEqual(5);
    await page.waitForLoadState('networkidle');
  } finally {
    elsewhere.close();
  }
  for (const network of Object.keys(before)) expect(shareCount(WECHAT_SLUG, network), network).toBe(before[network]);
});

test('the share endpoint is no open redirect, and drafts and scheduled stories cannot be shared', async ({
  request,
}) => {
  const res = await request.get(`/share/facebook/${WECHAT_SLUG}?u=https://evil.example&url=https://evil.example`, {
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  expect(new URL(res.headers().location!).host).toBe('www.facebook.com');
  expect(res.headers().location).not.toContain('evil');
  for (const url of [
    `/share/evil/${WECHAT_SLUG}`,
    `/share/x/${draftDemo.slug}`,
    `/share/x/${scheduledDemo.slug}`,
    '/share/x/no-such-story',
  ]) {
    expect((await request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
  }
  expect(shareCount(draftDemo.slug, 'x') + shareCount(scheduledDemo.slug, 'x')).toBe(0);
});

test('copy link copies the canonical URL, says so for a few seconds, and is counted', async ({
  context,
  page,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await page.goto(ARTICLE);
  const before = shareCount(WECHAT_SLUG, 'copy');
  const button = shareBar(page).getByRole('button', { name: 'Copy link' });
  const reported = page.waitForResponse((r) => r.url().endsWith('/api/share') && r.request().method() === 'POST');
  await button.click();
  await expect(shareBar(page).getByRole('button', { name: 'Link copied' })).toBeVisible();
  await expect(shareBar(page).getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${ARTICLE}`);
  expect((await reported).status()).toBe(204);
  expect(shareCount(WECHAT_SLUG, 'copy')).toBe(before + 1);
  await expect(shareBar(page).getByRole('button', { name: 'Copy link' })).toBeVisible({ timeout: 5000 });
  await expect(shareBar(page).getByRole('status')).toHaveText('');
});

test('opening the WeChat QR code is reported once per opening', async ({ page }) => {
  await page.goto(ARTICLE);
  const before = shareCount(WECHAT_SLUG, 'wechat');
  const reported = page.waitForResponse((r) => r.url().endsWith('/api/share'));
  await wechatSummary(page).click();
  expect((await reported).status()).toBe(204);
  await page.keyboard.press('Escape');
  await expect(qrCode(page)).toBeHidden();
  expect(shareCount(WECHAT_SLUG, 'wechat')).toBe(before + 1);
});

test('the phone’s share sheet appears only where the browser can share, and is counted', async ({
  browser,
  page,
  baseURL,
}) => {
  await page.goto(ARTICLE);
  await page.waitForLoadState('networkidle');
  await expect(shareBar(page).getByRole('button', { name: 'Share with another app' })).toHaveCount(0);

  const context = await browser.newContext();
  await context.addInitScript(() => {
    const nav = navigator as Navigator & { __shared?: ShareData };
    Object.defineProperty(navigator, 'canShare', { value: (data: ShareData) => Boolean(data.url) });
    Object.defineProperty(navigator, 'share', {
      value: async (data: ShareData) => {
        nav.__shared = data;
      },
    });
  });
  const phone = await context.newPage();
  await phone.goto(`${baseURL}${ARTICLE}`);
  const before = shareCount(WECHAT_SLUG, 'native');
  const reported = phone.waitForResponse((r) => r.url().endsWith('/api/share'));
  await shareBar(phone).getByRole('button', { name: 'Share with another app' }).click();
  expect((await reported).status()).toBe(204);
  const shared = await phone.evaluate(() => (navigator as Navigator & { __shared?: ShareData }).__shared);
  expect(shared?.url).toBe(`${baseURL}${ARTICLE}`);
  expect(shared?.title).toBe(await phone.locator('h1').innerText());
  expect(shareCount(WECHAT_SLUG, 'native')).toBe(before + 1);
  await context.close();
});

test.describe('inside WeChat’s own browser', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) NetType/WIFI Language/en',
  });

  test('the WeChat button is not shown, even before the page’s scripts load', async ({ page }) => {
    // Hold back the page's script: only the inline script that runs during parsing can hide it.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(ARTICLE);
    await expect(shareBar(page).getByRole('link', { name: /^Share on Weibo/ })).toBeVisible();
    await expect(wechatSummary(page)).toBeHidden();
    await page.unroute('**/*.js');
    await page.reload();
    await page.waitForLoadState('networkidle');
    // The page script (/reader.js) removes it; give a loaded machine time.
    await expect(page.locator('#share-wechat')).toHaveCount(0, { timeout: 20_000 });
    await expect(shareBar(page).getByRole('button', { name: 'Copy link' })).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, deviceScaleFactor: 2 });

  test('the WeChat QR code opens and decodes to the canonical URL', async ({ page, baseURL }) => {
    await page.goto(ARTICLE);
    await expect(qrCode(page)).toBeHidden();
    await wechatSummary(page).click();
    await expect(qrCode(page)).toBeVisible();
    await expect(shareBar(page).getByText('Scan with WeChat, then share the story from your phone.')).toBeVisible();
    const png = PNG.sync.read(await qrCode(page).screenshot());
    const code = jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      png.width,
      png.height,
    );
    expect(code?.data).toBe(`${baseURL}${ARTICLE}`);
  });

  test('share links are plain links, and copy link is a selectable URL field', async ({ page, baseURL }) => {
    await page.goto(ARTICLE);
    for (const network of ['weibo', 'x', 'facebook', 'linkedin', 'reddit', 'email']) {
      await expect(shareBar(page).locator(`a[href="/share/${network}/${WECHAT_SLUG}"]`)).toHaveAttribute(
        'rel',
        'nofollow noopener',
      );
    }
    const field = shareBar(page).getByRole('textbox', { name: 'Link to this story' });
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(`${baseURL}${ARTICLE}`);
    await expect(shareBar(page).getByRole('button', { name: 'Copy link' })).toBeHidden();
  });
});

test('a story with a nasty title keeps it intact in the page, its metadata, JSON-LD and share links', async ({
  page,
  request,
}) => {
  const slug = `nasty-title-e2e-${Date.now()}`;
  withDb((db) => insertStory(db, { slug }));
  await page.goto(`/news/${slug}`);
  await expect(page.locator('h1')).toHaveText(NASTY_TITLE);
  expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(NASTY_TITLE);
  expect(await page.locator('meta[name="twitter:title"]').getAttribute('content')).toBe(NASTY_TITLE);
  const jsonLd = await readJsonLd(page);
  expect(jsonLd.NewsArticle?.headline).toBe(NASTY_TITLE);
  expect((jsonLd.BreadcrumbList?.itemListElement as { name: string }[]).at(-1)?.name).toBe(NASTY_TITLE);
  for (const [network, param] of [
    ['x', 'text'],
    ['reddit', 'title'],
    ['email', 'subject'],
  ] as const) {
    const res = await request.get(`/share/${network}/${slug}`, { maxRedirects: 0 });
    expect(new URL(res.headers().location!).searchParams.get(param), network).toBe(NASTY_TITLE);
  }
  const image = await request.get(
    new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!).pathname,
  );
  expect(image.status()).toBe(200);
});

async function readJsonLd(page: Page): Promise<Record<string, Record<string, unknown>>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks.length).toBe(2);
  for (const block of blocks) expect(block).not.toMatch(/[<>]/);
  return Object.fromEntries(
    blocks.map((b) => JSON.parse(b) as Record<string, unknown>).map((d) => [String(d['@type']), d]),
  );
}

test('JSON-LD matches what the page shows', async ({ page, baseURL }) => {
  await page.goto(ARTICLE);
  const { NewsArticle: article, BreadcrumbList: breadcrumb } = await readJsonLd(page);
  expect(article?.headline).toBe(await page.locator('h1').innerText());
  expect(article?.datePublished).toBe(await page.locator('header time').first().getAttribute('datetime'));
  expect(article?.url).toBe(`${baseURL}${ARTICLE}`);
  expect((article?.author as { name: string }[])[0]?.name).toBe(
    (await page.getByText(/^By /).innerText()).replace(/^By /, ''),
  );
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
  const visible = await crumbs.evaluateAll((links) =>
    links.map((a) => ({ name: a.textContent, href: (a as HTMLAnchorElement).href })),
  );
  // The visible trail stops at the section; the JSON-LD one ends with the story itself.
  const trail = [...visible, { name: await page.locator('h1').innerText(), href: `${baseURL}${ARTICLE}` }];
  expect(breadcrumb?.itemListElement).toEqual(
    trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.href })),
  );
});

test('what a social network sees: Open Graph, X card and a 1200×630 image', async ({ page, request, baseURL }) => {
  await page.goto(ARTICLE);
  const meta = async (selector: string) => page.locator(`head meta[${selector}]`).getAttribute('content');
  expect(await meta('property="og:type"')).toBe('article');
  expect(await meta('property="og:url"')).toBe(`${baseURL}${ARTICLE}`);
  expect(await meta('property="article:section"')).toBe('Weibo Wire');
  expect(await meta('property="article:published_time"')).toBe('2013-07-22T06:10:00.000Z');
  expect(await meta('property="article:modified_time"')).toBe('2013-07-22T11:25:00.000Z');
  expect(await meta('name="twitter:card"')).toBe('summary_large_image');
  expect(await page.locator('head link[rel="canonical"]').getAttribute('href')).toBe(`${baseURL}${ARTICLE}`);
  const imageUrl = (await meta('property="og:image"'))!;
  expect(imageUrl.startsWith(`${baseURL}/`)).toBe(true);
  expect(await meta('name="twitter:image"')).toBe(imageUrl);
  const image = await request.get(imageUrl);
  expect(image.headers()['content-type']).toBe('image/png');
  const png = PNG.sync.read(await image.body());
  expect([png.width, png.height]).toEqual([1200, 630]);
});

test('feeds are discoverable from the pages, and feeds and sitemaps parse with public stories only', async ({
  page,
  request,
  baseURL,
}) => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  const hidden = [draftDemo.slug, scheduledDemo.slug];
  for (const [path, expected] of [
    ['/', 2],
    ['/section/china-news', 4],
    [ARTICLE, 4],
  ] as const) {
    await page.goto(path);
    const feeds = await page
      .locator('head link[rel="alternate"][type$="+xml"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(feeds.length, path).toBe(expected);
    for (const feed of feeds) {
      expect(feed.startsWith(`${baseURL}/`)).toBe(true);
      const res = await request.get(feed);
      expect(res.headers()['content-type']).toMatch(/^application\/(rss|atom)\+xml; charset=utf-8$/);
      const body = await res.text();
      expect(XMLValidator.validate(body)).toBe(true);
      const links = [...body.matchAll(/\/news\/([a-z0-9-]+)/g)].map((m) => m[1]);
      expect(links.length).toBeGreaterThan(0);
      for (const slug of hidden) expect(links).not.toContain(slug);
    }
  }

  const sitemap = await request.get('/sitemap.xml');
  const sitemapXml = await sitemap.text();
  expect(XMLValidator.validate(sitemapXml)).toBe(true);
  const locs = (parser.parse(sitemapXml).urlset.url as { loc: string }[]).map((u) => u.loc);
  expect(locs).toContain(`${baseURL}${ARTICLE}`);
  expect(locs).toContain(`${baseURL}/section/weibo-wire`);
  for (const slug of hidden) expect(locs).not.toContain(`${baseURL}/news/${slug}`);

  const news = await request.get('/news-sitemap.xml');
  const newsXml = await news.text();
  expect(XMLValidator.validate(newsXml)).toBe(true);
  expect(newsXml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
  expect(robots).toContain('Disallow: /share/');
});

test('the share bar passes an accessibility check, open and closed', async ({ page }) => {
  await page.goto(ARTICLE);
  const scan = () => new AxeBuilder({ page }).include('section[aria-labelledby="share-title"]').analyze();
  expect((await scan()).violations).toEqual([]);
  await wechatSummary(page).click();
  expect((await scan()).violations).toEqual([]);
});
