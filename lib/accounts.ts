// Staff accounts from the command line (scripts/admin.ts) and the first administrator on the first
// start (scripts/start.ts): the password rules and hashing here, the rows and their audit entries in
// db/accounts.ts. Plain Node (no Next imports).
import type { DB } from '../db/client';
import type { Role } from './domain/roles';
import {
  countUsers,
  createUserFromCommandLine,
  findUserIdByEmail,
  normaliseEmail,
  resetPasswordFromCommandLine,
  setDisabledFromCommandLine,
} from '../db/accounts';
import { hashPassword, passwordProblem, randomPassword } from './password';

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
  createUserFromCommandLine(db, {
    email,
    name: input.name?.trim() || email.split('@')[0]!,
    role: input.role,
    passwordHash: await hashPassword(chosen.password),
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
  resetPasswordFromCommandLine(db, id, await hashPassword(chosen.password));
  return {
    ok: true,
    message: `New password set for ${normaliseEmail(input.email)}; their sessions are signed out.`,
    password: chosen.generated ? chosen.password : undefined,
  };
}

export function setDisabledFromCli(db: DB, input: { email: string; disabled: boolean }): CliResult {
  const id = findUserIdByEmail(db, input.email);
  if (id === undefined) return { ok: false, message: `No user with the e-mail ${normaliseEmail(input.email)}.` };
  setDisabledFromCommandLine(db, id, input.disabled);
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
