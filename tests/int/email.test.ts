// Runs on both engines. Email notices through a real SMTP server on 127.0.0.1 (smtp-server): who gets
// them, what they say, a reader's text that cannot add headers, and nothing at all without SMTP_URL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { transaction } from '@/db/engine';
import { users } from '@/db/schema';
import { smtpReceiverForFile } from '../helpers/smtp-vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const inbox = smtpReceiverForFile();
let mails = inbox.mails;
let temp: TestDatabase;
let notices: typeof import('@/lib/email/notices');
let mailer: typeof import('@/lib/email/mailer');
const NOW = Date.now();

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW, seed: false });
  notices = await import('@/lib/email/notices');
  mailer = await import('@/lib/email/mailer');
  await transaction(async (tx) => {
    const user = (email: string, role: 'writer' | 'editor' | 'admin', disabled = false) => ({
      email,
      name: email.split('@')[0]!,
      role,
      disabled,
      passwordHash: 'x',
      createdAt: NOW,
      updatedAt: NOW,
    });
    await tx
      .insert(users)
      .values([
        user('ed@example.com', 'editor'),
        user('boss@example.com', 'admin'),
        user('writer@example.com', 'writer'),
        user('gone@example.com', 'editor', true),
      ]);
  });
});
afterAll(async () => {
  await temp.cleanup();
});
beforeEach(() => {
  mails = inbox.mails;
});

const headerLines = (raw: string) => raw.split('\r\n\r\n')[0]!.split('\r\n');
describe('email notices', () => {
  it('a contact message reaches every active editor and administrator, one message each, with reply-to', async () => {
    const sent = await notices.noticeOfContactMessage({
      name: 'Mei Reader',
      email: 'mei@example.org',
      subject: 'Typo in the harbour story',
      message: 'The third paragraph says 1998; it was 1989.',
    });
    expect(sent).toBe(2);
    expect(mails.map((m) => m.to).sort()).toEqual([['boss@example.com'], ['ed@example.com']]);
    for (const m of mails) {
      expect(m.from).toBe('noreply@news.example.com');
      expect(m.raw).toContain('Subject: Contact form: Typo in the harbour story');
      expect(m.raw).toContain('Reply-To: mei@example.org');
      expect(m.text).toContain('The third paragraph says 1998; it was 1989.');
      expect(m.text).toContain('https://news.example.com/admin/inbox');
      // No one learns the other recipients' addresses.
      expect(m.raw).not.toContain(m.to[0] === 'ed@example.com' ? 'boss@example.com' : 'ed@example.com');
    }
  });

  it('a story submitted for review is announced with a link to the editor', async () => {
    expect(await notices.noticeOfReview({ id: 42, title: 'Night ferries return' }, 'Lin Yue')).toBe(2);
    expect(mails[0]!.raw).toContain('Subject: For review: Night ferries return');
    expect(mails[0]!.text).toContain('Lin Yue submitted a story for review');
    expect(mails[0]!.text).toContain('https://news.example.com/admin/stories/42');
  });

  it('a reader cannot add headers or recipients through the subject, name or address', async () => {
    await notices.noticeOfContactMessage({
      name: 'Eve\r\nBcc: victim@example.net',
      email: 'eve@example.org',
      subject: 'Hello\r\nBcc: victim@example.net\r\nX-Evil: 1',
      message: 'Body\r\nBcc: still just text',
    });
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.to).toHaveLength(1);
      expect(m.to[0]).not.toBe('victim@example.net');
      const headers = headerLines(m.raw);
      expect(headers.some((h) => /^(bcc|x-evil):/i.test(h))).toBe(false);
      expect(headers.find((h) => h.startsWith('Subject:'))).toContain('Hello Bcc: victim@example.net X-Evil: 1');
    }
  });

  it('sends nothing without SMTP_URL, and refuses an address that is not smtp', async () => {
    delete process.env.SMTP_URL;
    expect(mailer.emailEnabled()).toBe(false);
    expect(await notices.noticeOfReview({ id: 1, title: 'x' }, 'y')).toBe(0);
    process.env.SMTP_URL = 'http://mail.example.com';
    expect(mailer.emailSettings()).toEqual({ problem: 'SMTP_URL must start with smtp:// or smtps://.' });
    expect(await notices.noticeOfReview({ id: 1, title: 'x' }, 'y')).toBe(0);
    expect(mails).toHaveLength(0);
  });

  it('a mail server that is down costs a logged failure, never an exception', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:4459';
    expect(await notices.noticeOfReview({ id: 1, title: 'x' }, 'y')).toBe(0);
  });
});
