import { expect, test } from '@playwright/test';
import { draftDemo, scheduledDemo, WECHAT_SLUG } from '../helpers/demo';

const WECHAT_TITLE = 'WeChat outage leaves millions cut off for a morning';

test('with JavaScript: the masthead search finds the WeChat story by 微信 and highlights it', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search stories' });
  await box.fill('微信');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%E5%BE%AE%E4%BF%A1$/);
  const results = page.getByRole('region', { name: /1 story for “微信”/ });
  await expect(results).toBeVisible();
  await expect(results.locator('mark', { hasText: '微信' }).first()).toBeVisible();
  await results.getByRole('link', { name: WECHAT_TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/news/${WECHAT_SLUG}$`));
  await expect(page.locator('.prose-body')).toContainText('微信');
});

test('with JavaScript: the full form searches again, keeping what was typed in the form', async ({ page }) => {
  await page.goto('/search?q=outage');
  await page.getByLabel('Search for').fill('新浪微博');
  await page.getByRole('search', { name: 'Search stories' }).getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=%E6%96%B0%E6%B5%AA%E5%BE%AE%E5%8D%9A/);
  await expect(page.getByRole('heading', { name: '1 story for “新浪微博”' })).toBeVisible();
  await expect(page.getByLabel('Search for')).toHaveValue('新浪微博');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search form filters by section and date, and marks the words found', async ({ page }) => {
    await page.goto('/search');
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    await page.getByLabel('Search for').fill('WeChat');
    await page.getByLabel('Section', { exact: true }).selectOption({ label: 'China News' });
    await page.getByRole('search', { name: 'Search stories' }).getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=WeChat&section=china-news/);
    const heading = page.getByRole('heading', { level: 2, name: /^(1 story|\d+ stories) for “WeChat” in China News$/ });
    await expect(heading).toBeVisible();
    const sections = await page
      .getByRole('region', { name: /for “WeChat”/ })
      .locator('article > p:first-child')
      .allInnerTexts();
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(['CHINA NEWS', 'WEIBO WIRE', 'SOCIETY'].includes(s.toUpperCase()), s).toBe(true);
    await expect(
      page
        .getByRole('region', { name: /for “WeChat”/ })
        .locator('mark')
        .first(),
    ).toHaveText(/wechat/i);

    await page.getByLabel('Section', { exact: true }).selectOption('');
    await page.getByLabel('Published from').fill('2013-07-22');
    await page.getByLabel('Published to').fill('2013-07-22');
    await page.getByRole('search', { name: 'Search stories' }).getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '1 story for “WeChat”' })).toBeVisible();
    await expect(page.getByRole('link', { name: WECHAT_TITLE })).toBeVisible();
  });

  test('finds 微信, and pages through many results with plain links', async ({ page }) => {
    await page.goto('/search?q=%E5%BE%AE%E4%BF%A1');
    await expect(page.getByRole('link', { name: WECHAT_TITLE })).toBeVisible();

    await page.goto('/search?q=the');
    const first = await page
      .getByRole('region', { name: /stories for “the”/ })
      .locator('h3')
      .allInnerTexts();
    expect(first).toHaveLength(10);
    await page.getByRole('link', { name: 'More results →' }).click();
    await expect(page).toHaveURL(/\/search\?q=the&page=2$/);
    await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
    const results = page.getByRole('region', { name: /stories for “the”/ }).getByRole('list');
    await expect(results).toHaveAttribute('start', '11');
    const second = await results.locator('h3').allInnerTexts();
    expect(second.length).toBeGreaterThan(0);
    for (const title of second) expect(first).not.toContain(title);
    await page.getByRole('link', { name: '← Previous results' }).click();
    await expect(page).toHaveURL(/\/search\?q=the$/);
  });

  test('never shows drafts or stories scheduled for later', async ({ page }) => {
    for (const story of [draftDemo, scheduledDemo]) {
      await page.goto(`/search?q=${encodeURIComponent(story.title)}`);
      await expect(page.locator(`a[href="/news/${story.slug}"]`)).toHaveCount(0);
    }
  });

  test('shows what was typed as text, never as markup', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)> wechat')}`);
    await expect(page.locator('#search-results-heading')).toContainText('<img src=x onerror=alert(1)> wechat');
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    await expect(page.getByLabel('Search for')).toHaveValue('<img src=x onerror=alert(1)> wechat');
  });
});

test('odd queries and parameters answer 200 with a clear note, never a 500', async ({ page, request }) => {
  const queries = [
    '"',
    '""',
    '"wechat',
    'wechat"',
    'NEAR(wechat outage)',
    'title:wechat',
    '*',
    '-wechat',
    'AND OR NOT',
    '^',
    '(',
    '\\',
    "';--",
    '%',
    '🙂',
    '   ',
  ];
  for (const q of queries) {
    const res = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(res.status(), q).toBe(200);
    expect(await res.text(), q).not.toContain('Something went wrong');
  }
  expect((await request.get('/search')).status()).toBe(200);
  expect((await request.get('/search?q=a&q=b&page=')).status()).toBe(200);

  await page.goto(`/search?q=${'wechat '.repeat(286)}`);
  await expect(
    page.getByText('Your search was longer than 200 characters, so we searched for its first 200.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: WECHAT_TITLE })).toBeVisible();

  await page.goto('/search?q=wechat&section=..%2F..%2Fetc&from=yesterday&to=2013-02-30&page=abc');
  for (const note of [
    /section in the address is not one of ours/,
    /left out the “from” date/,
    /left out the “to” date/,
    /page number in the address/,
  ]) {
    await expect(page.getByText(note)).toBeVisible();
  }
  await expect(page.getByRole('link', { name: WECHAT_TITLE })).toBeVisible();

  await page.goto('/search?q=wechat&page=400');
  await expect(page.getByText('There is no page 400 of these results.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the first page' })).toHaveAttribute('href', '/search?q=wechat');

  const search = await request.get('/search?q=wechat');
  expect(await search.text()).toMatch(/<meta name="robots" content="noindex, follow"/);
});
