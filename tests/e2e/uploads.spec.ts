// Issue 15 §8 through the real editor: a photo replaced twice and then removed leaves no files behind
// in the server's media folder, and what a reader is served follows. (Memory under six simultaneous
// 40-megapixel uploads is measured by `npm run bench:uploads`, not here.)
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { e2eDatabasePath, openE2eDatabase, plantArticle, uniqueSuffix } from '../helpers/e2e-db';
import { ensureStaffUsers } from '../helpers/staff';
import { signInThroughForm } from '../helpers/staff-e2e';

const mediaRoot = path.join(path.dirname(e2eDatabasePath), 'media');
const folders = () => new Set(fs.existsSync(mediaRoot) ? fs.readdirSync(mediaRoot) : []);

async function uploadPhoto(page: Page, colour: string) {
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } })
    .png()
    .toBuffer();
  await page.locator('input[name="photo"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel('Alt text').first().fill(`A ${colour} test card`);
  await page.getByRole('button', { name: 'Upload photo' }).click();
  // The message is the same for every upload: wait for this photo to be the story's.
  await expect(page.getByRole('img', { name: `A ${colour} test card` })).toBeVisible();
  await expect(page.getByText(/Photo saved \(1200×800, 5 sizes\)/)).toBeVisible();
}

test('a photo replaced twice, then removed, leaves no files behind', async ({ page, request }) => {
  await ensureStaffUsers(e2eDatabasePath);
  const db = openE2eDatabase();
  const slug = `photo-churn-${uniqueSuffix()}`;
  const id = plantArticle(db, { slug, title: 'A story whose photo keeps changing', bodyHtml: '<p>Text.</p>' });
  db.close();
  const before = folders();
  const added = () => [...folders()].filter((f) => !before.has(f));

  await signInThroughForm(page, 'editor');
  await page.goto(`/admin/stories/${id}`);
  const served: string[] = [];
  for (const colour of ['#c33', '#3c3', '#33c']) {
    await uploadPhoto(page, colour);
    expect(added(), `after the ${colour} photo`).toHaveLength(1);
    served.push(`/media/${added()[0]}/640.webp`);
  }
  // The replaced photos are gone for readers too; the current one is served.
  expect((await request.get(served[0]!)).status()).toBe(404);
  expect((await request.get(served[1]!)).status()).toBe(404);
  expect((await request.get(served[2]!)).status()).toBe(200);

  await page.getByRole('button', { name: 'Remove photo from the story' }).click();
  await expect(page.getByText('No photo yet.')).toBeVisible();
  expect(added()).toEqual([]);
  expect((await request.get(served[2]!)).status()).toBe(404);
});
