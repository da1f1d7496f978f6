// Email in the real server (SMTP_URL points at the SMTP server the Playwright run starts, smtp-server
// on 127.0.0.1, tests/helpers/smtp-receiver.ts): a reader's contact message and a writer's story for review reach the editors' inboxes;
// the reader and the writer see their usual answer at once.
import { expect, test } from '@playwright/test';
import { sendContactForm } from '../helpers/contact';
import { receivedMails } from '../helpers/e2e-mail';
import { STAFF, ensureStaffUsers } from '../helpers/staff';
import { e2eDatabasePath, signInThroughForm } from '../helpers/staff-e2e';

test.beforeAll(async () => {
  await ensureStaffUsers(e2eDatabasePath());
});

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const withSubject = (subject: string) => receivedMails().filter((m) => m.subject === subject);

test('a contact message and a story for review are emailed to editors and administrators', async ({ page }) => {
  const subject = `Ferry tip ${unique()}`;
  await page.goto('/contact');
  await sendContactForm(page, {
    name: 'Ana Reader',
    email: 'ana@example.org',
    subject,
    message: 'The ferry timetable changed this week.',
  });
  await expect(page.getByText('Your message has reached the newsroom')).toBeVisible();
  // One email per recipient, sent one after another: wait for both, not for the first.
  const contactRecipients = () => withSubject(`Contact form: ${subject}`).flatMap((m) => m.to);
  await expect
    .poll(contactRecipients, { timeout: 15_000 })
    .toEqual(expect.arrayContaining([STAFF.editor.email, STAFF.admin.email]));
  const contact = withSubject(`Contact form: ${subject}`);
  const recipients = contactRecipients();
  expect(recipients).not.toContain(STAFF.writer.email);
  expect(contact[0]!.raw).toContain('Reply-To: ana@example.org');
  expect(contact[0]!.text).toContain('The ferry timetable changed this week.');

  const title = `Night ferry diary ${unique()}`;
  await signInThroughForm(page, 'writer');
  await page.goto('/admin/stories/new');
  await page.getByLabel('Headline').fill(title);
  await page.getByLabel('Standfirst').fill('For the editors.');
  await page.getByLabel('Body (Markdown)').fill('Waiting for review.');
  await page.getByLabel('Section', { exact: true }).selectOption({ label: '\u00a0\u00a0\u00a0› Weibo Wire' });
  await page.getByLabel('Status').selectOption('review');
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sent for review' })).toBeVisible();
  const id = /\/admin\/stories\/(\d+)/.exec(page.url())![1];
  await expect
    .poll(() => withSubject(`For review: ${title}`).flatMap((m) => m.to), { timeout: 15_000 })
    .toContain(STAFF.editor.email);
  const review = withSubject(`For review: ${title}`);
  expect(review[0]!.text).toContain(`/admin/stories/${id}`);
  // The dashboard of a site with email says nothing about it being off.
  await page.goto('/admin');
  await expect(page.locator('[data-email="off"]')).toHaveCount(0);
});

test('a site without SMTP_URL says on the dashboard that email is off', async ({ browser }) => {
  // The limits server of playwright.config.ts runs without SMTP_URL, on its own database.
  const port = Number(process.env.E2E_PORT || 3100) + 1;
  await ensureStaffUsers(e2eDatabasePath().replace(/\.db$/, '') + '-limits.db');
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  try {
    const page = await context.newPage();
    await signInThroughForm(page, 'editor');
    await expect(page.locator('[data-email="off"]')).toContainText('Email is off: SMTP_URL is not set');
  } finally {
    await context.close();
  }
});
