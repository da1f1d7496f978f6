// Newsroom insights and vote moderation, as an editor and a writer see them (issue 6).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { recomputeVoteRollups } from '../../db/vote-rollups';
import { e2eDb, talliesMismatches, uniqueSuffix } from '../helpers/e2e-db';
import { e2eDatabasePath, signInThroughForm } from '../helpers/staff-e2e';
import { ensureStaffUsers } from '../helpers/staff';

const MINUTE = 60_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
let ids: Awaited<ReturnType<typeof ensureStaffUsers>>;
const suffix = uniqueSuffix();
// A headline that a spreadsheet would run as a formula: the CSV must defuse it.
const BURST_TITLE = `=HYPERLINK("x") Insights burst ${suffix}`;
const story = { burst: 0, writers: 0, editors: 0 };
let burstSlug = '';

function plantStory(slug: string, title: string, createdBy: number, sectionSlug = 'culture'): number {
  const sql = e2eDb().$client;
  const section = sql.prepare('select id from sections where slug = ?').get(sectionSlug) as { id: number };
  const t = Date.now();
  return Number(
    sql
      .prepare(
        `insert into articles (slug, title, standfirst, section_id, byline, body, body_html, status, published_at, created_by, created_at, updated_at)
         values (?, ?, '', ?, 'Insights Desk', 'Body.', '<p>Body.</p>', 'published', ?, ?, ?, ?)`,
      )
      .run(slug, title, section.id, t - 3 * 3600_000, createdBy, t, t).lastInsertRowid,
  );
}

/** Votes written straight into the file, as a stuffing script leaves them, then the rollups rebuilt. */
function plantVotes(articleId: number, votes: { mood: string; ip: string; at: number }[]) {
  const db = e2eDb();
  const insert = db.$client.prepare(
    'insert into votes (article_id, reader_id, mood, ip_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
  );
  db.$client.transaction(() => {
    votes.forEach((v, i) => insert.run(articleId, `insights-${suffix}-${articleId}-${i}`, v.mood, v.ip, v.at, v.at));
    recomputeVoteRollups(db, articleId);
  })();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  ids = await ensureStaffUsers(e2eDatabasePath());
  burstSlug = `insights-burst-${suffix}`;
  story.burst = plantStory(burstSlug, BURST_TITLE, ids.editor);
  story.writers = plantStory(`insights-writer-${suffix}`, `Insights writer story ${suffix}`, ids.writer, 'weibo-wire');
  story.editors = plantStory(`insights-editor-${suffix}`, `Insights editor story ${suffix}`, ids.editor, 'weibo-wire');
  const now = Date.now();
  // 12 readers from 12 addresses over the last hours, and 25 votes from one address in two minutes.
  plantVotes(story.burst, [
    ...Array.from({ length: 12 }, (_, i) => ({
      mood: 'happy',
      ip: `honest-${suffix}-${i}`,
      at: now - (i + 1) * 7 * MINUTE,
    })),
    ...Array.from({ length: 25 }, (_, i) => ({
      mood: 'angry',
      ip: `stuffer-${suffix}`,
      at: now - 30 * MINUTE + i * 5000,
    })),
  ]);
  plantVotes(story.writers, [{ mood: 'sad', ip: '', at: now - MINUTE }]);
  const day = new Date(now).toISOString().slice(0, 10);
  e2eDb()
    .$client.prepare(
      "insert into share_clicks (article_id, network, day, count) values (?, 'weibo', ?, 40), (?, 'email', ?, 3)",
    )
    .run(story.burst, day, story.burst, day);
});

async function countOnPublicPage(browser: Browser, baseURL: string, mood: string): Promise<number> {
  // Without JavaScript: what the cached page itself says.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`/news/${burstSlug}`);
    const button = page.locator('#mood-vote').getByRole('button', { name: mood, exact: true });
    const text = await page.locator(`#${await button.getAttribute('aria-describedby')}`).innerText();
    return Number(/([\d,]+) votes?$/.exec(text.trim())![1]!.replace(/,/g, ''));
  } finally {
    await context.close();
  }
}

test('an editor filters the dashboard by section and period, reads the charts and tables, and exports CSV', async ({
  page,
}) => {
  await signInThroughForm(page, 'editor');
  await page.getByRole('navigation', { name: 'Staff', exact: true }).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  // The planted votes reach three hours back; days are UTC. In the first hours of a UTC day some of
  // them fell yesterday: then the period is yesterday and today (still hour by hour).
  const period = Date.now() - 3 * 60 * MINUTE >= Date.parse(`${utcDay(Date.now())}T00:00:00Z`) ? 'today' : 'custom';
  await page.getByRole('combobox', { name: 'Period' }).selectOption(period);
  if (period === 'custom') {
    await page.getByLabel('From (custom)').fill(utcDay(Date.now() - 24 * 60 * MINUTE));
    await page.getByLabel('To (custom)').fill(utcDay(Date.now()));
  }
  await page.getByRole('combobox', { name: 'Section' }).selectOption('culture');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`window=${period}`));
  await expect(page).toHaveURL(/section=culture/);
  await expect(page.locator('[data-scope]')).toContainText('Culture and its subsections');

  // Every chart is an image with a title and a description, a text summary and a table behind it.
  const moods = page.locator('[data-chart="mood-timeline"]');
  await expect(moods.getByRole('img', { name: 'Votes by mood, hour by hour' })).toBeVisible();
  await expect(moods.locator('[data-summary]')).toContainText(/votes in this period\. Most common: .*Angry/);
  await moods.getByText('Table of votes by mood').click();
  await expect(moods.getByRole('columnheader', { name: 'Angry' })).toBeVisible();
  const shares = page.locator('[data-chart="shares"]');
  await expect(shares.getByRole('img', { name: 'Shares by network' })).toBeVisible();
  await expect(shares.locator('[data-summary]')).toContainText('Weibo');

  const leaders = page.locator('[data-table="top-by-mood"]');
  await expect(leaders.getByRole('row', { name: /^Angry/ }).getByRole('link', { name: BURST_TITLE })).toBeVisible();
  await expect(page.locator('[data-table="most-shared"]').getByRole('link', { name: BURST_TITLE })).toBeVisible();
  // A story of another section is filtered out.
  await expect(page.getByRole('link', { name: `Insights writer story ${suffix}` })).toHaveCount(0);

  // CSV: what the table shows, RFC 4180, formula defused, for the same filters.
  const href = await leaders.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
  expect(href).toContain(`window=${period}`);
  expect(href).toContain('section=culture');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="moodwire-top-by-mood-.*-culture\.csv"/);
  const body = await csv.text();
  expect(body.startsWith('\uFEFFMood,Rank,Story,Section,')).toBe(true);
  expect(body).toContain(`Angry,1,"'=HYPERLINK(""x"") Insights burst ${suffix}",Culture,25,`);
  expect(body).toContain('\r\n');

  // Bad input: a clear message on the page, a 400 from the export; never a 500.
  await page.goto('/admin/insights?window=custom&from=2026-11-10&to=2026-11-01');
  await expect(page.locator('#insights-filter-error')).toHaveText(
    'The last day comes before the first day: swap them.',
  );
  await page.goto('/admin/insights?section=no-such-section');
  await expect(page.locator('#insights-filter-error')).toContainText('There is no such section');
  const bad = await page.request.get('/admin/insights/export/shares?window=custom&from=2020-01-01&to=2026-01-01');
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain('at most 31 days');
  expect((await page.request.get('/admin/insights/export/passwords')).status()).toBe(404);
});

test('the insights pages pass axe in light and dark mode (chart colours included)', async ({ page }) => {
  // Six full axe scans of long pages: slow on a busy machine.
  test.setTimeout(240_000);
  await signInThroughForm(page, 'editor');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of [
      '/admin/insights?window=today',
      `/admin/insights/stories/${story.burst}?window=today`,
      '/admin/moderation',
    ]) {
      await page.goto(path);
      // Open every table, so that they are checked too.
      for (const details of await page.locator('details').all())
        await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const severe = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${scheme} ${path}: ${v.id} ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
      expect(severe).toEqual([]);
    }
  }
});

test('an editor voids a planted burst and readers see the corrected counts at once; pausing closes the vote', async ({
  page,
  browser,
  baseURL,
}) => {
  expect(await countOnPublicPage(browser, baseURL!, 'Angry')).toBe(25);
  await signInThroughForm(page, 'editor');
  await page.goto('/admin/moderation');
  const row = page.locator(`[data-burst="${story.burst}"]`);
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').first()).toHaveText('25');
  await row.getByRole('button', { name: /Void burst/ }).click();
  await expect(page.getByRole('status')).toContainText('Voided 25 votes');
  await expect(page.locator(`[data-burst="${story.burst}"]`)).toHaveCount(0);

  expect(await countOnPublicPage(browser, baseURL!, 'Angry')).toBe(0);
  expect(await countOnPublicPage(browser, baseURL!, 'Happy')).toBe(12);
  expect(talliesMismatches()).toEqual([]);

  // The story's insights say what happened.
  await page.goto(`/admin/insights/stories/${story.burst}`);
  await expect(page.locator('[data-stat="readers"]')).toHaveText('12');
  await expect(page.locator('[data-stat="voided"]')).toHaveText('25');
  await page.getByRole('button', { name: 'Pause voting' }).click();
  await expect(page.getByRole('status')).toContainText('Voting paused');
  const reader = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  await readerPage.goto(`/news/${burstSlug}`);
  await expect(readerPage.locator('#mood-vote')).toContainText('Voting is closed for this story.');
  await page.reload();
  await page.getByRole('button', { name: 'Resume voting' }).click();
  await expect(page.getByRole('status')).toContainText('Voting resumed');
  await readerPage.goto(`/news/${burstSlug}`);
  await expect(readerPage.locator('#mood-vote')).not.toContainText('Voting is closed');
  await reader.close();
  const audit = e2eDb()
    .$client.prepare("select action from audit_log where object_type = 'article' and object_id = ? order by id")
    .all(String(story.burst)) as { action: string }[];
  expect(audit.map((a) => a.action)).toEqual(['votes.void', 'votes.pause', 'votes.resume']);
});

test('a writer sees the insights of their own stories only', async ({ page }: { page: Page }) => {
  await signInThroughForm(page, 'writer');
  await expect(
    page.getByRole('navigation', { name: 'Staff', exact: true }).getByRole('link', { name: 'Insights' }),
  ).toHaveCount(0);
  await page.goto('/admin/stories');
  await page
    .getByRole('row', { name: new RegExp(`Insights writer story ${suffix}`) })
    .getByRole('link', { name: 'Insights', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Insights writer story ${suffix}` })).toBeVisible();
  await expect(page.locator('[data-chart="moods"] [data-summary]')).toContainText(
    '1 vote counted on this story in all. Most common: Sad 100% (1).',
  );
  await expect(page.getByRole('button', { name: 'Pause voting' })).toHaveCount(0);
  const own = await page.request.get(`/admin/insights/stories/${story.writers}/export/moods`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('Sad,1,100');

  for (const path of [`/admin/insights/stories/${story.editors}`, '/admin/insights', '/admin/moderation']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByText(`Insights editor story ${suffix}`)).toHaveCount(0);
  }
  expect((await page.request.get(`/admin/insights/stories/${story.editors}/export/moods`)).status()).toBe(403);
  expect((await page.request.get('/admin/insights/export/shares')).status()).toBe(403);
  expect((await page.goto('/admin/insights/stories/999999999'))?.status()).toBe(404);
  expect((await page.goto('/admin/insights/stories/abc'))?.status()).toBe(404);
});
