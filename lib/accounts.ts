// Staff accounts from the command line (scripts/admin.ts) and the first administrator on the first
// start (scripts/start.ts): the password rules and hashing here, the rows and their audit entries in
// db/accounts.ts, on the engine DATABASE_URL / DATABASE_PATH choose. Plain Node (no Next imports).
import type { Role } from './domain/roles';
import {
  countUsers,
  createFirstUser,
  createUserFromCommandLine,
  findUserIdByEmail,
  normaliseEmail,
  resetPasswordFromCommandLine,
  setDisabledFromCommandLine,
} from '../db/accounts';
import { hashPassword, passwordProblem, randomPassword } from './password';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export type CliResult = { ok: true; message: string; password?: string } | { ok: false; message: string };

async function choosePassword(
  given: string | undefined,
  email: string,
): Promise<{ password: string; generated: boolean } | { problem: string }> {
  if (given === undefined || given === '') return { password: randomPassword(), generated: true };
  const problem = passwordProblem(given, { email });
  return problem ? { problem } : { password: given, generated: false };
}

export async function createUserFromCli(input: {
  email: string;
  name?: string;
  role: Role;
  password?: string;
}): Promise<CliResult> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email)) return { ok: false, message: `Not an e-mail address: ${input.email}` };
  const taken = { ok: false as const, message: `A user with the e-mail ${email} already exists.` };
  if ((await findUserIdByEmail(email)) !== undefined) return taken;
  const chosen = await choosePassword(input.password, email);
  if ('problem' in chosen) return { ok: false, message: `Password refused: ${chosen.problem}` };
  // Hashed before the transaction; the address is checked again inside it.
  const row = {
    email,
    name: input.name?.trim() || email.split('@')[0]!,
    role: input.role,
    passwordHash: await hashPassword(chosen.password),
  };
  if ((await createUserFromCommandLine(row)) === undefined) return taken;
  return {
    ok: true,
    message: `Created ${input.role} ${email}.`,
    password: chosen.generated ? chosen.password : undefined,
  };
}

export async function resetPasswordFromCli(input: { email: string; password?: string }): Promise<CliResult> {
  const id = await findUserIdByEmail(input.email);
  if (id === undefined) return { ok: false, message: `No user with the e-mail ${normaliseEmail(input.email)}.` };
  const chosen = await choosePassword(input.password, input.email);
  if ('problem' in chosen) return { ok: false, message: `Password refused: ${chosen.problem}` };
  await resetPasswordFromCommandLine(id, await hashPassword(chosen.password));
  return {
    ok: true,
    message: `New password set for ${normaliseEmail(input.email)}; their sessions are signed out.`,
    password: chosen.generated ? chosen.password : undefined,
  };
}

export async function setDisabledFromCli(input: { email: string; disabled: boolean }): Promise<CliResult> {
  const id = await findUserIdByEmail(input.email);
  if (id === undefined) return { ok: false, message: `No user with the e-mail ${normaliseEmail(input.email)}.` };
  await setDisabledFromCommandLine(id, input.disabled);
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
  env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string },
  log: (line: string) => void,
): Promise<void> {
  if ((await countUsers()) > 0) return;
  const email = normaliseEmail(env.ADMIN_EMAIL?.trim() || 'admin@localhost');
  const refuse = (why: string) => new Error(`Could not create the first administrator: ${why}`);
  if (!EMAIL.test(email)) throw refuse(`Not an e-mail address: ${env.ADMIN_EMAIL}`);
  const chosen = await choosePassword(env.ADMIN_PASSWORD, email);
  if ('problem' in chosen) throw refuse(`Password refused: ${chosen.problem}`);
  const passwordHash = await hashPassword(chosen.password);
  // Created only if there is still no user: two servers starting at once make one administrator.
  const id = await createFirstUser({ email, name: 'Administrator', role: 'admin', passwordHash });
  if (id === undefined) return;
  if (chosen.generated) {
    log(`[moodwire] first administrator created: ${email}`);
    log(`[moodwire] password (shown once, stored only hashed): ${chosen.password}`);
    log('[moodwire] sign in at /admin/login and change it, or run: npm run admin -- reset-password --email ' + email);
  } else {
    log(`[moodwire] first administrator created from ADMIN_EMAIL: ${email}`);
  }
}
