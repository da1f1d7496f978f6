import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { insertUser, normaliseEmail, setUserDisabled, setUserPasswordHash } from '@/db/accounts';
import { users, type Role } from '@/db/schema';
import { recordAudit } from './audit';

/** What sign-in needs; the only read that returns a password hash, and it stays on the server. */
export function getUserForSignIn(email: string) {
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
    })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
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
export function getSessionUser(id: number): SessionUser | undefined {
  return getDb()
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
    .get();
}

export function listUsers() {
  return getDb()
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
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

export function getUserById(id: number) {
  return getDb()
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
    .get();
}

export function emailTaken(email: string, exceptId?: number): boolean {
  const row = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
  return row !== undefined && row.id !== exceptId;
}

export function createUser(
  actorId: number,
  input: { email: string; name: string; role: Role; passwordHash: string },
): number {
  return getDb().transaction((tx) => {
    const id = insertUser(tx, input);
    recordAudit(tx, {
      actorId,
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      detail: { email: normaliseEmail(input.email), role: input.role },
    });
    return id;
  });
}

/** Name, e-mail and role. A role change also ends the user's sessions, so they sign in to their new rights. */
export function updateUser(actorId: number, id: number, input: { email: string; name: string; role: Role }): boolean {
  return getDb().transaction((tx) => {
    const before = tx
      .select({ email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(eq(users.id, id))
      .get();
    if (!before) return false;
    const now = Date.now();
    const roleChanged = before.role !== input.role;
    tx.update(users)
      .set({
        email: normaliseEmail(input.email),
        name: input.name,
        role: input.role,
        updatedAt: now,
        ...(roleChanged ? { sessionsValidAfter: now } : {}),
      })
      .where(eq(users.id, id))
      .run();
    recordAudit(tx, {
      actorId,
      action: roleChanged ? 'user.set-role' : 'user.update',
      objectType: 'user',
      objectId: id,
      detail: { before, after: { ...input, email: normaliseEmail(input.email) } },
    });
    return true;
  });
}

export function setUserDisabledBy(actorId: number, id: number, disabled: boolean): boolean {
  return getDb().transaction((tx) => {
    if (!setUserDisabled(tx, id, disabled)) return false;
    recordAudit(tx, { actorId, action: disabled ? 'user.disable' : 'user.enable', objectType: 'user', objectId: id });
    return true;
  });
}

export function setUserPasswordBy(actorId: number, id: number, passwordHash: string): boolean {
  return getDb().transaction((tx) => {
    if (!setUserPasswordHash(tx, id, passwordHash)) return false;
    recordAudit(tx, {
      actorId,
      action: actorId === id ? 'user.change-own-password' : 'user.reset-password',
      objectType: 'user',
      objectId: id,
    });
    return true;
  });
}

export function countActiveAdmins(): number {
  return listUsers().filter((u) => u.role === 'admin' && !u.disabled).length;
}

/**
 * Sign-out: every session of the user issued until now stops working, not only the cookie this
 * browser drops (a copied session token is dead too).
 */
export function endUserSessions(id: number, now = Date.now()): boolean {
  return getDb().update(users).set({ sessionsValidAfter: now }).where(eq(users.id, id)).run().changes === 1;
}
