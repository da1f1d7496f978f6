import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { findUserIdByEmail, insertUser, normaliseEmail, setUserDisabled, setUserPasswordHash } from '@/db/accounts';
import { db, lockKey, lockRows, type AppDb } from '@/db/engine';
import { staffTransaction } from './staff-guard';
import { users, type Role } from '@/db/schema';
import { recordAudit } from './audit';
import { writePasswordLink, type NewLink } from './password-links';

/** What sign-in needs; the only read that returns a password hash, and it stays on the server. */
export async function getUserForSignIn(email: string) {
  const [row] = await db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
    })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row;
}

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  sessionsValidAfter: number;
  authorId: number | null;
};

/**
 * A primary-key read on every staff request: role, disabled and session cut-off come from here, never
 * from the token.
 */
export async function getSessionUser(id: number, runner: AppDb = db()): Promise<SessionUser | undefined> {
  const [row] = await runner
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      sessionsValidAfter: users.sessionsValidAfter,
      authorId: users.authorId,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/**
 * The session user's row inside a write transaction, locked until it ends (PostgreSQL; SQLite writes
 * one at a time): a concurrent role change or disabling waits for the write, or the write sees it.
 */
export async function lockSessionUser(tx: AppDb, id: number): Promise<SessionUser | undefined> {
  await lockRows(tx, users, eq(users.id, id));
  return getSessionUser(id, tx);
}

export async function listUsers() {
  return db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .orderBy(asc(users.name), asc(users.id));
}

export async function getUserById(id: number) {
  const [row] = await db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      authorId: users.authorId,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export async function emailTaken(email: string, exceptId?: number, runner: AppDb = db()): Promise<boolean> {
  const id = await findUserIdByEmail(email, runner);
  return id !== undefined && id !== exceptId;
}

/** Why a change to the users was refused; checked inside the change's own transaction. */
export type UserRefusal = 'missing' | 'email-taken' | 'last-admin';

const activeAdmin = and(eq(users.role, 'admin'), eq(users.disabled, false));

/** Whether an active administrator other than `id` remains. */
async function anotherActiveAdmin(tx: AppDb, id: number): Promise<boolean> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(activeAdmin, ne(users.id, id)));
  return (row?.n ?? 0) > 0;
}

/** An e-mail address is claimed by one transaction at a time (PostgreSQL; SQLite writes one at a time). */
const lockEmail = (tx: AppDb, email: string) => lockKey(tx, 'user-email:' + normaliseEmail(email));

export async function createUser(
  actorId: number,
  input: { email: string; name: string; role: Role; passwordHash: string },
  /** an invitation link written with the account (its own audit row), instead of a password handed over */
  invite?: NewLink,
): Promise<{ ok: true; id: number } | { ok: false; reason: 'email-taken' }> {
  return staffTransaction(async (tx) => {
    await lockEmail(tx, input.email);
    if (await emailTaken(input.email, undefined, tx)) return { ok: false as const, reason: 'email-taken' as const };
    const id = await insertUser(tx, input);
    await recordAudit(tx, {
      actorId,
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      detail: { email: normaliseEmail(input.email), role: input.role },
    });
    if (invite) await writePasswordLink(tx, id, invite, Date.now());
    return { ok: true as const, id };
  });
}

/**
 * Name, e-mail and role. A role change also ends the user's sessions, so they sign in to their new
 * rights. The last active administrator keeps the role: checked in a SERIALIZABLE transaction, so two
 * administrators demoting each other at once cannot both succeed.
 */
export async function updateUser(
  actorId: number,
  id: number,
  input: { email: string; name: string; role: Role },
): Promise<{ ok: true; roleChanged: boolean } | { ok: false; reason: UserRefusal }> {
  return staffTransaction(
    async (tx) => {
      await lockEmail(tx, input.email);
      const [before] = await tx
        .select({ email: users.email, name: users.name, role: users.role, disabled: users.disabled })
        .from(users)
        .where(eq(users.id, id))
        .limit(1);
      if (!before) return { ok: false as const, reason: 'missing' as const };
      if (await emailTaken(input.email, id, tx)) return { ok: false as const, reason: 'email-taken' as const };
      const roleChanged = before.role !== input.role;
      if (before.role === 'admin' && input.role !== 'admin' && !before.disabled && !(await anotherActiveAdmin(tx, id)))
        return { ok: false as const, reason: 'last-admin' as const };
      const now = Date.now();
      await tx
        .update(users)
        .set({
          email: normaliseEmail(input.email),
          name: input.name,
          role: input.role,
          updatedAt: now,
          ...(roleChanged ? { sessionsValidAfter: now } : {}),
        })
        .where(eq(users.id, id));
      await recordAudit(tx, {
        actorId,
        action: roleChanged ? 'user.set-role' : 'user.update',
        objectType: 'user',
        objectId: id,
        detail: {
          before: { email: before.email, name: before.name, role: before.role },
          after: { ...input, email: normaliseEmail(input.email) },
        },
      });
      return { ok: true as const, roleChanged };
    },
    { isolation: 'serializable' },
  );
}

/** Disables or enables an account; the last active administrator cannot be disabled (SERIALIZABLE, as above). */
export async function setUserDisabledBy(
  actorId: number,
  id: number,
  disabled: boolean,
): Promise<{ ok: true } | { ok: false; reason: Exclude<UserRefusal, 'email-taken'> }> {
  return staffTransaction(
    async (tx) => {
      const [target] = await tx.select({ role: users.role }).from(users).where(eq(users.id, id)).limit(1);
      if (!target) return { ok: false as const, reason: 'missing' as const };
      if (disabled && target.role === 'admin' && !(await anotherActiveAdmin(tx, id)))
        return { ok: false as const, reason: 'last-admin' as const };
      await setUserDisabled(tx, id, disabled);
      await recordAudit(tx, {
        actorId,
        action: disabled ? 'user.disable' : 'user.enable',
        objectType: 'user',
        objectId: id,
      });
      return { ok: true as const };
    },
    { isolation: 'serializable' },
  );
}

export async function setUserPasswordBy(actorId: number, id: number, passwordHash: string): Promise<boolean> {
  return staffTransaction(async (tx) => {
    if (!(await setUserPasswordHash(tx, id, passwordHash))) return false;
    await recordAudit(tx, {
      actorId,
      action: actorId === id ? 'user.change-own-password' : 'user.reset-password',
      objectType: 'user',
      objectId: id,
    });
    return true;
  });
}

export async function countActiveAdmins(): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(activeAdmin);
  return row?.n ?? 0;
}

/**
 * Sign-out: every session of the user issued until now stops working, not only the cookie this
 * browser drops (a copied session token is dead too).
 */
export async function endUserSessions(id: number, now = Date.now()): Promise<boolean> {
  const changed = await staffTransaction((tx) =>
    tx.update(users).set({ sessionsValidAfter: now }).where(eq(users.id, id)).returning({ id: users.id }),
  );
  return changed.length === 1;
}
