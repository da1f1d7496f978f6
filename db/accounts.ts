// Staff accounts, usable outside Next (scripts/start.ts, scripts/admin.ts, test helpers): each
// function takes the database. The admin UI goes through db/queries/users.ts, which adds the audit row.
import { eq, sql } from 'drizzle-orm';
import type { DB } from './client';
import { auditLog, users, type Role } from './schema';
import { hashPassword, passwordProblem, randomPassword } from '../lib/password';

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

export type CliResult = { ok: true; message: string; password?: string } | { ok: false; message: string };

async function choosePassword(
  given: string | undefined,
  email: string,
): Promise<{ password: string; generated: boolean } | { problem: string }> {
  if (given === undefined || given === '') return { password: randomPassword(), generated: true };
  const problem = passwordProblem(given, { email });
  return problem ? { problem } : { password: given, generated: false };
}

export async function createUserFromCli(
  db: DB,
  input: { email: string; name?: string; role: Role; password?: string },
): Promise<CliResult> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { ok: false, message: `Not an e-mail address: ${input.email}` };
  if (findUserIdByEmail(db, email) !== undefined)
    return { ok: false, message: `A user with the e-mail ${email} already exists.` };
  const chosen = await choosePassword(input.password, email);
  if ('problem' in chosen) return { ok: false, message: `Password refused: ${chosen.problem}` };
  const passwordHash = await hashPassword(chosen.password);
  db.transaction((tx) => {
    const id = insertUser(tx, {
      email,
      name: input.name?.trim() || email.split('@')[0]!,
      role: input.role,
      passwordHash,
    });
    audit(tx, 'user.create', id, { email, role: input.role });
  });
  return {
    ok: true,
    message: `Created ${input.role} ${email}.`,
    password: chosen.generated ? chosen.password : undefined,
  };
}

export async function resetPasswordFromCli(db: DB, input: { email: string; password?: string }): Promise<CliResult> {
  const id = findUserIdByEmail(db, input.email);
  if (id === undefined) return { ok: false, message: `No user with the e-mail ${normaliseEmail(input.email)}.` };
  const chosen = await choosePassword(input.password, input.email);
  if ('problem' in chosen) return { ok: false, message: `Password refused: ${chosen.problem}` };
  const passwordHash = await hashPassword(chosen.password);
  db.transaction((tx) => {
    setUserPasswordHash(tx, id, passwordHash);
    audit(tx, 'user.reset-password', id, {});
  });
  return {
    ok: true,
    message: `New password set for ${normaliseEmail(input.email)}; their sessions are signed out.`,
    password: chosen.generated ? chosen.password : undefined,
  };
}

export function setDisabledFromCli(db: DB, input: { email: string; disabled: boolean }): CliResult {
  const id = findUserIdByEmail(db, input.email);
  if (id === undefined) return { ok: false, message: `No user with the e-mail ${normaliseEmail(input.email)}.` };
  db.transaction((tx) => {
    setUserDisabled(tx, id, input.disabled);
    audit(tx, input.disabled ? 'user.disable' : 'user.enable', id, {});
  });
  return {
    ok: true,
    message: `${normaliseEmail(input.email)} is ${input.disabled ? 'disabled and signed out' : 'enabled again'}.`,
  };
}

/**
 * On first start (no user yet): an administrator from ADMIN_EMAIL / ADMIN_PASSWORD, or
 * admin@localhost with a random password that is printed once and stored only hashed.
 */
export async function ensureFirstAdmin(
  db: DB,
  env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string },
  log: (line: string) => void,
): Promise<void> {
  if (countUsers(db) > 0) return;
  const email = env.ADMIN_EMAIL?.trim() || 'admin@localhost';
  const result = await createUserFromCli(db, {
    email,
    name: 'Administrator',
    role: 'admin',
    password: env.ADMIN_PASSWORD,
  });
  if (!result.ok) throw new Error(`Could not create the first administrator: ${result.message}`);
  if (result.password) {
    log(`[moodwire] first administrator created: ${email}`);
    log(`[moodwire] password (shown once, stored only hashed): ${result.password}`);
    log('[moodwire] sign in at /admin/login and change it, or run: npm run admin -- reset-password --email ' + email);
  } else {
    log(`[moodwire] first administrator created from ADMIN_EMAIL: ${email}`);
  }
}
