// For integration tests that send email: the test SMTP receiver for the file, SMTP_URL pointing at it
// before each test (with an empty inbox), and everything put back after the file.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './smtp-receiver';

export function smtpReceiverForFile(siteUrl = 'https://news.example.com'): { mails: ReceivedMail[] } {
  let receiver: SmtpReceiver | undefined;
  const inbox: { mails: ReceivedMail[] } = { mails: [] };
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    inbox.mails = receiver.mails;
  });
  beforeEach(() => {
    receiver!.mails.length = 0;
    process.env.SMTP_URL = receiver!.url;
    process.env.SITE_URL = siteUrl;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await receiver?.close();
  });
  return inbox;
}
