// Staff accounts, usable outside Next (the command line in lib/accounts.ts, scripts/start.ts, test
// helpers): the row helpers take the transaction they run in. The admin UI goes through
// db/queries/users.ts, which adds the audit row. Passwords arrive hashed: the rules and the hashing
// are lib/password.ts.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, transaction, type AppDb } from './engine';
import { auditLog, passwordLinks, users, type Role } from './schema';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function countUsers(runner: AppDb = db()): Promise<number> {
  const [row] = await runner.select({ n: sql<number>`count(*)` }).from(users);
  return row?.n ?? 0;
}

export async function findUserIdByEmail(email: string, runner: AppDb = db()): Promise<number | undefined> {
  const [row] = await runner
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row?.id;
}

export async function insertUser(
  tx: AppDb,
  input: { email: string; name: string; role: Role; passwordHash: string; now?: number },
): Promise<number> {
  const now = input.now ?? Date.now();
  const [row] = await tx
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      sessionsValidAfter: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id });
  return row!.id;
}

/**
 * New hash, and every session issued before now stops working. A password link not used yet (a reset
 * asked for, an invitation) stops working too: the password it was for has been set another way.
 */
export async function setUserPasswordHash(
  tx: AppDb,
  userId: number,
  passwordHash: string,
  now = Date.now(),
): Promise<boolean> {
  const changed = await tx
    .update(users)
    .set({ passwordHash, sessionsValidAfter: now, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  await tx.delete(passwordLinks).where(and(eq(passwordLinks.userId, userId), isNull(passwordLinks.usedAt)));
  return changed.length === 1;
}

export async function setUserDisabled(
  tx: AppDb,
  userId: number,
  disabled: boolean,
  now = Date.now(),
): Promise<boolean> {
  const changed = await tx
    .update(users)
    .set({ disabled, sessionsValidAfter: now, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return changed.length === 1;
}

async function audit(tx: AppDb, action: string, objectId: number, detail: Record<string, unknown>) {
  await tx.insert(auditLog).values({
    userId: null,
    action,
    objectType: 'user',
    objectId: String(objectId),
    detail: JSON.stringify({ ...detail, via: 'command line' }),
    createdAt: Date.now(),
  });
}

/**
 * A user made on the command line, with its audit row, in one transaction; undefined when the e-mail
 * address is taken (checked inside the transaction, under a lock on the address).
 */
export async function createUserFromCommandLine(input: {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}): Promise<number | undefined> {
  return transaction(async (tx) => {
    if ((await findUserIdByEmail(input.email, tx)) !== undefined) return undefined;
    const id = await insertUser(tx, input);
    await audit(tx, 'user.create', id, { email: normaliseEmail(input.email), role: input.role });
    return id;
  });
}

/** The first administrator, only while there is no user at all (two servers starting at once make one). */
export async function createFirstUser(input: {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}): Promise<number | undefined> {
  return transaction(
    async (tx) => {
      if ((await countUsers(tx)) > 0) return undefined;
      const id = await insertUser(tx, input);
      await audit(tx, 'user.create', id, { email: normaliseEmail(input.email), role: input.role });
      return id;
    },
    { isolation: 'serializable' },
  );
}

/** A new password hash set on the command line (the user's sessions end), with its audit row. */
export async function resetPasswordFromCommandLine(userId: number, passwordHash: string): Promise<void> {
  await transaction(async (tx) => {
    await setUserPasswordHash(tx, userId, passwordHash);
    await audit(tx, 'user.reset-password', userId, {});
  });
}

/** A user disabled or enabled on the command line, with its audit row. */
export async function setDisabledFromCommandLine(userId: number, disabled: boolean): Promise<void> {
  await transaction(async (tx) => {
    await setUserDisabled(tx, userId, disabled);
    await audit(tx, disabled ? 'user.disable' : 'user.enable', userId, {});
  });
}
