// Playwright's global setup: the SMTP server the main server sends to (SMTP_URL in playwright.config.ts)
// runs for the whole run, so every spec that makes the site send email is answered (no "connect
// ECONNREFUSED" in the server log), and specs read what arrived from the spool file.
import fs from 'node:fs';
import path from 'node:path';
import { e2eSmtpPort, e2eSpoolPath } from './e2e-mail';
import { startSmtpReceiver } from './smtp-receiver';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const spool = e2eSpoolPath();
  fs.mkdirSync(path.dirname(spool), { recursive: true });
  fs.rmSync(spool, { force: true });
  const receiver = await startSmtpReceiver(e2eSmtpPort(), { spool });
  return () => receiver.close();
}
