// Issue 15 §8 through the real editor: a photo replaced twice and then removed leaves nothing behind
// where the server stores photos (the media folder on SQLite, media_files rows on PostgreSQL: this spec
// runs on both, scripts/test.sh), and what a reader is served follows. (Memory under six simultaneous
// 40-megapixel uploads is measured by `npm run bench:uploads`, not here.)
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { e2eDatabasePath, e2eQuery, plantStory, uniqueSuffix } from '../helpers/e2e-db';
import { ensureStaffUsers } from '../helpers/staff';
import { signInThroughForm } from '../helpers/staff-e2e';

const mediaRoot = path.join(path.dirname(e2eDatabasePath), 'media');
const onPostgres = Boolean(process.env.E2E_DATABASE_URL?.trim());

// The PostgreSQL server's data folder: DATABASE_PATH is not set for it (playwright.config.ts).
const serverMediaRoot = path.join(process.cwd(), 'data', 'media');

/** The photos the server has stored. */
async function stored(): Promise<Set<string>> {
  if (!onPostgres) return new Set(fs.existsSync(mediaRoot) ? fs.readdirSync(mediaRoot) : []);
  const keys = (await e2eQuery<{ key: string }>('select distinct media_key as key from media_files')).map((r) => r.key);
  // …and only there: nothing on the server's disk, where another server could not read it.
  for (const key of keys) expect(fs.existsSync(path.join(serverMediaRoot, key)), key).toBe(false);
  return new Set(keys);
}

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
  await ensureStaffUsers();
  const slug = `photo-churn-${uniqueSuffix()}`;
  const id = await plantStory({ slug, title: 'A story whose photo keeps changing', bodyHtml: '<p>Text.</p>' });
  const before = await stored();
  const added = async () => [...(await stored())].filter((f) => !before.has(f));

  await signInThroughForm(page, 'editor');
  await page.goto(`/admin/stories/${id}`);
  const served: string[] = [];
  for (const colour of ['#c33', '#3c3', '#33c']) {
    await uploadPhoto(page, colour);
    const now = await added();
    expect(now, `after the ${colour} photo`).toHaveLength(1);
    served.push(`/media/${now[0]}/640.webp`);
  }
  // The replaced photos are gone for readers too; the current one is served.
  expect((await request.get(served[0]!)).status()).toBe(404);
  expect((await request.get(served[1]!)).status()).toBe(404);
  expect((await request.get(served[2]!)).status()).toBe(200);

  await page.getByRole('button', { name: 'Remove photo from the story' }).click();
  await expect(page.getByText('No photo yet.')).toBeVisible();
  expect(await added()).toEqual([]);
  expect((await request.get(served[2]!)).status()).toBe(404);
});
