// Password links (issue 20 §2, decision 059): a reset asked for on the sign-in page and an invitation
// sent by an administrator. One row per account, replaced by a newer link; only the token's SHA-256 is
// stored. Issuing and redeeming are each one transaction, on both engines.
import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { db, lockRows, type AppDb } from '@/db/engine';
import { setUserPasswordHash } from '@/db/accounts';
import { passwordLinks, users, type PasswordLinkPurpose, type Role } from '@/db/schema';
import { recordAudit } from './audit';
import { staffTransaction } from './staff-guard';

export type NewLink = { tokenHash: string; purpose: PasswordLinkPurpose; expiresAt: number; createdBy: number | null };

/** The account a reset is asked for, by its (normalised) address; undefined when none has it. */
export async function findAccountByEmail(email: string) {
  const [row] = await db()
    .select({ id: users.id, email: users.email, name: users.name, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row;
}

/** Writes the account's link, voiding the one before it (used or not), with its audit row. */
export async function writePasswordLink(tx: AppDb, userId: number, link: NewLink, now: number): Promise<void> {
  const values = { ...link, createdAt: now, usedAt: null };
  await tx
    .insert(passwordLinks)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: passwordLinks.userId, set: values });
  await recordAudit(
    tx,
    {
      actorId: link.createdBy,
      action: link.purpose === 'invite' ? 'user.invite' : 'user.reset-link',
      objectType: 'user',
      objectId: userId,
      detail: { expiresAt: link.expiresAt },
    },
    now,
  );
}

/**
 * A new link for an active account: the recipient's address and name, or undefined when the account
 * is gone or disabled (then nothing is written). An invitation is only resent to an account that has
 * not accepted one yet.
 */
export async function issuePasswordLink(
  userId: number,
  link: NewLink,
  now = Date.now(),
): Promise<{ email: string; name: string; role: Role } | undefined> {
  return staffTransaction(async (tx) => {
    await lockRows(tx, users, eq(users.id, userId));
    const [user] = await tx
      .select({ email: users.email, name: users.name, role: users.role, disabled: users.disabled })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!user || user.disabled) return undefined;
    if (link.purpose === 'invite' && !(await hasOpenInvitation(userId, tx))) return undefined;
    await writePasswordLink(tx, userId, link, now);
    return { email: user.email, name: user.name, role: user.role };
  });
}

/** Whether the account has an invitation it has not taken up (waiting or run out): only that is resent. */
async function hasOpenInvitation(userId: number, runner: AppDb): Promise<boolean> {
  const [row] = await runner
    .select({ purpose: passwordLinks.purpose, usedAt: passwordLinks.usedAt })
    .from(passwordLinks)
    .where(eq(passwordLinks.userId, userId))
    .limit(1);
  return row?.purpose === 'invite' && row.usedAt === null;
}

export type InvitationState = { state: 'pending' | 'expired' | 'accepted'; sentAt: number; expiresAt: number };

/** Invitations by account, for the Users pages: waiting, run out, or taken up. */
export async function listInvitations(now = Date.now()): Promise<Map<number, InvitationState>> {
  const rows = await db()
    .select({
      userId: passwordLinks.userId,
      expiresAt: passwordLinks.expiresAt,
      createdAt: passwordLinks.createdAt,
      usedAt: passwordLinks.usedAt,
    })
    .from(passwordLinks)
    .where(eq(passwordLinks.purpose, 'invite'));
  return new Map(
    rows.map((r) => [
      r.userId,
      {
        state: r.usedAt !== null ? 'accepted' : r.expiresAt > now ? 'pending' : 'expired',
        sentAt: r.createdAt,
        expiresAt: r.expiresAt,
      },
    ]),
  );
}

export type LinkProblem = 'unknown' | 'used' | 'expired';

/** What a link's page shows before anything is posted: read only (mail scanners open links too). */
export async function describePasswordLink(
  tokenHash: string,
  now = Date.now(),
): Promise<
  { ok: true; purpose: PasswordLinkPurpose; email: string; name: string } | { ok: false; problem: LinkProblem }
> {
  const [row] = await db()
    .select({
      purpose: passwordLinks.purpose,
      expiresAt: passwordLinks.expiresAt,
      usedAt: passwordLinks.usedAt,
      email: users.email,
      name: users.name,
      disabled: users.disabled,
    })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(eq(passwordLinks.tokenHash, tokenHash))
    .limit(1);
  // A disabled account's link reads as unknown: it says nothing about the account.
  if (!row || row.disabled) return { ok: false, problem: 'unknown' };
  if (row.usedAt !== null) return { ok: false, problem: 'used' };
  if (row.expiresAt <= now) return { ok: false, problem: 'expired' };
  return { ok: true, purpose: row.purpose, email: row.email, name: row.name };
}

type RedeemResult =
  { ok: true; userId: number; email: string; purpose: PasswordLinkPurpose } | { ok: false; problem: LinkProblem };

/**
 * Sets the password through a link, once: the link is marked used by a conditional update (unused,
 * unexpired), so two posts of the same link cannot both succeed; the account must be active; every
 * session of the account ends (users.sessions_valid_after). One transaction with its audit row.
 */
export async function redeemPasswordLink(
  tokenHash: string,
  passwordHash: string,
  now = Date.now(),
): Promise<RedeemResult> {
  return staffTransaction(async (tx): Promise<RedeemResult> => {
    const [link] = await tx
      .update(passwordLinks)
      .set({ usedAt: now })
      .where(
        and(eq(passwordLinks.tokenHash, tokenHash), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, now)),
      )
      .returning({ userId: passwordLinks.userId, purpose: passwordLinks.purpose });
    if (!link) {
      const [row] = await tx
        .select({ usedAt: passwordLinks.usedAt })
        .from(passwordLinks)
        .where(eq(passwordLinks.tokenHash, tokenHash))
        .limit(1);
      return { ok: false, problem: !row ? 'unknown' : row.usedAt !== null ? 'used' : 'expired' };
    }
    await lockRows(tx, users, eq(users.id, link.userId));
    const [user] = await tx
      .select({ email: users.email, disabled: users.disabled })
      .from(users)
      .where(eq(users.id, link.userId))
      .limit(1);
    if (!user || user.disabled) {
      // Nothing of the account changes; the link stays unused (rolled back) and keeps not working.
      throw new DisabledAccount();
    }
    await setUserPasswordHash(tx, link.userId, passwordHash, now);
    await recordAudit(
      tx,
      {
        actorId: link.userId,
        action: link.purpose === 'invite' ? 'user.accept-invitation' : 'user.reset-password-by-link',
        objectType: 'user',
        objectId: link.userId,
      },
      now,
    );
    return { ok: true as const, userId: link.userId, email: user.email, purpose: link.purpose };
  }).catch((error: unknown): RedeemResult => {
    if (error instanceof DisabledAccount) return { ok: false, problem: 'unknown' };
    throw error;
  });
}

class DisabledAccount extends Error {}
