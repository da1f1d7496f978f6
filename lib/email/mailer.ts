// Email through the SMTP server named by SMTP_URL (decision 047), with nodemailer. Without SMTP_URL
// email is off: nothing is sent, and the staff dashboard says so. Messages are plain text, sent after
// the change they report (never inside a transaction), and a failure is logged, never shown to the
// person whose request caused it.
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { siteUrl } from '@/lib/domain/routes';

type Settings = { url: string; from: string };

/** The SMTP settings, or why email is off (undefined problem and settings: not configured). */
export function emailSettings(env: Record<string, string | undefined> = process.env): {
  settings?: Settings;
  problem?: string;
} {
  const url = env.SMTP_URL?.trim();
  if (!url) return {};
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: 'SMTP_URL is not an address such as smtp://user:password@mail.example.com:587.' };
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    return { problem: 'SMTP_URL must start with smtp:// or smtps://.' };
  const host = (() => {
    try {
      return new URL(siteUrl(env)).hostname;
    } catch {
      return 'localhost';
    }
  })();
  return { settings: { url, from: env.MAIL_FROM?.trim() || `Moodwire <noreply@${host}>` } };
}

export const emailEnabled = () => emailSettings().settings !== undefined;

const cache = globalThis as unknown as { moodwireMailer?: { url: string; transport: Transporter } };

function transport(settings: Settings): Transporter {
  if (cache.moodwireMailer?.url !== settings.url)
    cache.moodwireMailer = {
      url: settings.url,
      transport: nodemailer.createTransport(settings.url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  return cache.moodwireMailer.transport;
}

export type Email = { to: string; subject: string; text: string; replyTo?: string };

/** One line, no control characters, at most `max` characters: safe in a header. */
export function headerText(value: string, max = 150): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Sends each message; returns how many were accepted. Never throws: failures are logged. */
export async function sendEmails(messages: Email[]): Promise<number> {
  const { settings } = emailSettings();
  if (!settings || !messages.length) return 0;
  let sent = 0;
  for (const m of messages) {
    try {
      await transport(settings).sendMail({
        from: settings.from,
        to: m.to,
        replyTo: m.replyTo,
        subject: headerText(m.subject),
        text: m.text,
      });
      sent++;
    } catch (error) {
      console.error('[moodwire] sending email failed:', error instanceof Error ? error.message : error);
    }
  }
  return sent;
}
