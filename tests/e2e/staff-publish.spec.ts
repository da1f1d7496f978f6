import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { sendContactForm } from '../helpers/contact';
import { ensureStaffUsers } from '../helpers/staff';
import { e2eQuery } from '../helpers/e2e-db';
import { signInThroughForm } from '../helpers/staff-e2e';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.beforeAll(async () => {
  await ensureStaffUsers();
});

async function fillNewStory(page: Page, title: string) {
  await page.goto('/admin/stories/new');
  await page.getByLabel('Headline').fill(title);
  await page.getByLabel('Standfirst').fill('A test story written by the staff e2e suite.');
  await page
    .getByLabel('Body (Markdown)')
    .fill('## First heading\n\nThe **harbour** lights came on early.\n\n<script>window.__pwned = 1</script>');
  await page.getByLabel('Section', { exact: true }).selectOption({ label: '\u00a0\u00a0\u00a0› Weibo Wire' });
}

test('sign in → draft → preview → publish → on the site under its section → slug change 301s → unpublish → 404', async ({
  page,
  request,
}) => {
  const title = `Harbour lights study ${unique()}`;
  await signInThroughForm(page, 'editor');
  await fillNewStory(page, title);
  // The live preview renders through the server's sanitiser: the heading shows, the script does not.
  const preview = page.getByTestId('live-preview');
  await expect(preview.getByRole('heading', { name: 'First heading' })).toBeVisible();
  expect(await preview.innerHTML()).not.toContain('<script');
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a draft' })).toBeVisible();
  const editUrl = page.url();
  const id = /\/admin\/stories\/(\d+)/.exec(editUrl)![1];
  const slug = await page.getByLabel('Slug (address)').inputValue();
  expect(slug).toMatch(/^harbour-lights-study-/);

  // Readers cannot see a draft; staff can preview it.
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);
  const previewRes = await page.goto(`/admin/stories/${id}/preview`);
  expect(previewRes?.status()).toBe(200);
  await expect(page.getByRole('note')).toContainText('Preview');
  await expect(page.locator('h1').last()).toHaveText(title);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  // Publish.
  await page.goto(editUrl);
  await page.getByLabel('Status').selectOption('published');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();

  const live = await page.goto(`/news/${slug}`);
  expect(live?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText(title);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link')).toHaveText(['Sino-US', 'China News', 'Weibo Wire']);
  expect(await page.content()).not.toContain('window.__pwned');
  await page.goto('/section/weibo-wire');
  await expect(page.getByRole('link', { name: title }).first()).toBeVisible();

  // Rename: the old address answers a real 301 to the new one.
  const newSlug = `${slug}-renamed`;
  await page.goto(editUrl);
  await page.getByLabel('Slug (address)').fill(newSlug);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const old = await request.get(`/news/${slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toMatch(new RegExp(`/news/${newSlug}$`));
  expect((await request.get(`/news/${newSlug}`)).status()).toBe(200);

  // Unpublish: readers get a 404 at the new address, and the old one leads there.
  await page.goto(editUrl);
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
  expect((await request.get(`/news/${newSlug}`)).status()).toBe(404);
  await page.goto('/section/weibo-wire');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});

test('a hero photo upload is resized, served and shown on the story', async ({ page, request }) => {
  const title = `Rooftop garden photo ${unique()}`;
  await signInThroughForm(page, 'editor');
  await fillNewStory(page, title);
  await page.getByLabel('Status').selectOption('published');
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const slug = await page.getByLabel('Slug (address)').inputValue();

  // Not a photo, whatever its name says: refused with a message by the field.
  await page.locator('input[name="photo"]').setInputFiles({
    name: 'fake.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('GIF89a not really a jpeg at all'),
  });
  await page.getByLabel('Alt text').first().fill('A rooftop garden');
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('This file is not a JPEG, PNG or WebP photo.')).toBeVisible();

  const png = await sharp({ create: { width: 1400, height: 900, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .png()
    .toBuffer();
  await page.locator('input[name="photo"]').setInputFiles({ name: 'garden.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel('Alt text').first().fill('Tomato plants on a rooftop above Shenzhen');
  await page.getByLabel('Caption').first().fill('The garden in its second summer.');
  await page.getByLabel('Credit').first().fill('E2E PHOTO DESK');
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText(/Photo saved \(1400×900, 5 sizes\)/)).toBeVisible();

  await page.goto(`/news/${slug}`);
  const img = page.locator('article figure img').first();
  await expect(img).toHaveAttribute('alt', 'Tomato plants on a rooftop above Shenzhen');
  await expect(page.locator('article figure figcaption')).toContainText('The garden in its second summer.');
  await expect(page.locator('article figure figcaption')).toContainText('E2E PHOTO DESK');
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  const src = await img.evaluate((i: HTMLImageElement) => i.currentSrc);
  expect(src).toMatch(/\/media\/[A-Za-z0-9_-]{22}\/\d+\.webp$/);

  const file = await request.get(new URL(src).pathname);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('image/webp');
  expect(file.headers()['cache-control']).toContain('immutable');
  const meta = await sharp(await file.body()).metadata();
  expect(meta.format).toBe('webp');
  for (const bad of [
    '/media/short/640.webp',
    `${new URL(src).pathname.replace(/\d+\.webp$/, '641.webp')}`,
    '/media/..%2F..%2Fauth-secret/640.webp',
  ]) {
    expect((await request.get(bad)).status(), bad).toBe(404);
  }
});

test('a writer can write and submit for review but not publish', async ({ page, request }) => {
  const title = `Night bus diary ${unique()}`;
  await signInThroughForm(page, 'writer');
  await fillNewStory(page, title);
  await expect(page.getByLabel('Status').locator('option')).toHaveText(['Draft', 'In review']);
  await page.getByLabel('Status').selectOption('review');
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sent for review' })).toBeVisible();
  const slug = await page.getByLabel('Slug (address)').inputValue();
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);
  // Only their own stories are listed.
  await page.goto('/admin/stories');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your stories');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: /WeChat outage/ })).toHaveCount(0);
});

test('an editor pins a published story to its section and the home page block and unpins it, with and without JavaScript', async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `Ferry pier reopens ${unique()}`;
  await signInThroughForm(page, 'editor');
  await fillNewStory(page, title);
  // A draft has nothing to pin.
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a draft' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Front page' })).toHaveCount(0);
  const editUrl = page.url();
  // Published by date before every demo story: only a pin can bring it to the top (and out of the
  // home page's top block, whose stories the section blocks do not repeat, decision 062).
  await page.getByLabel('Status').selectOption('published');
  await page.getByLabel('Publish time').fill('2010-01-02T09:30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await page.goto('/section/weibo-wire');
  await expect(page.locator('main article').first()).not.toContainText(title);
  await page.goto(editUrl);

  const pins = page.locator('section[aria-labelledby="pins"]');
  await expect(pins.getByText('Weibo Wire · not pinned')).toBeVisible();
  await pins.getByRole('button', { name: 'Pin to Weibo Wire' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pinned' })).toBeVisible();
  await expect(pins.getByRole('button', { name: 'Unpin from Weibo Wire' })).toBeVisible();
  await page.goto('/section/weibo-wire');
  await expect(page.locator('main article').first()).toContainText(title);

  // Without JavaScript: the same forms, to the top-level section whose block the home page shows.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const plain = await context.newPage();
    await signInThroughForm(plain, 'editor');
    await plain.goto(editUrl);
    await plain.getByRole('button', { name: 'Pin to China News' }).click();
    await expect(plain.getByRole('status').filter({ hasText: 'Pinned' })).toBeVisible();
    await plain.goto('/');
    await expect(plain.locator('section[aria-labelledby="home-china-news"] article').first()).toContainText(title);
    await plain.goto(editUrl);
    await plain.getByRole('button', { name: 'Unpin from China News' }).click();
    await expect(plain.getByRole('status').filter({ hasText: 'Unpinned' })).toBeVisible();
    await expect(plain.getByRole('button', { name: 'Pin to China News' })).toBeVisible();
  } finally {
    await context.close();
  }

  await page.goto(editUrl);
  await page.locator('section[aria-labelledby="pins"]').getByRole('button', { name: 'Unpin from Weibo Wire' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Unpinned' })).toBeVisible();
  const after = page.locator('section[aria-labelledby="pins"]');
  await expect(after.getByText('Weibo Wire · not pinned')).toBeVisible();
  await expect(after.getByText('China News · not pinned')).toBeVisible();
  await page.goto('/section/weibo-wire');
  await expect(page.locator('main article').first()).not.toContainText(title);
});

test('a writer does not see the pin control on their own story', async ({ page }) => {
  await signInThroughForm(page, 'writer');
  await fillNewStory(page, `Tram line survey ${unique()}`);
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a draft' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Front page' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Pin to/ })).toHaveCount(0);
});

test('bad input: errors next to the fields, input kept, nothing saved', async ({ page }) => {
  await signInThroughForm(page, 'editor');
  await page.goto('/admin/stories/new');
  await page.getByLabel('Standfirst').fill('Kept standfirst text');
  await page.getByLabel('Slug (address)').fill('Bad Slug!!');
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByText('Give the story a headline.')).toBeVisible();
  await expect(page.getByText('Choose a section.')).toBeVisible();
  await expect(page.getByLabel('Standfirst')).toHaveValue('Kept standfirst text');
  await expect(page).toHaveURL(/\/admin\/stories\/new$/);
});

test('with JavaScript the contact form keeps what was typed next to the error, then sends', async ({ page }) => {
  // The contact page carries no framework script (decision 016): the browser posts the form itself.
  const subject = `Reader tip ${unique()}`;
  await page.goto('/contact');
  await sendContactForm(page, {
    name: 'Ana Reader',
    email: 'not-an-address',
    subject,
    message: 'The ferry timetable changed this week.',
  });
  await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Ana Reader');
  await expect(page.getByLabel('Message')).toHaveValue('The ferry timetable changed this week.');
  await page.getByLabel('Your e-mail').fill('ana@example.com');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByText('Thank you. Your message has reached the newsroom')).toBeVisible();
  expect(await e2eQuery('select email from contact_messages where subject = ?', [subject])).toEqual([
    { email: 'ana@example.com' },
  ]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign in, write and publish a story, then sign out', async ({ page, request }) => {
    const title = `Lantern festival queue ${unique()}`;
    await page.goto('/admin/login');
    await page.getByLabel('E-mail').fill('editor@e2e.moodwire.test');
    await page.getByLabel('Password').fill('not-the-right-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('The e-mail address or password is not right.')).toBeVisible();
    await expect(page.getByLabel('E-mail')).toHaveValue('editor@e2e.moodwire.test');

    await signInThroughForm(page, 'editor');
    await fillNewStory(page, title);
    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('button', { name: 'Create story' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
    const slug = await page.getByLabel('Slug (address)').inputValue();
    const res = await request.get(`/news/${slug}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain(title);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You are signed out.')).toBeVisible();
    const after = await page.goto('/admin/stories');
    expect(page.url()).toContain('/admin/login');
    expect(after?.status()).toBe(200);
  });

  test('the contact form sends a message that reaches the admin inbox', async ({ page }) => {
    const subject = `Reader question ${unique()}`;
    await page.goto('/contact');
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByText('Tell us your name.')).toBeVisible();
    await sendContactForm(page, {
      name: 'Mei Reader',
      email: 'mei@example.com',
      subject,
      message: 'How do I suggest a story about our night market?',
    });
    await expect(page.getByText('Thank you. Your message has reached the newsroom')).toBeVisible();

    await signInThroughForm(page, 'editor');
    await page.goto('/admin/inbox');
    const message = page.getByRole('article', { name: subject });
    await expect(message).toContainText('How do I suggest a story about our night market?');
    await expect(message).toContainText('New');
    await message.getByRole('button', { name: 'Mark as read' }).click();
    await expect(
      page.getByRole('article', { name: subject }).getByRole('button', { name: 'Mark as unread' }),
    ).toBeVisible();
  });
});
