// A site moved in from WordPress, as its readers meet it: the command is run against the running
// server's database, then the story is read at its new address in a browser, and the old WordPress
// addresses (/?p=ID, the dated permalink with its trailing slash, the category) answer one 301 each.
// Unknown old-looking addresses still end in a 404. The export is small and written here, dated
// before the demo's stories, by an author of its own, and filed under the demo's Culture section (where
// other specs plant their stories too), so no other spec's page changes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eDatabasePath } from '../helpers/e2e-db';

const suffix = Date.now().toString(36);
const slug = `lantern-walk-${suffix}`;
const postId = String(Date.now() % 1_000_000_000);

const WXR = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Lantern Post</title><link>https://lanterns.example.org</link>
  <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://lanterns.example.org-${suffix}</wp:base_site_url>
  <wp:author><wp:author_login>ada-lantern-${suffix}</wp:author_login><wp:author_display_name>Ada Lantern</wp:author_display_name></wp:author>
  <wp:category><wp:term_id>9</wp:term_id><wp:category_nicename>culture</wp:category_nicename><wp:cat_name>Culture</wp:cat_name></wp:category>
  <item>
    <title>Lantern walk draws the old town out</title>
    <link>https://lanterns.example.org/2012/02/06/${slug}/</link>
    <dc:creator>ada-lantern-${suffix}</dc:creator>
    <content:encoded><![CDATA[Paper lanterns lined the canal for the whole evening.

<script>window.__imported = 'ran'</script><a href="javascript:window.__imported='clicked'">More photos</a>]]></content:encoded>
    <wp:post_id>${postId}</wp:post_id>
    <wp:post_date>2012-02-06 19:00:00</wp:post_date>
    <wp:post_date_gmt>2012-02-06 11:00:00</wp:post_date_gmt>
    <wp:post_name>${slug}</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <category domain="category" nicename="culture"><![CDATA[Culture]]></category>
  </item>
</channel>
</rss>`;

test.beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-import-e2e-'));
  const file = path.join(dir, 'export.xml');
  fs.writeFileSync(file, WXR);
  const run = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/import.ts', 'wordpress', file],
    { env: { ...process.env, DATABASE_PATH: e2eDatabasePath, DATABASE_URL: '' }, encoding: 'utf8', timeout: 120_000 },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Stories    1 story (1 new)');
});

test('an imported story is public at its new address, and its old WordPress addresses answer 301 there', async ({
  page,
  request,
}) => {
  const story = `/news/${slug}`;
  const location = (response: { headers(): Record<string, string> }) =>
    new URL(response.headers().location!, 'http://x').pathname;
  for (const old of [`/?p=${postId}`, `/2012/02/06/${slug}/`, `/2012/02/06/${slug}`, `/${slug}/`]) {
    const response = await request.get(old, { maxRedirects: 0 });
    expect(response.status(), old).toBe(301);
    expect(location(response), old).toBe(story);
  }
  // The category was matched to the demo's own Culture section: its old address leads there.
  const category = await request.get('/category/culture/', { maxRedirects: 0 });
  expect(category.status()).toBe(301);
  expect(location(category)).toBe('/section/culture');

  const answer = await page.goto(`/2012/02/06/${slug}/`);
  expect(answer?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(story);
  await expect(page.getByRole('heading', { level: 1, name: 'Lantern walk draws the old town out' })).toBeVisible();
  await expect(page.getByText('Paper lanterns lined the canal for the whole evening.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ada Lantern' }).first()).toHaveAttribute(
    'href',
    `/author/ada-lantern-${suffix}`,
  );
  // The script and the javascript: link were cleaned at the import.
  await expect(page.getByText('More photos')).toBeVisible();
  expect(
    await page.getByText('More photos').evaluate((el) => el.closest('a')?.getAttribute('href') ?? null),
  ).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { __imported?: string }).__imported)).toBeUndefined();
});

test('old-looking addresses nobody imported still end in a 404, and /?p= of an unknown post is the home page', async ({
  request,
}) => {
  const unknown = await request.get(`/2012/02/06/no-such-${suffix}/`, { maxRedirects: 0 });
  expect(unknown.status()).toBe(308);
  expect((await request.get(`/2012/02/06/no-such-${suffix}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get(`/category/no-such-${suffix}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get(`/no-such-${suffix}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get('/?p=999999999999', { maxRedirects: 0 })).status()).toBe(200);
});
