// Read counts (issue 20 §1, decision 042), in a real browser with and without JavaScript: what is
// counted, what is not, what the home page and insights show, and that a graceful stop loses nothing.
import fs from 'node:fs';
import net from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import Database from 'better-sqlite3';
import { openE2eDatabase, plantArticle, uniqueSuffix } from '../helpers/e2e-db';
import { startServer } from '../helpers/server';
import { ensureStaffUsers } from '../helpers/staff';
import { e2eDatabasePath, signInThroughForm } from '../helpers/staff-e2e';

const HOUR = 3_600_000;
// The e2e server writes its counts every 5 seconds (READS_FLUSH_SECONDS default).
const FLUSH_WAIT = { timeout: 20_000, intervals: [500] };

function readsOf(articleId: number, file = e2eDatabasePath()): number {
  const db = new Database(file, { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return (
      db.prepare('select coalesce(sum(count), 0) as n from article_reads where article_id = ?').get(articleId) as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}

/** A story nobody has read yet: the same address reading a story twice within 30 minutes counts once. */
function freshStory(label: string): { id: number; slug: string; title: string } {
  const suffix = uniqueSuffix();
  const slug = `read-count-${label}-${suffix}`;
  const title = `Read count ${label} ${suffix}`;
  const db = openE2eDatabase();
  try {
    return { id: plantArticle(db, { slug, title, bodyHtml: '<p>A story to be read.</p>' }), slug, title };
  } finally {
    db.close();
  }
}

const readRequests = (page: Page) => {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/read') seen.push(r);
  });
  return seen;
};

test('with JavaScript, a shown story is reported once, by /reader.js, and counted', async ({ page }) => {
  const story = freshStory('js');
  const seen = readRequests(page);
  await page.goto(`/news/${story.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
  await expect.poll(() => readsOf(story.id), FLUSH_WAIT).toBe(1);
  // One report, a POST from the script; the <noscript> image was never loaded.
  expect(seen.map((r) => r.method())).toEqual(['POST']);
  // The same reader reloading within 30 minutes is not a new read.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
  await page.waitForTimeout(6500);
  expect(readsOf(story.id)).toBe(1);
});

test('a story opened in a background tab is counted only when it is shown', async ({ context, page }) => {
  const story = freshStory('background');
  await page.goto('/');
  // The page is loaded hidden, as a tab opened in the background is.
  const background = await context.newPage();
  await background.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  });
  const seen = readRequests(background);
  await background.goto(`/news/${story.slug}`);
  await expect(background.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
  await background.waitForTimeout(1000);
  expect(seen).toHaveLength(0);
  await background.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => seen.length).toBe(1);
  await expect.poll(() => readsOf(story.id), FLUSH_WAIT).toBe(1);
});

test('without JavaScript, the page’s own image counts the read', async ({ browser }) => {
  const story = freshStory('nojs');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const seen = readRequests(page);
  const pixel = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/read');
  await page.goto(`/news/${story.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
  const answer = await pixel;
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('image/gif');
  expect(seen.map((r) => `${r.method()} ${new URL(r.url()).search}`)).toEqual([`GET ?story=${story.id}`]);
  await expect.poll(() => readsOf(story.id), FLUSH_WAIT).toBe(1);
  // Nothing of the pixel shows on the page.
  await expect(page.locator('[data-read-story]')).toBeHidden();
  await context.close();
});

test('bots, link previews and prefetches are not counted', async ({ browser, request, baseURL }) => {
  const story = freshStory('bots');
  for (const userAgent of [
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'TelegramBot (like TwitterBot)',
  ]) {
    const context = await browser.newContext({ userAgent });
    const page = await context.newPage();
    await page.goto(`/news/${story.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
    await context.close();
  }
  const browserAgent =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
  const prefetches: Record<string, string>[] = [
    { 'Sec-Purpose': 'prefetch' },
    { Purpose: 'prefetch' },
    { 'Sec-Purpose': 'prefetch;prerender' },
  ];
  for (const headers of prefetches)
    expect(
      (
        await request.get(`/api/read?story=${story.id}`, {
          headers: { ...headers, 'User-Agent': browserAgent, 'Sec-Fetch-Site': 'same-origin' },
        })
      ).status(),
    ).toBe(200);
  // Another site embedding the pixel counts nothing either.
  await request.get(`/api/read?story=${story.id}`, {
    headers: { 'User-Agent': browserAgent, 'Sec-Fetch-Site': 'cross-site' },
  });
  // And a POST from another site is refused.
  const crossSite = await request.post('/api/read', {
    headers: { Origin: 'https://elsewhere.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    data: `story=${story.id}`,
  });
  expect(crossSite.status()).toBe(403);
  await new Promise((r) => setTimeout(r, 6500));
  expect(readsOf(story.id)).toBe(0);
  // A real read of the same story still counts (the checks above did not lock it out).
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto(`/news/${story.slug}`);
  await expect.poll(() => readsOf(story.id), FLUSH_WAIT).toBe(1);
});

test('bad read reports get a clear answer and count nothing', async ({ request, baseURL }) => {
  const story = freshStory('bad');
  for (const q of ['', '?story=', '?story=abc', '?story=-1', '?story=1e3', '?story=99999999999'])
    expect((await request.get(`/api/read${q}`)).status(), q).toBe(400);
  const unknown = await request.get('/api/read?story=2000000000');
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain('No such story');
  const big = await request.post('/api/read', {
    headers: { Origin: baseURL!, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: `story=${story.id}&pad=${'x'.repeat(1000)}`,
  });
  expect(big.status()).toBe(413);
  const draft = openE2eDatabase();
  const draftId = (draft.prepare("select id from articles where status = 'draft' limit 1").get() as { id: number }).id;
  draft.close();
  expect((await request.get(`/api/read?story=${draftId}`)).status()).toBe(404);
  await new Promise((r) => setTimeout(r, 6500));
  expect(readsOf(story.id)).toBe(0);
  expect(readsOf(draftId)).toBe(0);
});

test('the home page lists the most read stories of the last 24 hours', async ({ page }) => {
  test.setTimeout(120_000);
  const story = freshStory('most-read');
  const db = openE2eDatabase();
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  db.prepare('insert into article_reads (article_id, hour, count) values (?, ?, ?)').run(story.id, hour, 987_654);
  db.close();
  const mostRead = page.getByRole('region', { name: /Most read/ });
  // The home page is cached for a minute.
  await expect
    .poll(
      async () => {
        await page.goto('/');
        return (await mostRead.getByRole('listitem').first().textContent()) ?? '';
      },
      { timeout: 90_000, intervals: [5000] },
    )
    .toContain(story.title);
  await expect(mostRead.getByRole('listitem').first()).toContainText('987,654 reads');
  await mostRead.getByRole('link', { name: story.title }).click();
  await expect(page).toHaveURL(new RegExp(`/news/${story.slug}$`));
  await page.goto('/');
  const axe = await new AxeBuilder({ page }).include('#most-read').analyze();
  expect(axe.violations).toEqual([]);
});

test('insights show reads and mood votes per 100 reads beside votes and shares', async ({ page }) => {
  await ensureStaffUsers(e2eDatabasePath());
  const story = freshStory('insights');
  const db = openE2eDatabase();
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  db.prepare('insert into article_reads (article_id, hour, count) values (?, ?, ?)').run(story.id, hour, 400);
  db.prepare("insert into vote_hourly (article_id, hour, mood, count) values (?, ?, 'touched', 10)").run(
    story.id,
    hour,
  );
  db.close();
  await signInThroughForm(page, 'editor');
  await page.goto(`/admin/insights/stories/${story.id}?window=today`);
  await expect(page.locator('[data-stat="story-reads"]')).toHaveText('400');
  await expect(page.locator('[data-stat="story-votes"]')).toHaveText('10');
  await expect(page.locator('[data-stat="story-rate"]')).toHaveText('2.5');

  await page.goto('/admin/insights?window=today');
  const table = page.locator('[data-table="most-read"]');
  const row = table.getByRole('row').filter({ hasText: story.title });
  await expect(row).toContainText('400');
  await expect(row.getByRole('cell').last()).toHaveText('2.5');
  await expect(
    page.locator('[data-table="reads-by-section"]').getByRole('rowheader', { name: 'Culture' }),
  ).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-reads-report]').analyze();
  expect(axe.violations).toEqual([]);
  // No sideways scroll on a phone.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

/** A free port from the system, for a server of this test's own (not one of the suite's two). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('a graceful stop writes every read it acknowledged', async () => {
  test.setTimeout(120_000);
  // Counts would only be written every five minutes: all of them must come from the stop.
  const server = await startServer({
    port: await freePort(),
    sourceDatabase: e2eDatabasePath(),
    env: { READS_FLUSH_SECONDS: '300', TRUST_PROXY: '1' },
  });
  try {
    const db = new Database(server.databasePath, { readonly: true });
    const ids = (
      db.prepare("select id from articles where status = 'published' limit 6").all() as { id: number }[]
    ).map((r) => r.id);
    const before = (db.prepare('select coalesce(sum(count), 0) as n from article_reads').get() as { n: number }).n;
    db.close();
    let acknowledged = 0;
    const reports = [];
    for (let i = 0; i < 300; i++) {
      const story = ids[i % ids.length]!;
      reports.push(
        fetch(`${server.url}/api/read`, {
          method: 'POST',
          headers: {
            Origin: server.url,
            'Sec-Fetch-Site': 'same-origin',
            'Content-Type': 'application/x-www-form-urlencoded',
            'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
            // A different reader each time (through the trusted proxy), so none is a repeat.
            'X-Forwarded-For': `10.0.${Math.floor(i / 250)}.${i % 250}`,
          },
          body: `story=${story}`,
        }).then((res) => {
          if (res.status === 204) acknowledged++;
        }),
      );
    }
    await Promise.all(reports);
    expect(acknowledged).toBe(300);
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(143);
    // It closed cleanly (no write-ahead log left), looked at before anything opens the file again.
    expect(fs.existsSync(`${server.databasePath}-wal`)).toBe(false);
    const after = new Database(server.databasePath, { readonly: true });
    const total = (after.prepare('select coalesce(sum(count), 0) as n from article_reads').get() as { n: number }).n;
    after.close();
    expect(total - before).toBe(acknowledged);
  } finally {
    if (server.process.exitCode === null) server.process.kill('SIGKILL');
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
});
