import { expect, test } from '@playwright/test';
import { draftDemo, WECHAT_SLUG } from '../helpers/demo';
import { openE2eDatabase, uniqueSuffix } from '../helpers/e2e-db';

const WECHAT_TITLE = 'WeChat outage leaves millions cut off for a morning';

test('an article links its topics to tag pages that list it', async ({ page }) => {
  await page.goto(`/news/${WECHAT_SLUG}`);
  await page.getByRole('list', { name: 'Topics' }).getByRole('link', { name: 'Tencent' }).click();
  await expect(page).toHaveURL(/\/tag\/tencent$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tencent' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveText([
    'Sino-US',
    'Topic: Tencent',
  ]);
  await expect(page.getByRole('link', { name: WECHAT_TITLE })).toBeVisible();
});

test('the byline links to the author’s page: photo, name, bio and their stories', async ({ page }) => {
  await page.goto(`/news/${WECHAT_SLUG}`);
  await page.getByRole('link', { name: 'Lin Yue' }).click();
  await expect(page).toHaveURL(/\/author\/lin-yue$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lin Yue' })).toBeVisible();
  await expect(page.getByText(/covers China’s social networks/)).toBeVisible();
  const photo = page.locator('main header img');
  await expect(photo).toBeVisible();
  // The photo loads (visible is not loaded: a busy server may still be sending it).
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole('heading', { level: 2, name: 'Stories by Lin Yue' })).toBeVisible();
  await expect(page.getByRole('link', { name: WECHAT_TITLE })).toBeVisible();
  const bylines = await page.locator('main article p:last-child').allInnerTexts();
  expect(bylines.length).toBeGreaterThan(1);
  for (const b of bylines) expect(b).toMatch(/^Lin Yue · /);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('tag pages paginate with plain links; bad pages and unknown tags are 404', async ({ page, request }) => {
    await page.goto('/tag/students');
    expect(await page.locator('main article').count()).toBe(8);
    await page.getByRole('link', { name: /Older stories/ }).click();
    await expect(page).toHaveURL(/\/tag\/students\/page\/2$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('page 2');
    expect(await page.locator('main article').count()).toBeGreaterThan(0);
    const first = await request.get('/tag/students/page/1', { maxRedirects: 0 });
    expect([301, 308]).toContain(first.status());
    expect(first.headers().location).toMatch(/\/tag\/students$/);
    for (const path of [
      '/tag/students/page/99',
      '/tag/students/page/0',
      '/tag/no-such-topic',
      '/tag/Bad..Slug',
      '/author/nobody-here',
      '/author/lin-yue/page/2',
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });

  test('author pages paginate, newest first, and never list drafts', async ({ page }) => {
    const db = openE2eDatabase();
    const suffix = uniqueSuffix();
    const slug = `e2e-author-${suffix}`;
    const base = Date.parse('2001-03-01T08:00:00Z');
    try {
      db.transaction(() => {
        const authorId = Number(
          db
            .prepare(
              "insert into authors (slug, name, bio, created_at, updated_at) values (?, ?, 'Writes test stories.', 0, 0)",
            )
            .run(slug, `Pager ${suffix}`).lastInsertRowid,
        );
        const insert =
          db.prepare(`insert into articles (slug, title, section_id, author_id, byline, body, status, published_at, created_at, updated_at)
          values (?, ?, (select id from sections where slug = 'sports'), ?, ?, 'Body.', ?, ?, 0, 0)`);
        for (let i = 1; i <= 9; i++)
          insert.run(
            `${slug}-story-${i}`,
            `Pager story ${i} ${suffix}`,
            authorId,
            `Pager ${suffix}`,
            'published',
            base + i * 86_400_000,
          );
        insert.run(`${slug}-draft`, `Pager draft ${suffix}`, authorId, `Pager ${suffix}`, 'draft', null);
      })();

      await page.goto(`/author/${slug}`);
      const titles = await page.locator('main article h3').allInnerTexts();
      expect(titles).toEqual([9, 8, 7, 6, 5, 4, 3, 2].map((i) => `Pager story ${i} ${suffix}`));
      await page.getByRole('link', { name: /Older stories/ }).click();
      await expect(page).toHaveURL(new RegExp(`/author/${slug}/page/2$`));
      expect(await page.locator('main article h3').allInnerTexts()).toEqual([`Pager story 1 ${suffix}`]);
      await expect(page.getByText(`Pager draft ${suffix}`)).toHaveCount(0);
    } finally {
      db.prepare('delete from articles where slug like ?').run(`${slug}-%`);
      db.prepare('delete from authors where slug = ?').run(slug);
      db.close();
    }
  });

  test('a topic used only by drafts has no public page', async ({ request }) => {
    const db = openE2eDatabase();
    const slug = `e2e-embargoed-${uniqueSuffix()}`;
    try {
      const tagId = Number(
        db.prepare('insert into tags (slug, name) values (?, ?)').run(slug, 'Embargoed topic').lastInsertRowid,
      );
      db.prepare(
        'insert into article_tags (article_id, tag_id) values ((select id from articles where slug = ?), ?)',
      ).run(draftDemo.slug, tagId);
      expect((await request.get(`/tag/${slug}`)).status()).toBe(404);
    } finally {
      db.prepare('delete from tags where slug = ?').run(slug);
      db.close();
    }
  });
});
