// Password links in the real server (issue 20 §2, decision 059), the email read from the run's SMTP
// server (tests/helpers/playwright-global-setup.ts): a staff member resets a forgotten password with
// and without JavaScript, every other session of theirs ends, the link works once; an administrator
// invites a new editor, resends the invitation, and the editor chooses a password and is signed in.
// The limits server runs without SMTP_URL: there the pages say email is off.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { e2eQuery, limitsBaseUrl, limitsDatabasePath, uniqueSuffix } from '../helpers/e2e-db';
import { receivedMails, waitForMail } from '../helpers/e2e-mail';
import { linkIn } from '../helpers/smtp-receiver';
import { ensureStaffUsers } from '../helpers/staff';
import { signInThroughForm } from '../helpers/staff-e2e';
import { hashPassword } from '../../lib/password';

const OLD_PASSWORD = 'Pebble-Lighthouse-Orchid-27';
const SAME_ANSWER = 'If an active staff account uses this address, it has been sent a link to choose a new password.';

/** A writer of this test's own, with a known password. */
async function plantWriter(): Promise<{ email: string; name: string }> {
  const suffix = uniqueSuffix();
  const email = `reset-${suffix}@e2e.moodwire.test`;
  const name = `Reset Writer ${suffix}`;
  const now = Date.now() - 60_000;
  await e2eQuery(
    `insert into users (email, name, role, password_hash, sessions_valid_after, created_at, updated_at)
     values (?, ?, 'writer', ?, ?, ?, ?)`,
    [email, name, await hashPassword(OLD_PASSWORD), now, now, now],
  );
  return { email, name };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/admin/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hello,/ })).toBeVisible();
}

async function askForReset(page: Page, email: string) {
  await page.goto('/admin/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText(SAME_ANSWER);
}

async function choosePassword(page: Page, password: string, confirm = password) {
  await page.getByLabel(/^(New password|Password)$/).fill(password);
  await page.getByLabel('The same password again').fill(confirm);
  await page.getByRole('button', { name: /^(Save new password|Set password and sign in)$/ }).click();
}

async function resetEndToEnd(browser: Browser, javaScriptEnabled: boolean) {
  const writer = await plantWriter();
  // A session opened before the reset, elsewhere: it must end.
  const elsewhere = await browser.newContext();
  const context = await browser.newContext({ javaScriptEnabled });
  try {
    const other = await elsewhere.newPage();
    await signIn(other, writer.email, OLD_PASSWORD);

    const page = await context.newPage();
    const since = receivedMails().length;
    await askForReset(page, writer.email);
    // An address without an account gets the very same answer, and no email.
    await askForReset(page, `nobody-${uniqueSuffix()}@e2e.moodwire.test`);
    const mail = await waitForMail(writer.email, 'Choose a new password for', since);
    const link = linkIn(mail);
    expect(new URL(link).origin).toBe(new URL(page.url()).origin);

    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect(page.getByText(writer.email)).toBeVisible();
    // The rules of "Your account": a common password is refused, and nothing is used up.
    await choosePassword(page, 'password12345');
    await expect(page.getByText('This password is too common.')).toBeVisible();
    await choosePassword(page, 'Saffron-Tidewater-Ink-58', 'Saffron-Tidewater-Ink-59');
    await expect(page.getByText('The two passwords differ.')).toBeVisible();
    await choosePassword(page, 'Saffron-Tidewater-Ink-58');
    await expect(page).toHaveURL(/\/admin\/account\?password-set=1$/);
    await expect(page.getByRole('status')).toContainText('Your password is set and you are signed in.');
    await expect(page.getByText(`${writer.name} · ${writer.email} · Writer`)).toBeVisible();

    // The session opened before the reset has ended.
    await other.goto('/admin');
    await expect(other).toHaveURL(/\/admin\/login/);
    // The old password no longer works; the new one does.
    await signIn(other, writer.email, 'Saffron-Tidewater-Ink-58');

    // The link works once.
    await page.goto(link);
    await expect(page.getByText('This link has been used already')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save new password' })).toHaveCount(0);
    // Only the writer's address was sent anything.
    expect(
      receivedMails()
        .slice(since)
        .filter((m) => m.to.some((to) => to.startsWith('nobody-'))),
    ).toEqual([]);
  } finally {
    await context.close();
    await elsewhere.close();
  }
}

test('a forgotten password is reset through an emailed link, with JavaScript', async ({ browser }) => {
  await resetEndToEnd(browser, true);
});

test('a forgotten password is reset through an emailed link, without JavaScript', async ({ browser }) => {
  await resetEndToEnd(browser, false);
});

test('a link that does not exist says so, and changes nothing', async ({ page }) => {
  await page.goto(`/admin/login/new-password?token=${'A'.repeat(43)}`);
  await expect(page.getByText('This link does not work.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save new password' })).toHaveCount(0);
  await page.goto('/admin/login/new-password?token=short');
  await expect(page.getByText('This link does not work.')).toBeVisible();
});

test('an administrator invites a new editor by email, resends it, and the editor chooses a password and is signed in', async ({
  browser,
}) => {
  await ensureStaffUsers();
  const suffix = uniqueSuffix();
  const email = `invited-${suffix}@e2e.moodwire.test`;
  const name = `Invited Editor ${suffix}`;
  const admin = await browser.newContext();
  const invited = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await admin.newPage();
    await signInThroughForm(page, 'admin');
    await page.goto('/admin/users');
    const form = page.locator('form[data-action="user.create"]');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Role').selectOption('editor');
    await form.getByLabel('How they get in').selectOption('invite');
    const since = receivedMails().length;
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'User created and invited' })).toBeVisible();
    await expect(page.locator('[data-invitation="pending"]')).toContainText('waiting');
    const first = linkIn(await waitForMail(email, 'You are invited to', since));

    const resent = receivedMails().length;
    await page.getByRole('button', { name: 'Send the invitation again' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Invitation sent again.' })).toBeVisible();
    const second = await waitForMail(email, 'You are invited to', resent);
    expect(second.text).toContain('as editor');
    expect(linkIn(second)).not.toBe(first);

    await page.goto('/admin/users');
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Invited, waiting');

    const newcomer = await invited.newPage();
    // The older link stopped working when the invitation was sent again.
    await newcomer.goto(first);
    await expect(newcomer.getByText('This link does not work.')).toBeVisible();
    await newcomer.goto(linkIn(second));
    await expect(newcomer.getByRole('heading', { level: 1, name: 'Welcome: choose your password' })).toBeVisible();
    await choosePassword(newcomer, 'Juniper-Signal-Basin-34');
    await expect(newcomer.getByRole('status')).toContainText('Your password is set and you are signed in.');
    await expect(newcomer.getByText(`${name} · ${email} · Editor`)).toBeVisible();
    await newcomer.goto('/admin/stories');
    await expect(newcomer.getByRole('heading', { level: 1 })).toBeVisible();

    await page.goto('/admin/users');
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Active');
    const [row] = await e2eQuery<{ n: number }>(
      "select count(*) as n from audit_log where action = 'user.accept-invitation' and object_id = (select cast(id as text) from users where email = ?)",
      [email],
    );
    expect(Number(row!.n)).toBe(1);
  } finally {
    await admin.close();
    await invited.close();
  }
});

test('without SMTP_URL the reset page and the new-user form say that email is off', async ({ browser }) => {
  await ensureStaffUsers(limitsDatabasePath);
  const context = await browser.newContext({ baseURL: limitsBaseUrl });
  try {
    const page = await context.newPage();
    await page.goto('/admin/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.locator('[data-email="off"]')).toContainText('Email is off on this site');
    await expect(page.locator('[data-email="off"]')).toContainText('Ask an administrator');
    await expect(page.getByRole('button', { name: 'Send me a link' })).toHaveCount(0);
    await signInThroughForm(page, 'admin');
    await page.goto('/admin/users');
    const form = page.locator('form[data-action="user.create"]');
    await expect(form.locator('[data-email="off"]')).toContainText('Email is off');
    await expect(form.getByLabel('How they get in')).toHaveCount(0);
    await expect(form.getByLabel('Initial password')).toBeVisible();
  } finally {
    await context.close();
  }
});
