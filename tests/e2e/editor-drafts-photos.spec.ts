// Issue 19 §2, §3 and §7 in a real browser: an editor puts two photos in a story, loses the connection
// mid-edit and gets the text back, restores a revision, is warned before overwriting a colleague, and
// works in a staff area that names the publication and fits a phone.
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { openE2eDatabase, plantArticle, uniqueSuffix } from '../helpers/e2e-db';
import { ensureStaffUsers, STAFF } from '../helpers/staff';
import { e2eDatabasePath, fillHydrated, isHydrated, signInThroughForm } from '../helpers/staff-e2e';

// Uploads, saves and page loads share two cores with the other servers of the run: generous waits.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  await ensureStaffUsers(e2eDatabasePath());
});

function plantStory(title: string, body = ''): { id: number; slug: string } {
  const db = openE2eDatabase();
  try {
    const slug = `editor-day-one-${uniqueSuffix()}`;
    const id = plantArticle(db, { slug, title, bodyHtml: body ? `<p>${body}</p>` : '' });
    db.prepare('update articles set body = ? where id = ?').run(body, id);
    return { id, slug };
  } finally {
    db.close();
  }
}

const bodyField = (page: Page) => page.locator('form[data-action="story.save"] textarea[name="body"]');

async function uploadBodyPhoto(page: Page, colour: string, alt: string, caption: string) {
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: colour } })
    .png()
    .toBuffer();
  const form = page.locator('form[data-action="story.upload-body-photo"]');
  await form.locator('input[name="bodyPhoto"]').setInputFiles({ name: 'p.png', mimeType: 'image/png', buffer: png });
  await form.getByLabel('Alt text').fill(alt);
  await form.getByLabel('Caption').fill(caption);
  await form.getByLabel('Credit').fill('Staff photographer');
  const message = form.getByText(/is in the library/);
  const previous = (await message.count()) ? await message.textContent() : null;
  await form.getByRole('button', { name: 'Upload into the story' }).click();
  await expect(message).toBeVisible();
  if (previous) await expect(message).not.toHaveText(previous);
  const id = /Photo (\d+) is in the library/.exec((await message.textContent()) ?? '')![1]!;
  await form.getByRole('button', { name: `Insert {{photo ${id}}} into the body` }).click();
  await expect(message).toContainText(`{{photo ${id}}}`);
  return Number(id);
}

test('an editor puts two photos between the paragraphs of a story; readers see both, from the site itself', async ({
  page,
  request,
}) => {
  const story = plantStory('Lanterns over the old harbour', 'The first paragraph.');
  await signInThroughForm(page, 'editor');
  await page.goto(`/admin/stories/${story.id}`);

  // A pasted outside image: the editor is told, and readers never get a broken image.
  await fillHydrated(bodyField(page), 'The first paragraph.\n\n![quay](https://images.example.com/quay.jpg)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/The body has an image from another site/)).toBeVisible();
  const reader = await page.context().newPage();
  await reader.goto(`/news/${story.slug}`);
  await expect(reader.locator('.prose-body')).toContainText('The first paragraph.');
  await expect(reader.locator('.prose-body img')).toHaveCount(0);
  await reader.close();
  await page.goto(`/admin/stories/${story.id}`);

  await fillHydrated(bodyField(page), 'The first paragraph.\n\nThe second paragraph.');
  // Cursor after the first paragraph: the first photo goes between the two.
  await bodyField(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
  const first = await uploadBodyPhoto(page, '#c44', 'Red lanterns over the water', 'Lanterns at dusk.');
  await bodyField(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
  const second = await uploadBodyPhoto(page, '#48c', 'Fishing boats at the quay', 'Boats come in at six.');
  await expect(bodyField(page)).toHaveValue(
    `The first paragraph.\n\n{{photo ${first}}}\n\nThe second paragraph.\n\n{{photo ${second}}}\n`,
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Published: readers can see it now.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Photos the body shows' }).getByRole('listitem')).toHaveCount(2);

  await page.goto(`/news/${story.slug}`);
  const figures = page.locator('.prose-body figure.story-photo');
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(0)).toContainText('Lanterns at dusk.');
  await expect(figures.nth(0)).toContainText('Staff photographer');
  await expect(figures.nth(1).getByRole('img', { name: 'Fishing boats at the quay' })).toBeVisible();
  const order = await page
    .locator('.prose-body > *')
    .evaluateAll((els) => els.map((e) => (e.tagName === 'FIGURE' ? 'photo' : e.textContent?.trim())));
  expect(order).toEqual(['The first paragraph.', 'photo', 'The second paragraph.', 'photo']);
  for (const img of await figures.locator('img').all()) {
    const src = (await img.getAttribute('src'))!;
    expect(src).toMatch(/^\/media\/[A-Za-z0-9_-]{22}\/1600\.webp$/);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    expect((await request.get(src)).status()).toBe(200);
  }

  // A gallery of the two, and the library tells where each is used; deleting one in use asks first.
  await page.goto(`/admin/stories/${story.id}`);
  await fillHydrated(bodyField(page), `Intro.\n\n{{gallery ${first} ${second}}}\n\nEnd.`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Published: readers can see it now.')).toBeVisible();
  await page.goto(`/news/${story.slug}`);
  await expect(page.getByRole('group', { name: 'Gallery, 2 photos' }).getByRole('img')).toHaveCount(2);

  await page.goto('/admin/media?q=fishing+boats');
  const card = page.locator(`[data-photo="${second}"]`);
  await expect(card).toContainText('Lanterns over the old harbour');
  await expect(card).toContainText('900×600 px');
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(card.getByText(/in use in 1 place/)).toBeVisible();
  await expect(card.getByText('Not used in any story.')).toHaveCount(0);
  await card.getByLabel('Delete it anyway').check();
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No photo matches.')).toBeVisible();
  await page.goto(`/news/${story.slug}`);
  await expect(page.locator('.prose-body img')).toHaveCount(1);
});

test('the editor autosaves; a lost connection keeps the text on the device, and the autosave brings it back elsewhere', async ({
  browser,
}) => {
  const story = plantStory('A draft that must not be lost', 'Opening line.');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, 'editor');
  await page.goto(`/admin/stories/${story.id}`);
  await fillHydrated(bodyField(page), 'Opening line.\n\nWritten before the train entered the tunnel.');
  await expect(page.getByTestId('autosave-status')).toContainText(/Autosaved at \d\d:\d\d:\d\d/, { timeout: 15_000 });

  await context.setOffline(true);
  await bodyField(page).press('End');
  await bodyField(page).pressSequentially(' Typed in the tunnel.');
  await expect(page.getByTestId('autosave-status')).toContainText('the connection is lost', { timeout: 15_000 });
  await expect(page.getByTestId('autosave-status')).toContainText('Your text is kept on this device');
  await context.setOffline(false);
  await page.close();

  // Another browser (the laptop died): the server's last autosave is offered, without what was typed offline.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signInThroughForm(elsewhere, 'editor');
  await elsewhere.goto(`/admin/stories/${story.id}`);
  await expect(elsewhere.getByText(/was not saved to the story\. It was kept by the autosave/)).toBeVisible();
  await elsewhere.getByRole('button', { name: 'Put it back in the editor' }).click();
  await expect(bodyField(elsewhere)).toHaveValue('Opening line.\n\nWritten before the train entered the tunnel.');
  await other.close();

  // Back on the same device: the text typed offline is newer, and offered back.
  const again = await context.newPage();
  await again.goto(`/admin/stories/${story.id}`);
  await expect(bodyField(again)).toHaveValue('Opening line.');
  await expect(again.getByText(/was not saved to the story\. It was kept on this device/)).toBeVisible();
  await again.getByRole('button', { name: 'Put it back in the editor' }).click();
  const full = 'Opening line.\n\nWritten before the train entered the tunnel. Typed in the tunnel.';
  await expect(bodyField(again)).toHaveValue(full);
  await again.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(again.getByText('Published: readers can see it now.')).toBeVisible();
  await again.goto(`/news/${story.slug}`);
  await expect(again.locator('.prose-body')).toContainText('Typed in the tunnel.');
  // Saved: nothing is offered any more.
  await again.goto(`/admin/stories/${story.id}`);
  await expect(bodyField(again)).toHaveValue(full);
  await expect(again.getByRole('button', { name: 'Put it back in the editor' })).toHaveCount(0);
  await context.close();
});

test('revisions: who saved what and when, two compared side by side, and an older one restored', async ({ page }) => {
  const story = plantStory('A story told three ways', 'Version zero.');
  await signInThroughForm(page, 'editor');
  for (const text of ['Version one, with a quote.', 'Version two, without it.']) {
    await page.goto(`/admin/stories/${story.id}`);
    await fillHydrated(bodyField(page), text);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Published: readers can see it now.')).toBeVisible();
  }
  await page.getByRole('link', { name: 'Revisions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revisions' })).toBeVisible();
  // The text from before the first save, then the two saves, each with who and when.
  const items = page.getByRole('list').filter({ hasText: 'Saved by' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText(`Saved by ${STAFF.editor.name}`);
  // Compared: the newest on the right, the one before on the left, the changed line marked on each side.
  const table = page.getByRole('table');
  await expect(table.locator('del')).toHaveText('Version one, with a quote.');
  await expect(table.locator('ins')).toHaveText('Version two, without it.');
  // Pick the oldest on the left and compare.
  const oldest = items.last();
  await oldest.getByLabel('Left').check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('table').locator('del')).toHaveText('Version zero.');

  const restore = page.getByRole('button', { name: /^Restore revision \d+$/ }).first();
  await restore.click();
  await expect(page.getByText(/Revision restored/)).toBeVisible();
  await expect(bodyField(page)).toHaveValue('Version zero.');
  await page.goto(`/news/${story.slug}`);
  await expect(page.locator('.prose-body')).toHaveText('Version zero.');
  await page.goto(`/admin/stories/${story.id}/revisions`);
  await expect(page.getByText(/^Restored revision \d+$/).first()).toBeVisible();
});

test('text typed into the standfirst and body before the page’s scripts have run is still there when they have', async ({
  page,
}) => {
  // Line breaks as a browser's form sends them, and as every save from the editor stores them.
  const story = plantStory('A story typed into on a slow phone', 'The body as saved.\r\n\r\nIts second paragraph.');
  await signInThroughForm(page, 'editor');
  // The page's scripts are held back, as on a slow connection, while the editor starts typing.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const script = (url: URL) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js');
  await page.route(script, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/admin/stories/${story.id}`, { waitUntil: 'domcontentloaded' });
  const standfirst = page.getByLabel('Standfirst');
  await standfirst.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Typed early.');
  await bodyField(page).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('Typed first. ');
  expect(await isHydrated(bodyField(page))).toBe(false);

  release();
  await expect.poll(() => isHydrated(bodyField(page)), { timeout: 20_000 }).toBe(true);
  await expect(bodyField(page)).toHaveValue('Typed first. The body as saved.\n\nIts second paragraph.');
  await expect(standfirst).toHaveValue(/ Typed early\.$/);
  // The caret is where the editor left it: what they type next follows their words.
  await page.keyboard.type('Then more. ');
  await expect(bodyField(page)).toHaveValue('Typed first. Then more. The body as saved.\n\nIts second paragraph.');
  // The live preview has it too: the editor's own state holds the text, not only the page.
  await expect(page.getByTestId('live-preview')).toContainText('Typed first. Then more.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Published: readers can see it now.')).toBeVisible();
  await page.goto(`/news/${story.slug}`);
  await expect(page.locator('.prose-body p')).toHaveText([
    'Typed first. Then more. The body as saved.',
    'Its second paragraph.',
  ]);
});

async function editorPage(browser: Browser, role: 'editor' | 'admin', id: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, role);
  await page.goto(`/admin/stories/${id}`);
  return { context, page };
}

test('two people editing one story: warned while typing, and the later save is refused until chosen', async ({
  browser,
}) => {
  const story = plantStory('A story two editors open at once', 'Shared start.');
  const eda = await editorPage(browser, 'editor', story.id);
  const ada = await editorPage(browser, 'admin', story.id);

  await fillHydrated(bodyField(eda.page), 'Shared start. Eda adds a line.');
  await expect(eda.page.getByTestId('autosave-status')).toContainText('Autosaved at', { timeout: 15_000 });
  await fillHydrated(bodyField(ada.page), 'Shared start. Ada adds another.');
  await expect(ada.page.getByText(`${STAFF.editor.name} is editing this story too.`)).toBeVisible({
    timeout: 15_000,
  });

  await eda.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(eda.page.getByText('Published: readers can see it now.')).toBeVisible();

  await ada.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(ada.page.getByText(`${STAFF.editor.name} saved this story at`)).toBeVisible();
  await expect(bodyField(ada.page)).toHaveValue('Shared start. Ada adds another.');
  const db = openE2eDatabase();
  const stored = () => db.prepare('select body from articles where id = ?').get(story.id) as { body: string };
  expect(stored().body).toBe('Shared start. Eda adds a line.');

  await ada.page.getByLabel('Replace their version with mine when I save').check();
  await ada.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(ada.page.getByText('Published: readers can see it now.')).toBeVisible();
  expect(stored().body).toBe('Shared start. Ada adds another.');
  db.close();
  await eda.context.close();
  await ada.context.close();
});

test('the staff area names the publication, links to the site, fits 360 px, and speaks the audit log in words', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInThroughForm(page, 'admin');
  const header = page.locator('header').first();
  await expect(header.getByRole('link', { name: 'Sino-US' })).toBeVisible();
  await expect(header.getByText('Moodwire staff')).toHaveCount(0);
  await expect(header.getByRole('link', { name: /View the site/ })).toHaveAttribute('href', '/');
  for (const path of ['/admin/stories', '/admin/audit', '/admin/users', '/admin/media', '/admin/stories/1/revisions']) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(360);
  }

  // A story saved without touching its publish time keeps it to the millisecond.
  const story = plantStory('A story whose time must not move', 'Body.');
  const db = openE2eDatabase();
  const exact = Date.now() - 3 * 3600_000 - 37_250;
  db.prepare('update articles set published_at = ? where id = ?').run(exact, story.id);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/admin/stories/${story.id}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Published: readers can see it now.')).toBeVisible();
  const row = db.prepare('select published_at as t from articles where id = ?').get(story.id) as { t: number };
  expect(row.t).toBe(exact);
  db.close();

  await page.goto('/admin/audit');
  await expect(page.getByText('Edited “A story whose time must not move”', { exact: false }).first()).toBeVisible();
});

test('a writer linked to an author page writes under its byline', async ({ page, browser }) => {
  await signInThroughForm(page, 'admin');
  await page.goto('/admin/users');
  await page.getByRole('link', { name: STAFF.writer.name }).click();
  await page.getByLabel('Author page', { exact: true }).selectOption({ label: 'Lin Yue' });
  await page.getByRole('button', { name: 'Save author page' }).click();
  await expect(page.getByText('Linked to Lin Yue')).toBeVisible();

  const context = await browser.newContext();
  const writer = await context.newPage();
  await signInThroughForm(writer, 'writer');
  await writer.goto('/admin/stories/new');
  await expect(writer.getByLabel('Byline')).toHaveValue('Lin Yue');
  await expect(writer.getByLabel('Author page', { exact: true })).toHaveValue(/\d+/);
  await context.close();

  await page.goto('/admin/audit');
  await expect(page.getByText('to the author page “Lin Yue”').first()).toBeVisible();
  // Put it back for other tests.
  await page.goBack();
  await page.goto('/admin/users');
  await page.getByRole('link', { name: STAFF.writer.name }).click();
  await page.getByLabel('Author page', { exact: true }).selectOption({ label: 'None' });
  await page.getByRole('button', { name: 'Save author page' }).click();
  await expect(page.getByText('No author page linked any more.')).toBeVisible();
});
