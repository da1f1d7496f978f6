import { expect, test } from '@playwright/test';
import { draftDemo, scheduledDemo, WECHAT_SLUG } from '../helpers/demo';

test('home → section → subsection → article, then back up the breadcrumb', async ({ page }) => {
  const home = await page.goto('/');
  expect(home?.status()).toBe(200);
  await expect(page.getByRole('link', { name: 'Sino-US' }).first()).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'China News' }).click();
  await expect(page).toHaveURL(/\/section\/china-news$/);
  await expect(page.getByRole('heading', { level: 1, name: 'China News' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'China News subsections' })
    .getByRole('link', { name: 'Weibo Wire' })
    .click();
  await expect(page).toHaveURL(/\/section\/weibo-wire$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Weibo Wire' })).toBeVisible();

  await page
    .getByRole('link', { name: /WeChat/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/news/${WECHAT_SLUG}$`));
  await expect(page.locator('h1')).toHaveCount(1);

  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  // The trail stops at the section: the headline right below it is not repeated (issue 19 §6).
  await expect(crumbs.getByRole('link')).toHaveText(['Sino-US', 'China News', 'Weibo Wire']);
  await expect(crumbs.locator('[aria-current]')).toHaveCount(0);

  await crumbs.getByRole('link', { name: 'Weibo Wire' }).click();
  await expect(page).toHaveURL(/\/section\/weibo-wire$/);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'China News' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'China News' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Sino-US' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('every footer page loads with its own heading', async ({ page }) => {
  const pages = [
    ['About us', '/about'],
    ['Contact us', '/contact'],
    ['Copyright', '/copyright'],
    ['Terms of use', '/terms'],
    ['Privacy policy', '/privacy'],
  ] as const;
  for (const [label, path] of pages) {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator('h1')).toHaveCount(1);
    expect((await page.locator('article').innerText()).length).toBeGreaterThan(200);
  }
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('heading', { name: 'About us' })).toBeVisible();
  await expect(footer.getByRole('heading', { name: 'Our partners' })).toBeVisible();
  await expect(footer).toContainText(/Copyright © \d{4}/);
});

test('drafts, scheduled stories and made-up slugs answer a real 404', async ({ request, page }) => {
  for (const path of [
    `/news/${draftDemo.slug}`,
    `/news/${scheduledDemo.slug}`,
    '/news/no-such-story-anywhere',
    '/section/no-such-section',
    '/no-such-page',
    '/news/%E2%80%A6bad..slug',
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
  }
  const res = await page.goto(`/news/${draftDemo.slug}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /can’t find that page/ })).toBeVisible();
  await expect(page.getByText(draftDemo.title)).toHaveCount(0);
  // An address no route matches still gets the masthead and footer, so the reader can go on.
  const unknown = await page.goto('/no-such-page');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /can’t find that page/ })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'China News' }),
  ).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(/Copyright © \d{4}/);
});

test('reader pages, the contact form’s too, load one small script of ours and none of the framework; staff pages keep it', async ({
  request,
}) => {
  const readerPages = [
    '/',
    `/news/${WECHAT_SLUG}`,
    '/section/china-news',
    '/tag/students',
    '/author/lin-yue',
    '/moods/angry',
    '/search?q=wechat',
    '/about',
    '/contact',
    '/news/no-such-story',
  ];
  for (const path of readerPages) {
    const html = await (await request.get(path)).text();
    expect(html, path).toContain('<script src="/reader.js" defer="">');
    expect(html, path).not.toMatch(/<script[^>]*src="\/_next\//);
    expect(html, path).not.toContain('self.__next_f');
    expect(html, path).not.toMatch(/<link[^>]*as="script"/);
  }
  expect(await (await request.get('/admin/login')).text()).toMatch(/<script[^>]*src="\/_next\/static\//);
  const script = await request.get('/reader.js');
  expect(script.status()).toBe(200);
  expect(script.headers()['content-type']).toContain('javascript');
});

test('on a 360-pixel phone no reader page scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [
    '/',
    `/news/${WECHAT_SLUG}`,
    '/section/china-news',
    '/tag/students',
    '/author/lin-yue',
    '/moods/angry',
    '/search?q=wechat',
  ]) {
    await page.goto(path);
    // Sections further down the home page are laid out only when near the screen: visit them all.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a story, section, tag or author that does not exist shows the 404 page, not a blank one', async ({ page }) => {
    for (const path of [
      `/news/${draftDemo.slug}`,
      '/news/no-such-story-anywhere',
      '/section/no-such-section',
      '/section/china-news/page/999',
      '/tag/no-such-topic',
      '/author/nobody-here',
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: /can’t find that page/ }), path).toBeVisible();
      await expect(
        page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'China News' }),
      ).toBeVisible();
    }
  });

  test('an article is complete: breadcrumb, headline, byline, photo with caption, body, promo, related, footer', async ({
    page,
  }) => {
    const res = await page.goto(`/news/${WECHAT_SLUG}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible();
    await expect(page.locator('h1')).toContainText(/WeChat/i);
    await expect(page.getByText(/^By /)).toBeVisible();
    await expect(page.getByText(/^Published /)).toBeVisible();
    const hero = page.locator('article figure img').first();
    await expect(hero).toBeVisible();
    expect(await hero.getAttribute('alt')).toBeTruthy();
    expect(await hero.getAttribute('width')).toBeTruthy();
    expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.locator('article figure figcaption')).not.toBeEmpty();
    expect(await page.locator('.prose-body p').count()).toBeGreaterThan(4);
    await expect(page.getByRole('heading', { name: 'Related stories' })).toBeVisible();
    expect(await page.locator('#related-stories ~ div article').count()).toBeGreaterThan(0);
    await expect(page.getByRole('contentinfo')).toContainText('Our partners');
  });

  test('section pages paginate with plain links', async ({ page }) => {
    await page.goto('/section/china-news');
    const stories = page.locator('main article');
    expect(await stories.count()).toBeGreaterThan(0);
    expect(await stories.count()).toBe(8);
    await page.getByRole('link', { name: /Older stories/ }).click();
    await expect(page).toHaveURL(/\/section\/china-news\/page\/2$/);
    await expect(page.getByText(/Page 2 of \d/)).toBeVisible();
    expect(await page.locator('main article').count()).toBeGreaterThan(0);
    expect((await page.request.get('/section/china-news/page/999')).status()).toBe(404);
    expect((await page.request.get('/section/china-news/page/abc')).status()).toBe(404);
  });
});
