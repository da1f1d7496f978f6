// Staff accounts, usable outside Next (the command line in lib/accounts.ts, scripts/start.ts, test
// helpers): each function takes the database. The admin UI goes through db/queries/users.ts, which
// adds the audit row. Passwords arrive hashed: the rules and the hashing are lib/password.ts.
import { eq, sql } from 'drizzle-orm';
import type { DB } from './client';
import { auditLog, users, type Role } from './schema';

type Tx = Pick<DB, 'select' | 'insert' | 'update'>;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function countUsers(db: Tx): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0
  );
}

export function findUserIdByEmail(db: Tx, email: string): number | undefined {
  return db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get()?.id;
}

export function insertUser(
  db: Tx,
  input: { email: string; name: string; role: Role; passwordHash: string; now?: number },
): number {
  const now = input.now ?? Date.now();
  return db
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
    .returning({ id: users.id })
    .get().id;
}

/** New hash, and every session issued before now stops working. */
export function setUserPasswordHash(db: Tx, userId: number, passwordHash: string, now = Date.now()): boolean {
  return (
    db.update(users).set({ passwordHash, sessionsValidAfter: now, updatedAt: now }).where(eq(users.id, userId)).run()
      .changes === 1
  );
}

export function setUserDisabled(db: Tx, userId: number, disabled: boolean, now = Date.now()): boolean {
  return (
    db.update(users).set({ disabled, sessionsValidAfter: now, updatedAt: now }).where(eq(users.id, userId)).run()
      .changes === 1
  );
}

function audit(db: Tx, action: string, objectId: number, detail: Record<string, unknown>) {
  db.insert(auditLog)
    .values({
      userId: null,
      action,
      objectType: 'user',
      objectId: String(objectId),
      detail: JSON.stringify({ ...detail, via: 'command line' }),
      createdAt: Date.now(),
    })
    .run();
}

/** A user made on the command line, with its audit row, in one transaction. */
export function createUserFromCommandLine(
  db: DB,
  input: { email: string; name: string; role: Role; passwordHash: string },
): number {
  return db.transaction((tx) => {
    const id = insertUser(tx, input);
    audit(tx, 'user.create', id, { email: normaliseEmail(input.email), role: input.role });
    return id;
  });
}

/** A new password hash set on the command line (the user's sessions end), with its audit row. */
export function resetPasswordFromCommandLine(db: DB, userId: number, passwordHash: string): void {
  db.transaction((tx) => {
    setUserPasswordHash(tx, userId, passwordHash);
    audit(tx, 'user.reset-password', userId, {});
  });
}

/** A user disabled or enabled on the command line, with its audit row. */
export function setDisabledFromCommandLine(db: DB, userId: number, disabled: boolean): void {
  db.transaction((tx) => {
    setUserDisabled(tx, userId, disabled);
    audit(tx, disabled ? 'user.disable' : 'user.enable', userId, {});
  });
}
