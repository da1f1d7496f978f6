// Where the Playwright run's SMTP server listens and writes what it received (playwright.config.ts,
// tests/helpers/playwright-global-setup.ts), and how specs wait for a message.
import path from 'node:path';
import { expect } from '@playwright/test';
import { readSpool, type ReceivedMail } from './smtp-receiver';

const port = () => Number(process.env.E2E_PORT || 3100);

/** The port the main server's SMTP_URL names. */
export const e2eSmtpPort = () => Number(process.env.E2E_SMTP_PORT || port() + 53);

export function e2eSpoolPath(): string {
  const database = process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`;
  return path.join(path.dirname(database), `mail-${port()}.jsonl`);
}

export const receivedMails = (): ReceivedMail[] => readSpool(e2eSpoolPath());

/** Waits for the one message to `to` whose subject starts with `subject`, sent after `since` mails. */
export async function waitForMail(to: string, subject: string, since = 0): Promise<ReceivedMail> {
  const find = () =>
    receivedMails()
      .slice(since)
      .filter((m) => m.to.includes(to) && m.subject.startsWith(subject));
  await expect.poll(() => find().length, { timeout: 15_000, message: `an email "${subject}…" to ${to}` }).toBe(1);
  return find()[0]!;
}
