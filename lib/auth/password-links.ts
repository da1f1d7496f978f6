// Password links by email (issue 20 §2, decision 059): "Forgot your password?" on the sign-in page and
// invitations for new staff accounts. A link carries 32 random bytes; the database keeps only their
// SHA-256, so a copy of the database opens no account. A reset link works once, for an hour; an
// invitation for a week; a newer link voids the older one; a disabled account gets none.
import 'server-only';
import crypto from 'node:crypto';
import { findAccountByEmail, issuePasswordLink, type LinkProblem } from '@/db/queries/password-links';
import { getSiteSettings } from '@/db/queries/site';
import { takeRateLimit } from '@/db/queries/throttle';
import { normaliseEmail } from '@/db/accounts';
import type { ActionState } from '@/lib/action-state';
import { hashKey } from '@/lib/client-ip';
import { absoluteUrl } from '@/lib/domain/routes';
import type { Role } from '@/lib/domain/roles';
import { emailEnabled, headerText, sendEmails } from '@/lib/email/mailer';
import { formatDateTime } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/permissions';

const HOUR = 3_600_000;
export const RESET_LINK_TTL_MS = HOUR;
export const INVITE_LINK_TTL_MS = 7 * 24 * HOUR;

/**
 * Reset requests per hour: per client address (IPv6: its /64), spread over a fixed number of
 * buckets so that a flood from many addresses writes at most that many rows; shared by clients whose
 * address is unknown; and per account, which bounds the email any one inbox can be sent.
 */
export const RESET_LIMITS = { perAddress: 10, unknownAddress: 30, perAccount: 3, windowMs: HOUR, buckets: 4096 };

export const NEW_PASSWORD_PATH = '/admin/login/new-password';

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, tokenHash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** A token as links carry it: 43 base64url characters. Anything else is refused before a lookup. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const linkUrl = (token: string) => absoluteUrl(`${NEW_PASSWORD_PATH}?token=${token}`);

/** The one answer to every reset request that was let through, whatever the address. */
export const RESET_ANSWER =
  'If an active staff account uses this address, it has been sent a link to choose a new password. The link works once, for one hour. Check your inbox, and the spam folder.';
export const RESET_BUSY_ANSWER =
  'Many password resets were asked for from your network in the last hour. Please wait a while and try again, or ask an administrator.';
export const EMAIL_OFF_ANSWER =
  'This site does not send email, so a reset link cannot be sent. Ask an administrator to set a new password for you under Users.';

/** What a link's page and form say when the link cannot be used (a disabled account's reads as unknown). */
export const LINK_PROBLEMS: Record<LinkProblem, string> = {
  unknown: 'This link does not work. Ask for a new one, or ask an administrator.',
  used: 'This link has been used already: each link works once. Sign in, or ask for a new link.',
  expired: 'This link has expired. Ask for a new one, or ask an administrator to resend your invitation.',
};

/** The rate-limit key of a client address: one of RESET_LIMITS.buckets, never the address itself. */
function addressKey(address: string): { key: string; limit: number } {
  if (!address) return { key: 'reset:ip:unknown', limit: RESET_LIMITS.unknownAddress };
  const bucket = crypto.createHash('sha256').update(hashKey('reset-ip', address)).digest().readUInt32BE(0);
  return { key: `reset:ip:${bucket % RESET_LIMITS.buckets}`, limit: RESET_LIMITS.perAddress };
}

export type ResetOutcome = 'sent' | 'not-sent' | 'unknown' | 'disabled' | 'account-throttled' | 'refused' | 'failed';

/**
 * A reset request from the sign-in page. The answer is decided before the address is looked up, and
 * is the same for every address (only the client's own request count can change it); `work` looks
 * the address up, applies the account's limit, writes the link and sends it. The action runs `work`
 * after answering, so the response time says nothing about the account either.
 */
export async function requestPasswordReset(
  email: string,
  clientAddress: string,
  now = Date.now(),
): Promise<{ answer: ActionState; work: () => Promise<ResetOutcome> }> {
  if (!emailEnabled()) return { answer: { ok: false, message: EMAIL_OFF_ANSWER }, work: async () => 'refused' };
  const address = addressKey(clientAddress);
  if (!(await takeRateLimit(address.key, address.limit, RESET_LIMITS.windowMs, now)))
    return { answer: { ok: false, message: RESET_BUSY_ANSWER }, work: async () => 'refused' };
  const work = async (): Promise<ResetOutcome> => {
    try {
      const account = await findAccountByEmail(normaliseEmail(email));
      if (!account) return 'unknown';
      if (account.disabled) return 'disabled';
      if (!(await takeRateLimit(`reset:acct:${account.id}`, RESET_LIMITS.perAccount, RESET_LIMITS.windowMs, now)))
        return 'account-throttled';
      const { token, tokenHash } = newLinkToken();
      const expiresAt = now + RESET_LINK_TTL_MS;
      const to = await issuePasswordLink(account.id, { tokenHash, purpose: 'reset', expiresAt, createdBy: null }, now);
      if (!to) return 'disabled';
      return (await sendResetEmail(to, token, expiresAt)) ? 'sent' : 'not-sent';
    } catch (error) {
      console.error('[moodwire] password reset failed:', error instanceof Error ? error.message : error);
      return 'failed';
    }
  };
  return { answer: { ok: true, message: RESET_ANSWER }, work };
}

async function sendResetEmail(to: { email: string; name: string }, token: string, expiresAt: number) {
  const { siteName } = await getSiteSettings();
  const sent = await sendEmails([
    {
      to: to.email,
      subject: `Choose a new password for ${headerText(siteName, 80)}`,
      text: [
        `Hello ${headerText(to.name, 80)},`,
        '',
        `Someone, hopefully you, asked for a new password for your ${siteName} staff account (${to.email}).`,
        `Choose one here. The link works once, until ${formatDateTime(expiresAt)}:`,
        '',
        linkUrl(token),
        '',
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ].join('\n'),
    },
  ]);
  return sent === 1;
}

/**
 * A new invitation for an account (created with one, or resent): writes the link, voiding any older
 * one, and sends it. 'refused' when the account is gone, disabled or has accepted its invitation;
 * 'not-sent' when the mail server did not take it (the link is written, and can be resent).
 */
export async function inviteAccount(
  userId: number,
  inviter: { id: number; name: string },
  now = Date.now(),
): Promise<'sent' | 'not-sent' | 'refused'> {
  const invitation = newInvitation(inviter.id, now);
  const to = await issuePasswordLink(userId, invitation.link, now);
  if (!to) return 'refused';
  return (await sendInvitation(to, invitation.token, invitation.expiresAt, inviter.name)) ? 'sent' : 'not-sent';
}

/** The invitation email of a new account (its link written already). True when the server took it. */
export async function sendInvitation(
  to: { email: string; name: string; role?: Role },
  token: string,
  expiresAt: number,
  inviterName: string,
): Promise<boolean> {
  const { siteName } = await getSiteSettings();
  const role = to.role ? ` as ${ROLE_LABELS[to.role].toLowerCase()}` : '';
  const sent = await sendEmails([
    {
      to: to.email,
      subject: `You are invited to ${headerText(siteName, 80)}`,
      text: [
        `Hello ${headerText(to.name, 80)},`,
        '',
        `${headerText(inviterName, 80)} has made you a staff account${role} on ${siteName} (${to.email}).`,
        `Choose your password here. The link works once, until ${formatDateTime(expiresAt)}:`,
        '',
        linkUrl(token),
        '',
        `Afterwards, sign in at ${absoluteUrl('/admin/login')}.`,
      ].join('\n'),
    },
  ]);
  return sent === 1;
}

/** A link that will be written with a new account: its token (for the email) and the row's values. */
export function newInvitation(inviterId: number, now = Date.now()) {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = now + INVITE_LINK_TTL_MS;
  return { token, expiresAt, link: { tokenHash, purpose: 'invite' as const, expiresAt, createdBy: inviterId } };
}
