// Issue 8, items 9 and 10: a full disk and a read-only database. Each on a server of its own, on a
// copy of the e2e database (ports E2E_PORT+5 and +6), with the main server's SITE_URL so that pages
// they render into the build's shared ISR cache carry the right address.
// - Full disk: the server's connection is capped with the test hook MOODWIRE_TEST_MAX_PAGE_COUNT
//   (decision 014) at the size it starts with; a filler table the test made beforehand is deleted
//   from a second connection to "free space".
// - Read-only: DATABASE_READ_ONLY=1, on a copy holding a story no server has rendered yet.
// The locked case is in reliability.spec.ts (the main server, locked by the test's own transaction).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { MOODS } from '../../lib/domain/moods';
import { sendContactForm } from '../helpers/contact';
import { e2eDatabasePath, plantArticle, uniqueSuffix } from '../helpers/e2e-db';
import { startServer, type TestServer } from '../helpers/server';

const BASE = Number(process.env.E2E_PORT || 3100);
const SITE_URL = `http://127.0.0.1:${BASE}`;
const STORY = 'wechat-outage-leaves-millions-cut-off';
const PAUSED = /^Voting is paused/;

/** A copy of the e2e database for one server, prepared by `prepare` through a normal connection. */
function copyDatabase(prepare: (db: Database.Database) => void): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-degraded-'));
  const file = path.join(dir, 'source.db');
  const source = new Database(e2eDatabasePath, { readonly: true });
  source.prepare('vacuum into ?').run(file);
  source.close();
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  prepare(db);
  db.close();
  return { file, dir };
}

function postVote(server: TestServer, article: number, mood: string, json: boolean) {
  return fetch(`${server.url}/api/vote`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: server.url,
      accept: json ? 'application/json' : 'text/html',
    },
    body: new URLSearchParams({ article: String(article), mood, current: '' }),
  });
}

async function stop(server: TestServer) {
  server.process.kill('SIGTERM');
  expect(await server.exited).toBe(143);
}

function talliesMatch(db: Database.Database) {
  const grouped = (sql: string) =>
    Object.fromEntries(
      (db.prepare(sql).all() as { k: string; n: number }[]).filter((r) => r.n !== 0).map((r) => [r.k, r.n]),
    );
  expect(grouped("select article_id || ':' || mood as k, sum(count) as n from vote_tallies group by 1")).toEqual(
    grouped("select article_id || ':' || mood as k, count(*) as n from votes where voided_at is null group by 1"),
  );
  expect(
    grouped("select article_id || ':' || hour || ':' || mood as k, sum(count) as n from vote_hourly group by 1"),
  ).toEqual(
    grouped(
      "select article_id || ':' || (created_at / 3600000 * 3600000) || ':' || mood as k, count(*) as n from votes where voided_at is null group by 1",
    ),
  );
}

/** What a reader with JavaScript sees in the vote once it scrolls into view. */
async function expectPausedNotice(page: Page, url: string) {
  await page.goto(url);
  await page.locator('#mood-vote').scrollIntoViewIfNeeded();
  await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
  await expect(page.locator('#mood-vote').getByRole('status')).toHaveText(PAUSED);
}

test('full disk: votes answer 503 "voting is paused" (JSON and no-JS page), reading goes on, nothing is corrupted, voting recovers when space returns', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  // Votes go to a story of this test's own: a story voted on here is stale in this server's cache,
  // and re-rendering one the main server also shows (a prefetch is enough) would put this
  // database's counts into the build's shared ISR cache.
  const slug = `full-disk-story-${uniqueSuffix()}`;
  let articleId = 0;
  const source = copyDatabase((db) => {
    articleId = plantArticle(db, {
      slug,
      title: 'A story voted on until the disk is full',
      bodyHtml: '<p>Votes pour in.</p>',
    });
    db.exec('create table test_filler (b blob)');
    const fill = db.prepare('insert into test_filler values (zeroblob(3000))');
    for (let i = 0; i < 200; i++) fill.run();
  });
  const server = await startServer({
    port: BASE + 5,
    sourceDatabase: source.file,
    env: { SITE_URL, VOTE_LIMIT_PER_MINUTE: '0', VOTE_READER_LIMIT_PER_MINUTE: '0', MOODWIRE_TEST_MAX_PAGE_COUNT: '1' },
  });
  const admin = new Database(server.databasePath);
  admin.pragma('busy_timeout = 5000');
  try {
    const votesBefore = (admin.prepare('select count(*) as n from votes').get() as { n: number }).n;
    let acknowledged = 0;
    let refusedJson = 0;
    let refusedForm = 0;

    // New readers vote until the database is full (every vote adds a row), by both paths.
    for (let i = 0; i < 3000 && (refusedJson < 3 || refusedForm < 3); i++) {
      const json = i % 2 === 0;
      const res = await postVote(server, articleId, MOODS[i % MOODS.length]!, json);
      if (res.status === 200 || res.status === 303) {
        acknowledged++;
        await res.arrayBuffer();
        continue;
      }
      expect(res.status, await res.clone().text()).toBe(503);
      expect(res.headers.get('retry-after')).toBe('60');
      if (json) {
        const body = (await res.json()) as { ok: boolean; message: string };
        expect(body.ok).toBe(false);
        expect(body.message).toMatch(PAUSED);
        refusedJson++;
      } else {
        // A reader without JavaScript gets a page, not JSON: what happened, and the way back.
        expect(res.headers.get('content-type')).toContain('text/html');
        const html = await res.text();
        expect(html).toContain('<h1>Voting is paused</h1>');
        expect(html).toContain('your vote was not counted');
        expect(html).toContain(`href="/news/${slug}#mood-vote"`);
        refusedForm++;
      }
    }
    expect(refusedJson, 'the cap was reached').toBeGreaterThanOrEqual(3);
    expect(refusedForm).toBeGreaterThanOrEqual(3);
    expect(acknowledged).toBeGreaterThan(0);

    // Reading goes on; health and the vote script say why voting is paused.
    for (const p of ['/', `/news/${STORY}`, '/about']) expect((await fetch(`${server.url}${p}`)).status, p).toBe(200);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', reason: 'database is full (no space to write)' });
    const context = await browser.newContext();
    await expectPausedNotice(await context.newPage(), `${server.url}/news/${slug}`);
    await context.close();

    // Nothing refused was written, nothing is corrupted.
    expect(admin.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((admin.prepare('select count(*) as n from votes').get() as { n: number }).n - votesBefore).toBe(
      acknowledged,
    );
    talliesMatch(admin);

    // Space returns: the freed pages are reused, and the next votes by both paths go through.
    admin.prepare('delete from test_filler').run();
    const json = await postVote(server, articleId, 'happy', true);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { mine: string }).mine).toBe('happy');
    const form = await postVote(server, articleId, 'sad', false);
    expect(form.status).toBe(303);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await stop(server);
    console.log(
      `full disk: ${acknowledged} votes accepted before the cap, then ${refusedJson} JSON and ${refusedForm} form votes got 503; 2 accepted after space returned`,
    );

    expect(admin.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((admin.prepare('select count(*) as n from votes').get() as { n: number }).n - votesBefore).toBe(
      acknowledged + 2,
    );
    talliesMatch(admin);
  } finally {
    admin.close();
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    fs.rmSync(server.dir, { recursive: true, force: true });
    fs.rmSync(source.dir, { recursive: true, force: true });
  }
});

test('read-only database: stories render (a never-rendered one too), votes, the contact form and health say why, nothing is written', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const slug = `read-only-story-${uniqueSuffix()}`;
  const title = 'A story first read from a read-only database';
  let articleId = 0;
  const source = copyDatabase((db) => {
    articleId = plantArticle(db, {
      slug,
      title,
      bodyHtml: '<p>Rendered for the first time while the database takes no writes.</p>',
    });
  });
  const server = await startServer({
    port: BASE + 6,
    sourceDatabase: source.file,
    readyStatus: 503,
    env: { SITE_URL, DATABASE_READ_ONLY: '1' },
  });
  try {
    const digest = () => fs.readFileSync(server.databasePath).toString('base64');
    const before = digest();

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: 'degraded',
      reason: 'database is read-only',
      migrations: { applied: expect.any(Number) },
    });

    for (const p of ['/', `/news/${STORY}`, '/section/sports', '/about', '/search?q=wechat'])
      expect((await fetch(`${server.url}${p}`)).status, p).toBe(200);
    const fresh = await fetch(`${server.url}/news/${slug}`);
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain(title);

    const json = await postVote(server, articleId, 'touched', true);
    expect(json.status).toBe(503);
    expect(((await json.json()) as { message: string }).message).toMatch(PAUSED);
    const form = await postVote(server, articleId, 'touched', false);
    expect(form.status).toBe(503);
    const html = await form.text();
    expect(html).toContain('<h1>Voting is paused</h1>');
    expect(html).toContain(`href="/news/${slug}#mood-vote"`);

    // A share link still takes the reader on (uncounted).
    const share = await fetch(`${server.url}/share/x/${slug}`, { redirect: 'manual' });
    expect(share.status).toBe(302);

    // With JavaScript the vote says so as soon as it comes into view; without, the form post gets the page.
    const withJs = await browser.newContext();
    await expectPausedNotice(await withJs.newPage(), `${server.url}/news/${slug}`);
    await withJs.close();
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${server.url}/news/${slug}`);
    await page.locator('#mood-vote').getByRole('button', { name: 'Amused', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voting is paused');
    await expect(page.getByText('your vote was not counted')).toBeVisible();
    await page.getByRole('link', { name: 'Back to the story' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await noJs.close();

    // The contact form says the message was not sent and keeps it, instead of an error page.
    const contact = await browser.newContext();
    const contactPage = await contact.newPage();
    await contactPage.goto(`${server.url}/contact`);
    await sendContactForm(contactPage, {
      name: 'Ana Reader',
      email: 'ana@example.com',
      subject: 'Sent while read-only',
      message: 'Will this reach anyone?',
    });
    await expect(contactPage.getByRole('alert')).toHaveText(
      'The site cannot save messages right now, so your message was not sent. Please try again later.',
    );
    await expect(contactPage.getByLabel('Message')).toHaveValue('Will this reach anyone?');
    await contact.close();

    expect(digest(), 'the database file is unchanged').toBe(before);
    await stop(server);
    const db = new Database(server.databasePath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('select count(*) as n from votes where article_id = ?').get(articleId) as { n: number }).n).toBe(
      0,
    );
    db.close();
  } finally {
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    fs.rmSync(server.dir, { recursive: true, force: true });
    fs.rmSync(source.dir, { recursive: true, force: true });
  }
});
