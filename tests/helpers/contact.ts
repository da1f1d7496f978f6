// The Contact us form, as a reader fills it in (e2e).
import type { Page } from '@playwright/test';

export type ContactFields = { name: string; email: string; subject: string; message: string };

/** Fills every field of the contact form on the current page and sends it. */
export async function sendContactForm(page: Page, fields: ContactFields): Promise<void> {
  await page.getByLabel('Your name').fill(fields.name);
  await page.getByLabel('Your e-mail').fill(fields.email);
  await page.getByLabel('Subject').fill(fields.subject);
  await page.getByLabel('Message').fill(fields.message);
  await page.getByRole('button', { name: 'Send message' }).click();
}
