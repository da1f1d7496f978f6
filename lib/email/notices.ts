// The notices editors get by email (issue 20 §2): a message from the contact form, a story submitted
// for review. Sent to every active editor and administrator, one message each (no one sees the
// others' addresses), in the background after the change: the reader or writer never waits for SMTP.
import 'server-only';
import { staffEmails } from '@/db/queries/email';
import { absoluteUrl } from '@/lib/domain/routes';
import { emailEnabled, headerText, sendEmails } from './mailer';

const EDITORS = ['editor', 'admin'] as const;

async function toEditors(subject: string, text: string, replyTo?: string): Promise<number> {
  if (!emailEnabled()) return 0;
  try {
    const recipients = await staffEmails([...EDITORS]);
    return await sendEmails(recipients.map((to) => ({ to, subject, text, replyTo })));
  } catch (error) {
    console.error('[moodwire] email notice failed:', error instanceof Error ? error.message : error);
    return 0;
  }
}

/** Resolves when sent; callers in a request do not wait for it (`void`). */
export function noticeOfContactMessage(m: { name: string; email: string; subject: string; message: string }) {
  return toEditors(
    `Contact form: ${headerText(m.subject, 100)}`,
    [
      `${headerText(m.name, 100)} <${headerText(m.email, 254)}> wrote through the contact form:`,
      '',
      m.message,
      '',
      `Reply to this email to answer them, or read it in the inbox: ${absoluteUrl('/admin/inbox')}`,
    ].join('\n'),
    m.email,
  );
}

export function noticeOfReview(story: { id: number; title: string }, by: string) {
  return toEditors(
    `For review: ${headerText(story.title, 100)}`,
    [
      `${headerText(by, 100)} submitted a story for review:`,
      '',
      headerText(story.title, 300),
      absoluteUrl(`/admin/stories/${story.id}`),
    ].join('\n'),
  );
}
