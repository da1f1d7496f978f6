// Staff passwords: argon2id with OWASP's recommended parameters, and the rules a new password must meet.
// Plain Node (no Next imports): scripts/admin.ts and the first-administrator bootstrap use it too.
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. (2 = Argon2id; the library's
// enum is a const enum, which isolated modules cannot import.)
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so an unknown account costs as much time as a wrong
// password and the response time does not tell which e-mails exist. A fixed hash of a random,
// forgotten password with the same parameters: no first-call hashing that would make the first
// unknown e-mail slower than the rest.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$uY+/3xGXvv1iA3QDZpKFnA$LnPwpM+f8jltJpz2wNe0HI1NXZ5kF4fRoJFBsW5rkBk';
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(DUMMY_HASH, password);
}

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  // "password2024!", "Sunshine12345": a common stem padded with digits and symbols is still common.
  const stem = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (COMMON_PASSWORDS.has(lower) || (stem.length > 0 && COMMON_PASSWORDS.has(stem)))
    return 'This password is too common. Choose a less guessable one, for example three or four unrelated words.';
  if (new Set(lower).size < 4) return 'Use more different characters.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your e-mail address in your password.';
  return undefined;
}

export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A random password for the command line and the first administrator: 20 characters, ~119 bits. */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < 20) {
    for (const b of crypto.getRandomValues(new Uint8Array(32)))
      if (b < limit && out.length < 20) out += alphabet[b % alphabet.length];
  }
  return out;
}
