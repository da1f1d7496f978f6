// A story scheduled for a time reaches every reader page at that time, even pages that were cached
// before it (its own 404, the home page, its section, the feed): lib/server/scheduled-release.ts.
import { expect, test } from '@playwright/test';
import { e2eDb, uniqueSuffix } from '../helpers/e2e-db';

test('a scheduled story appears on its page, the home page, its section and the feed once its time comes', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const db = e2eDb().$client;
  const slug = `scheduled-${uniqueSuffix()}`;
  const title = `Ferry timetable changes on the Huangpu ${slug.slice(-6)}`;
  const section = db.prepare("select id from sections where slug = 'society'").get() as { id: number };
  const releaseAt = Date.now() + 8_000;
  const { id } = db
    .prepare(
      `insert into articles (slug, title, standfirst, section_id, byline, body, body_html, status, published_at, created_at, updated_at)
       values (?, ?, 'New sailings start on Monday.', ?, 'Metro Desk', 'New sailings.', '<p>New sailings.</p>', 'scheduled', ?, ?, ?) returning id`,
    )
    .get(slug, title, section.id, releaseAt, Date.now(), Date.now()) as { id: number };

  // Before its time: a 404, and the listings (now cached) do not have it.
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);
  expect(await (await request.get('/')).text()).not.toContain(title);
  expect(await (await request.get('/section/society')).text()).not.toContain(title);
  expect(await (await request.get('/feed.xml')).text()).not.toContain(title);

  // After its time, well inside the pages' own revalidation periods (60 s home, 300 s the rest).
  await expect
    .poll(async () => (await request.get(`/news/${slug}`)).status(), { timeout: 45_000, intervals: [1_000] })
    .toBe(200);
  const row = db.prepare('select status from articles where id = ?').get(id) as { status: string };
  expect(row.status).toBe('published');
  const audit = db
    .prepare("select count(*) as n from audit_log where action = 'story.release' and object_id = ?")
    .get(String(id)) as { n: number };
  expect(audit.n).toBe(1);

  await page.goto(`/news/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  for (const path of ['/', '/section/society', '/feed.xml']) {
    await expect
      .poll(async () => (await request.get(path)).text(), { timeout: 10_000, message: path })
      .toContain(title);
  }
});

test('the release route answers 404 to anyone but the server itself', async ({ request }) => {
  const res = await request.post('/api/internal/release-scheduled', {
    headers: { 'x-moodwire-release-token': 'guess' },
  });
  expect(res.status()).toBe(404);
  expect((await request.post('/api/internal/release-scheduled')).status()).toBe(404);
});
