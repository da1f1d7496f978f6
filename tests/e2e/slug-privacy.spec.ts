// Issue 15 §9a in the editor a writer uses: the slug of an unpublished story by someone else gets the
// same answer as a slug nobody uses (the story is saved); a published story's slug is refused.
import { expect, test, type Page } from '@playwright/test';
import { e2eDatabasePath, openE2eDatabase, uniqueSuffix } from '../helpers/e2e-db';
import { ensureStaffUsers } from '../helpers/staff';
import { signInThroughForm } from '../helpers/staff-e2e';

async function saveDraft(page: Page, title: string, slug: string) {
  await page.goto('/admin/stories/new');
  await page.getByLabel('Headline').fill(title);
  await page.getByLabel('Slug (address)').fill(slug);
  await page.getByLabel('Body (Markdown)').fill('Some text.');
  await page.getByLabel('Section', { exact: true }).selectOption({ label: '\u00a0\u00a0\u00a0› Weibo Wire' });
  await page.getByRole('button', { name: 'Create story' }).click();
}

test('a writer cannot tell from a slug that another writer’s unpublished story exists', async ({ page }) => {
  const ids = await ensureStaffUsers(e2eDatabasePath);
  const secret = `embargoed-merger-${uniqueSuffix()}`;
  const db = openE2eDatabase();
  const now = Date.now();
  const section = db.prepare("select id from sections where slug = 'weibo-wire'").get() as { id: number };
  db.prepare(
    `insert into articles (slug, title, section_id, byline, body, body_html, status, created_at, updated_at, created_by)
     values (?, 'An embargoed merger', ?, 'Eda', '', '', 'draft', ?, ?, ?)`,
  ).run(secret, section.id, now, now, ids.editor);
  const published = (
    db.prepare("select slug from articles where status = 'published' limit 1").get() as { slug: string }
  ).slug;
  db.close();

  await signInThroughForm(page, 'writer');
  const answers: string[] = [];
  for (const slug of [secret, `nobody-uses-this-${uniqueSuffix()}`]) {
    await saveDraft(page, `Probe ${slug}`, slug);
    await expect(page.getByRole('status').filter({ hasText: /saved|Saved/ })).toBeVisible();
    await expect(page.getByLabel('Slug (address)')).toHaveValue(slug);
    answers.push(
      (
        await page
          .getByRole('status')
          .filter({ hasText: /saved|Saved/ })
          .innerText()
      ).trim(),
    );
  }
  expect(answers[0]).toBe(answers[1]);

  await saveDraft(page, 'Probe of a published slug', published);
  await expect(page.getByText('Another story already uses this address. Change the slug.')).toBeVisible();
});
