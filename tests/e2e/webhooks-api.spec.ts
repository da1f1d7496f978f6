// Webhooks and the content API in the real server: an administrator allows private targets and adds a
// receiver on 127.0.0.1; an editor publishes, edits and unpublishes a story in the editor; the receiver
// gets each event, signed with the secret the page shows, while the API's cached addresses follow.
import http from 'node:http';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { verifySignature } from '../../lib/webhooks/signature';
import { ensureStaffUsers } from '../helpers/staff';
import { e2eDatabasePath, fillHydrated, signInThroughForm } from '../helpers/staff-e2e';

// This branch's receiver port (4450-4459: 4450/4451 are the integration tests').
const RECEIVER_PORT = 4452;
type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let receiver: http.Server;
const hookUrl = `http://127.0.0.1:${RECEIVER_PORT}/moodwire-hook`;

test.beforeAll(async () => {
  await ensureStaffUsers(e2eDatabasePath());
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(RECEIVER_PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  const db = new Database(e2eDatabasePath());
  db.prepare('delete from webhooks where url = ?').run(hookUrl);
  db.prepare("update settings set value = '0' where key = 'webhooks.allow_private'").run();
  db.close();
});

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function eventsFor(storyId: number): Promise<string[]> {
  return received
    .map((r) => JSON.parse(r.body) as { event: string; story: { id: number } })
    .filter((b) => b.story.id === storyId)
    .map((b) => b.event);
}

async function noSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('webhooks: added by staff, told of publish, update and unpublish, signed; the API follows', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signInThroughForm(page, 'admin');
  await page.goto('/admin/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

  // A bad address is refused with a message, and nothing is added.
  await page.getByLabel('Address to post to').fill('ftp://files.example.com/in');
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByText('Only http and https addresses can receive webhooks.')).toBeVisible();
  await expect(page.locator('[data-webhook]')).toHaveCount(0);

  // Loopback is refused until the administrator allows private addresses.
  const allow = page.getByRole('button', { name: 'Allow private addresses' });
  if (await allow.isVisible()) {
    await page.getByLabel('Address to post to').fill(hookUrl);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect(page.getByText(/private or loopback address/).first()).toBeVisible();
    await allow.click();
    await expect(page.getByText('Webhooks may now post to private and loopback addresses.')).toBeVisible();
  }
  await page.goto('/admin/webhooks');
  await page.getByLabel('Address to post to').fill(hookUrl);
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByText('Webhook added.')).toBeVisible();
  await page.goto('/admin/webhooks');
  const card = page.locator('[data-webhook]').filter({ hasText: hookUrl });
  await expect(card).toHaveCount(1);
  await card.getByText('Signing secret').click();
  const secret = (await card.locator('[data-secret]').textContent())!.trim();
  expect(secret.length).toBeGreaterThanOrEqual(40);
  await noSidewaysScroll(page);

  // An editor writes and publishes a story.
  await page.context().clearCookies();
  await signInThroughForm(page, 'editor');
  const title = `Webhook harbour ${unique()}`;
  await page.goto('/admin/stories/new');
  await page.getByLabel('Headline').fill(title);
  await page.getByLabel('Standfirst').fill('Told to the receiver.');
  await page.getByLabel('Body (Markdown)').fill('The receiver hears about this.');
  await page.getByLabel('Section', { exact: true }).selectOption({ label: '\u00a0\u00a0\u00a0› Weibo Wire' });
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a draft' })).toBeVisible();
  const editUrl = page.url();
  const id = Number(/\/admin\/stories\/(\d+)/.exec(editUrl)![1]);
  const slug = await page.getByLabel('Slug (address)').inputValue();
  // A draft tells no one, and the API does not have it.
  expect(await eventsFor(id)).toEqual([]);
  expect((await request.get(`/api/v1/stories/${slug}`)).status()).toBe(404);
  const listBefore = await (await request.get('/api/v1/stories')).json();

  await page.getByLabel('Status').selectOption('published');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await expect.poll(() => eventsFor(id), { timeout: 15_000 }).toEqual(['story.published']);

  const published = received.find((r) => JSON.parse(r.body).story.id === id)!;
  const timestamp = String(published.headers['x-moodwire-timestamp']);
  expect(verifySignature(secret, timestamp, published.body, String(published.headers['x-moodwire-signature']))).toBe(
    true,
  );
  expect(published.headers['x-moodwire-event']).toBe('story.published');
  expect(JSON.parse(published.body).story).toMatchObject({ slug, title, section: 'weibo-wire' });

  // The API's cached addresses were refreshed by the publish.
  const one = await request.get(`/api/v1/stories/${slug}`);
  expect(one.status()).toBe(200);
  expect((await one.json()).data).toMatchObject({ slug, title, section: { slug: 'weibo-wire' } });
  const list = await (await request.get('/api/v1/stories')).json();
  expect(list.data[0].slug).toBe(slug);
  expect(list.total).toBe(listBefore.total + 1);
  const section = await (await request.get('/api/v1/sections/china-news/stories')).json();
  expect(section.data.map((s: { slug: string }) => s.slug)).toContain(slug);

  // An edit is an update; unpublishing is an unpublish, and the story leaves the API.
  await page.goto(editUrl);
  await fillHydrated(page.getByLabel('Standfirst'), 'Told to the receiver, again.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await expect.poll(() => eventsFor(id), { timeout: 15_000 }).toEqual(['story.published', 'story.updated']);
  await page.goto(editUrl);
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
  await expect
    .poll(() => eventsFor(id), { timeout: 15_000 })
    .toEqual(['story.published', 'story.updated', 'story.unpublished']);
  expect((await request.get(`/api/v1/stories/${slug}`)).status()).toBe(404);

  // The delivery log shows each of them delivered.
  await page.goto('/admin/webhooks');
  const rows = page.locator('tr[data-delivery]').filter({ hasText: hookUrl });
  await expect(rows.filter({ hasText: 'story.unpublished' }).first()).toContainText('Delivered');
  await expect(rows.filter({ hasText: 'story.published' }).first()).toContainText('200');
  // An editor cannot change the private-address setting.
  await expect(page.getByRole('button', { name: /private addresses/ })).toHaveCount(0);
});

test('the content API answers JSON for anyone, cached, and 404s for anything else', async ({ request }) => {
  const index = await request.get('/api/v1');
  expect(index.status()).toBe(200);
  expect((await index.json()).links.stories).toMatch(/\/api\/v1\/stories$/);
  const stories = await request.get('/api/v1/stories');
  expect(stories.status()).toBe(200);
  expect(stories.headers()['content-type']).toContain('application/json');
  expect(stories.headers()['access-control-allow-origin']).toBe('*');
  expect(stories.headers()['cache-control']).toMatch(/s-maxage=\d+/);
  const body = await stories.json();
  expect(body.data.length).toBeGreaterThan(0);
  expect(Object.keys(body.data[0])).toEqual(
    expect.arrayContaining(['id', 'slug', 'title', 'url', 'publishedAt', 'section', 'tags']),
  );
  const sections = await (await request.get('/api/v1/sections')).json();
  expect(sections.data.find((s: { slug: string }) => s.slug === 'weibo-wire')).toMatchObject({ parent: 'china-news' });
  const authors = await (await request.get('/api/v1/authors')).json();
  expect(authors.data.length).toBeGreaterThan(0);
  for (const bad of ['/api/v1/stories/page/0', '/api/v1/nothing', '/api/v1/sections/nope/stories'])
    expect((await request.get(bad)).status(), bad).toBe(404);
  // A malformed address is refused before any route (decision 019).
  expect((await request.get('/api/v1/stories/%00')).status()).toBe(400);
  // Read-only: anything but GET and HEAD is refused before Next (lib/server/http-methods.cjs).
  const post = await request.post('/api/v1/stories', { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers().allow).toBe('GET, HEAD, OPTIONS');
});
