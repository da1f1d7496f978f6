import { expect, test } from '@playwright/test';
import { ensureStaffUsers } from '../helpers/staff';
import { e2eDatabasePath, signInThroughForm } from '../helpers/staff-e2e';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.beforeAll(async () => {
  await ensureStaffUsers(e2eDatabasePath());
});

test('an admin creates a user; disabling them ends their session on the next request', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `temp-${unique()}@e2e.moodwire.test`;
  const password = 'Copper-Meadow-Lark-77';
  await signInThroughForm(page, 'admin');
  await page.goto('/admin/users');
  await page.getByLabel('Name').fill('Temp Writer');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Initial password').fill('password12345');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('This password is too common.')).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue(email);
  await page.getByLabel('Initial password').fill(password);
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'User created' })).toBeVisible();
  const userUrl = page.url();

  const other = await browser.newContext({ baseURL });
  const theirs = await other.newPage();
  await theirs.goto('/admin/login');
  await theirs.getByLabel('E-mail').fill(email);
  await theirs.getByLabel('Password').fill(password);
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByRole('heading', { name: 'Hello, Temp Writer' })).toBeVisible();

  await page.goto(userUrl);
  await page.getByRole('button', { name: 'Disable account' }).click();
  await expect(page.getByText('Disabled. Their sessions stop working')).toBeVisible();

  await theirs.goto('/admin/stories');
  await expect(theirs).toHaveURL(/\/admin\/login/);
  // And they cannot sign in again; the message is the same as for a wrong password.
  await theirs.getByLabel('E-mail').fill(email);
  await theirs.getByLabel('Password').fill(password);
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByText('The e-mail address or password is not right.')).toBeVisible();
  await other.close();

  await page.goto('/admin/audit?action=user.disable');
  await expect(page.getByRole('table')).toContainText('Ada Admin');
});

test('sections: create, rename with a 301 from the old address, refuse to delete one with stories', async ({
  page,
  request,
}) => {
  const name = `Harbour Notes ${unique()}`;
  await signInThroughForm(page, 'editor');
  await page.goto('/admin/sections');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Inside').selectOption({ label: 'Life' });
  await page.getByRole('button', { name: 'Create section' }).click();
  await expect(page.getByText(`Section “${name}” created.`)).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const slug = await page.getByLabel('Slug').inputValue();
  expect(slug).toMatch(/^harbour-notes-/);
  expect((await request.get(`/section/${slug}`)).status()).toBe(200);

  // It cannot move under itself.
  await expect(page.getByLabel('Inside').locator('option', { hasText: name })).toHaveCount(0);

  await page.getByLabel('Slug').fill(`${slug}-moved`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const old = await request.get(`/section/${slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toMatch(new RegExp(`/section/${slug}-moved$`));

  // An empty section can go.
  await page.getByRole('button', { name: 'Delete section' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Section deleted.' })).toBeVisible();

  // Weibo Wire holds stories: refused, with the reason.
  await page.getByRole('link', { name: 'Weibo Wire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weibo Wire' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete section' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /a section with stories cannot be deleted/ })).toBeVisible();
  expect((await request.get('/section/weibo-wire')).status()).toBe(200);
});

test('furniture: an edited partner and site tagline reach the reader pages', async ({ page }) => {
  const partner = `Pearl River Radio ${unique()}`;
  await signInThroughForm(page, 'admin');
  await page.goto('/admin/partners');
  const add = page.locator('form[data-action="partner.create"]');
  await add.getByLabel('Name').fill(partner);
  await add.getByLabel('Web address').fill('https://radio.example.org/');
  await add.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByText(`Added ${partner}.`)).toBeVisible();
  await page.goto('/about');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: partner })).toBeVisible();

  await page.goto('/admin/partners');
  await page.getByRole('button', { name: `Remove ${partner}` }).click();
  await expect(page.getByText('Partner removed.')).toBeVisible();
  await page.goto('/about');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: partner })).toHaveCount(0);
});

test('saving the About page expires that page and its sitemap date, and no other cached page', async ({
  page,
  request,
}) => {
  const others = ['/', '/copyright', '/section/china-news', '/tag/students'];
  const cacheOf = async (path: string) => (await request.get(path)).headers()['x-nextjs-cache'];
  await signInThroughForm(page, 'admin');
  // Start from fresh copies: saving the settings unchanged expires every page (the footer is on all of
  // them), and the next visit renders each again. Their five-minute lifetime then outlasts the test.
  await page.goto('/admin/settings');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved. Every page shows the new values.')).toBeVisible();
  for (const path of others) {
    await request.get(path);
    expect(await cacheOf(path), path).toBe('HIT');
  }

  const line = `Office hours changed ${unique()}.`;
  await page.goto('/admin/pages/about');
  const body = page.getByLabel('Text (Markdown)');
  await body.fill(`${await body.inputValue()}\n\n${line}`);
  const saving = Date.now();
  await page.getByRole('button', { name: 'Save page' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. Readers see the new text now.' })).toBeVisible();

  await page.goto('/about');
  await expect(page.getByText(line)).toBeVisible();
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const lastmod = new RegExp(`<loc>[^<]*/about</loc>\\s*<lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1];
  expect(Date.parse(lastmod ?? '')).toBeGreaterThanOrEqual(saving - 1000);
  for (const path of others) expect(await cacheOf(path), `${path} was expired by the About page`).toBe('HIT');
});
