// The one test SMTP server (smtp-server on 127.0.0.1): integration tests read what it received in
// memory; the Playwright run starts one for the whole run (tests/helpers/playwright-global-setup.ts)
// that also appends each message to a spool file, which specs read from their own processes.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  from: string;
  to: string[];
  /** the message as sent, headers and body */
  raw: string;
  /** the Subject header, unfolded */
  subject: string;
  /** the body, quoted-printable decoded (nodemailer wraps long lines) */
  text: string;
};

export type SmtpReceiver = { url: string; port: number; mails: ReceivedMail[]; close(): Promise<void> };

/** Listens on 127.0.0.1 (port 0: any free one); with `spool`, appends each message there as a JSON line. */
export async function startSmtpReceiver(port = 0, options: { spool?: string } = {}): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: headerOf(raw, 'Subject'),
          text: bodyText(raw),
        };
        mails.push(mail);
        if (options.spool) fs.appendFileSync(options.spool, JSON.stringify(mail) + '\n');
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages a spool file holds so far (none when nothing was sent yet). */
export function readSpool(file: string): ReceivedMail[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail);
}

export function headerOf(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

function bodyText(raw: string): string {
  return Buffer.from(
    raw
      .slice(raw.indexOf('\r\n\r\n') + 4)
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

/** The address of the first password link in a message. */
export function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\/admin\/login\/new-password\?token=[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no password link in: ${mail.text}`);
  return match[0];
}
