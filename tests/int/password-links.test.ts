// Runs on both engines. Password links by email (issue 20 §2, decision 059), through a real SMTP server
// on 127.0.0.1: a reset link works once and for an hour, a newer link voids the older one, a disabled
// account gets nothing, requests are throttled per client address and per account with a bounded
// number of rows, and the answer never tells whether an address has an account. Invitations share
// the same links: pending, expired, resent, accepted.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db, transaction } from '@/db/engine';
import { auditLog, passwordLinks, rateLimits, users } from '@/db/schema';
import { linkIn, type ReceivedMail } from '../helpers/smtp-receiver';
import { smtpReceiverForFile } from '../helpers/smtp-vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const smtp = smtpReceiverForFile();
let temp: TestDatabase;
let links: typeof import('@/lib/auth/password-links');
let queries: typeof import('@/db/queries/password-links');
let userQueries: typeof import('@/db/queries/users');
let password: typeof import('@/lib/password');
const NOW = Date.now();
const H = 3_600_000;
const ids: Record<string, number> = {};
let addressCounter = 0;
/** A client address of its own, so the per-address limit stays out of tests about something else. */
const freshAddress = () => `198.51.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW, seed: false });
  links = await import('@/lib/auth/password-links');
  queries = await import('@/db/queries/password-links');
  userQueries = await import('@/db/queries/users');
  password = await import('@/lib/password');
  const hash = await password.hashPassword('Original-Harbour-Lamp-41');
  await transaction(async (tx) => {
    for (const [email, disabled] of [
      ['mei@example.com', false],
      ['lin@example.com', false],
      ['twice@example.com', false],
      ['burst@example.com', false],
      ['old@example.com', false],
      ['gone@example.com', true],
      ['boss@example.com', false],
    ] as const) {
      const [row] = await tx
        .insert(users)
        .values({
          email,
          name: email.split('@')[0]!,
          role: email.startsWith('boss') ? 'admin' : 'writer',
          disabled,
          passwordHash: hash,
          createdAt: NOW,
          updatedAt: NOW,
        })
        .returning({ id: users.id });
      ids[email] = row!.id;
    }
  });
});
afterAll(async () => {
  await temp.cleanup();
});

const mailsTo = (email: string): ReceivedMail[] => smtp.mails.filter((m) => m.to.includes(email));
const tokenOf = (mail: ReceivedMail) => new URL(linkIn(mail)).searchParams.get('token')!;
const userRow = async (id: number) => (await db().select().from(users).where(eq(users.id, id)).limit(1)).at(0)!;

const setDisabled = (id: number, disabled: boolean) =>
  transaction((tx) => tx.update(users).set({ disabled }).where(eq(users.id, id)));

/** Asks for a reset as the sign-in page does, and runs the work the action runs after answering. */
async function ask(email: string, address = freshAddress(), now = NOW) {
  const { answer, work } = await links.requestPasswordReset(email, address, now);
  return { answer, outcome: await work() };
}

describe('asking for a password reset', () => {
  it('answers the same for a known and an unknown address; only the account gets an email, with a one-hour link', async () => {
    const known = await ask('MEI@example.com ');
    const unknown = await ask('nobody@example.com');
    expect(known.answer).toEqual(unknown.answer);
    expect(known.answer).toEqual({ ok: true, message: links.RESET_ANSWER });
    expect([known.outcome, unknown.outcome]).toEqual(['sent', 'unknown']);
    expect(smtp.mails).toHaveLength(1);
    const [mail] = mailsTo('mei@example.com');
    expect(mail!.subject).toMatch(/^Choose a new password for /);
    expect(linkIn(mail!)).toMatch(/^https:\/\/news\.example\.com\/admin\/login\/new-password\?token=[\w-]{43}$/);
    // Only the token's hash is stored.
    const token = tokenOf(mail!);
    const [row] = await db().select().from(passwordLinks).where(eq(passwordLinks.userId, ids['mei@example.com']!));
    expect(row!.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt).toBe(NOW + H);
    expect(await queries.describePasswordLink(row!.tokenHash, NOW)).toMatchObject({ ok: true, purpose: 'reset' });
  });

  it('answers a known and an unknown address in the same time: the lookup runs after the answer', async () => {
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 30; i++) {
      const kind = i % 2 ? 'known' : 'unknown';
      const started = performance.now();
      await links.requestPasswordReset(kind === 'known' ? 'mei@example.com' : `x${i}@example.com`, freshAddress());
      times[kind].push(performance.now() - started);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(times.known) / median(times.unknown);
    console.log(
      `reset answer, median ms: known ${median(times.known).toFixed(2)}, unknown ${median(times.unknown).toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
    expect(smtp.mails).toHaveLength(0); // the work was never run
  });

  it('a link sets the password once, ends every session of the account, and is audited', async () => {
    await ask('lin@example.com');
    const token = tokenOf(mailsTo('lin@example.com')[0]!);
    const hash = links.hashLinkToken(token);
    const before = await userRow(ids['lin@example.com']!);
    const at = NOW + 5 * 60_000;
    // Two posts of the same link at once: exactly one sets the password.
    const [a, b] = await Promise.all([
      queries.redeemPasswordLink(hash, await password.hashPassword('Copper-Meadow-Lark-77'), at),
      queries.redeemPasswordLink(hash, await password.hashPassword('Other-Meadow-Lark-78'), at),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(a.ok ? b : a).toEqual({ ok: false, problem: 'used' });
    const after = await userRow(ids['lin@example.com']!);
    const winner = a.ok ? 'Copper-Meadow-Lark-77' : 'Other-Meadow-Lark-78';
    expect(await password.verifyPassword(after.passwordHash, winner)).toBe(true);
    expect(await password.verifyPassword(after.passwordHash, 'Original-Harbour-Lamp-41')).toBe(false);
    expect(after.sessionsValidAfter).toBe(at);
    expect(after.sessionsValidAfter).toBeGreaterThan(before.sessionsValidAfter);
    expect(await queries.describePasswordLink(hash, at)).toEqual({ ok: false, problem: 'used' });
    expect(await queries.redeemPasswordLink(hash, 'x', at + 1)).toEqual({ ok: false, problem: 'used' });
    const audit = await db()
      .select({ action: auditLog.action, userId: auditLog.userId })
      .from(auditLog)
      .where(eq(auditLog.objectId, String(ids['lin@example.com'])));
    expect(audit.map((r) => r.action)).toEqual(['user.reset-link', 'user.reset-password-by-link']);
    expect(audit[1]!.userId).toBe(ids['lin@example.com']);
  });

  it('a link expires after an hour', async () => {
    const sentAt = NOW - H - 1;
    await ask('old@example.com', freshAddress(), sentAt);
    const hash = links.hashLinkToken(tokenOf(mailsTo('old@example.com')[0]!));
    expect(await queries.describePasswordLink(hash, sentAt + H - 1)).toMatchObject({ ok: true });
    expect(await queries.describePasswordLink(hash, NOW)).toEqual({ ok: false, problem: 'expired' });
    const before = await userRow(ids['old@example.com']!);
    expect(await queries.redeemPasswordLink(hash, 'new-hash', NOW)).toEqual({ ok: false, problem: 'expired' });
    expect((await userRow(ids['old@example.com']!)).passwordHash).toBe(before.passwordHash);
  });

  it('a newer link voids the older one', async () => {
    await ask('twice@example.com');
    await ask('twice@example.com');
    const [first, second] = mailsTo('twice@example.com').map(tokenOf).map(links.hashLinkToken);
    expect(first).not.toBe(second);
    expect(await queries.describePasswordLink(first!, NOW)).toEqual({ ok: false, problem: 'unknown' });
    expect(await queries.redeemPasswordLink(first!, 'x', NOW)).toEqual({ ok: false, problem: 'unknown' });
    expect(await queries.describePasswordLink(second!, NOW)).toMatchObject({ ok: true });
  });

  it('a password set another way (by an administrator, or by its owner) voids a link not used yet', async () => {
    await ask('twice@example.com', freshAddress(), NOW + 10 * H);
    const hash = links.hashLinkToken(tokenOf(mailsTo('twice@example.com').at(-1)!));
    expect(await queries.describePasswordLink(hash, NOW + 10 * H)).toMatchObject({ ok: true });
    const boss = ids['boss@example.com']!;
    await userQueries.setUserPasswordBy(boss, ids['twice@example.com']!, 'set-by-an-administrator');
    expect(await queries.describePasswordLink(hash, NOW + 10 * H)).toEqual({ ok: false, problem: 'unknown' });
    expect(await queries.redeemPasswordLink(hash, 'x', NOW + 10 * H)).toEqual({ ok: false, problem: 'unknown' });
    expect((await userRow(ids['twice@example.com']!)).passwordHash).toBe('set-by-an-administrator');
  });

  it('a disabled account gets nothing, and a link it had stops working', async () => {
    const asked = await ask('gone@example.com');
    expect(asked).toEqual({ answer: { ok: true, message: links.RESET_ANSWER }, outcome: 'disabled' });
    expect(smtp.mails).toHaveLength(0);
    expect(await db().select().from(passwordLinks).where(eq(passwordLinks.userId, ids['gone@example.com']!))).toEqual(
      [],
    );
    // A link sent before the account was disabled.
    await ask('boss@example.com');
    const hash = links.hashLinkToken(tokenOf(mailsTo('boss@example.com')[0]!));
    await setDisabled(ids['boss@example.com']!, true);
    const before = await userRow(ids['boss@example.com']!);
    expect(await queries.describePasswordLink(hash, NOW)).toEqual({ ok: false, problem: 'unknown' });
    expect(await queries.redeemPasswordLink(hash, 'x', NOW)).toEqual({ ok: false, problem: 'unknown' });
    expect((await userRow(ids['boss@example.com']!)).passwordHash).toBe(before.passwordHash);
    await setDisabled(ids['boss@example.com']!, false);
  });

  it('sends an account at most 3 links an hour, even when asked 12 times at once from many addresses', async () => {
    const later = NOW + 2 * H; // a window of its own
    const results = await Promise.all(
      Array.from({ length: 12 }, () => ask('burst@example.com', freshAddress(), later)),
    );
    expect(new Set(results.map((r) => JSON.stringify(r.answer)))).toEqual(
      new Set([JSON.stringify({ ok: true, message: links.RESET_ANSWER })]),
    );
    expect(results.filter((r) => r.outcome === 'sent')).toHaveLength(3);
    expect(results.filter((r) => r.outcome === 'account-throttled')).toHaveLength(9);
    expect(mailsTo('burst@example.com')).toHaveLength(3);
  });

  it('refuses an address that asked 10 times in an hour, whatever the e-mail, and says so the same way', async () => {
    const address = '203.0.113.9';
    const later = NOW + 4 * H;
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push((await ask(i % 2 ? `stranger${i}@example.com` : 'mei@example.com', address, later)).answer);
    expect(answers.slice(0, 10).every((a) => a.message === links.RESET_ANSWER)).toBe(true);
    expect(answers[10]).toEqual({ ok: false, message: links.RESET_BUSY_ANSWER });
    // The next address is not affected.
    expect((await ask('stranger@example.com', '203.0.113.10', later)).answer.message).toBe(links.RESET_ANSWER);
  });

  it('a flood of requests for unknown addresses writes no link and a bounded number of limit rows', async () => {
    const later = NOW + 6 * H;
    const linksBefore = await db()
      .select({ n: sql<number>`count(*)` })
      .from(passwordLinks);
    for (let i = 0; i < 300; i++) await ask(`flood${i}@example.org`, freshAddress(), later);
    const linksAfter = await db()
      .select({ n: sql<number>`count(*)` })
      .from(passwordLinks);
    expect(Number(linksAfter[0]!.n)).toBe(Number(linksBefore[0]!.n));
    expect(smtp.mails).toHaveLength(0);
    const rows = await db()
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(sql`${rateLimits.key} like 'reset:%'`);
    // Address keys are buckets, never addresses; account keys exist only for accounts.
    expect(rows.every((r) => /^reset:(ip:(\d+|unknown)|acct:\d+)$/.test(r.key))).toBe(true);
    expect(rows.filter((r) => r.key.startsWith('reset:ip:')).length).toBeLessThanOrEqual(links.RESET_LIMITS.buckets);
    const { pruneThrottleState } = await import('@/db/queries/throttle');
    const config = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 10 * 60_000, lockMaxMs: 24 * H };
    await pruneThrottleState(config, NOW + 24 * H); // after every window of this file
    const left = await db()
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(sql`${rateLimits.key} like 'reset:%'`);
    expect(left).toEqual([]);
  });

  it('without SMTP_URL says email is off, for every address, and writes nothing', async () => {
    delete process.env.SMTP_URL;
    const before = await db()
      .select({ n: sql<number>`count(*)` })
      .from(rateLimits);
    const known = await ask('mei@example.com');
    const unknown = await ask('nobody@example.com');
    expect(known).toEqual(unknown);
    expect(known.answer).toEqual({ ok: false, message: links.EMAIL_OFF_ANSWER });
    expect(
      await db()
        .select({ n: sql<number>`count(*)` })
        .from(rateLimits),
    ).toEqual(before);
  });
});

describe('invitations', () => {
  it('a new account with an invitation: one email, pending, resent (the older link voided), accepted once', async () => {
    const inviter = { id: ids['boss@example.com']!, name: 'Boss' };
    const invitation = links.newInvitation(inviter.id, NOW);
    const created = await userQueries.createUser(
      inviter.id,
      { email: 'new@example.com', name: 'New Writer', role: 'editor', passwordHash: 'unusable' },
      invitation.link,
    );
    expect(created.ok).toBe(true);
    const id = created.ok ? created.id : 0;
    const to = { email: 'new@example.com', name: 'New Writer', role: 'editor' as const };
    expect(await links.sendInvitation(to, invitation.token, invitation.expiresAt, 'Boss')).toBe(true);
    const [mail] = mailsTo('new@example.com');
    expect(mail!.subject).toMatch(/^You are invited to /);
    expect(mail!.text).toContain('Boss has made you a staff account as editor');
    expect((await queries.listInvitations(NOW)).get(id)).toMatchObject({
      state: 'pending',
      expiresAt: NOW + 7 * 24 * H,
    });
    expect((await queries.listInvitations(NOW + 7 * 24 * H)).get(id)?.state).toBe('expired');

    expect(await links.inviteAccount(id, inviter, NOW + 1000)).toBe('sent');
    const [first, second] = mailsTo('new@example.com').map(tokenOf).map(links.hashLinkToken);
    expect(await queries.describePasswordLink(first!, NOW)).toEqual({ ok: false, problem: 'unknown' });
    expect(await queries.describePasswordLink(second!, NOW)).toMatchObject({ ok: true, purpose: 'invite' });
    const redeemed = await queries.redeemPasswordLink(
      second!,
      await password.hashPassword('Velvet-Canyon-Drum-88'),
      NOW,
    );
    expect(redeemed).toMatchObject({ ok: true, userId: id, email: 'new@example.com', purpose: 'invite' });
    expect((await queries.listInvitations(NOW)).get(id)?.state).toBe('accepted');
    // An accepted invitation is not sent again.
    expect(await links.inviteAccount(id, inviter, NOW + 2000)).toBe('refused');
    const audit = await db()
      .select({ action: auditLog.action, userId: auditLog.userId })
      .from(auditLog)
      .where(eq(auditLog.objectId, String(id)));
    expect(audit).toEqual([
      { action: 'user.create', userId: inviter.id },
      { action: 'user.invite', userId: inviter.id },
      { action: 'user.invite', userId: inviter.id },
      { action: 'user.accept-invitation', userId: id },
    ]);
  });

  it('is not sent to a disabled account, nor to one that never had an invitation', async () => {
    const inviter = { id: ids['boss@example.com']!, name: 'Boss' };
    expect(await links.inviteAccount(ids['gone@example.com']!, inviter)).toBe('refused');
    expect(await links.inviteAccount(ids['mei@example.com']!, inviter)).toBe('refused');
    expect(smtp.mails).toHaveLength(0);
  });
});
