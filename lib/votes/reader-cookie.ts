// The anonymous reader id: random, signed with AUTH_SECRET, kept in an HttpOnly cookie that is set
// only when someone votes. A cookie whose signature does not verify is ignored (a new reader), so
// nobody can pose as another reader by editing the cookie.
import crypto from 'node:crypto';
import { authSecret } from '@/lib/data-dir';
import { siteUrl } from '@/lib/domain/routes';

export const READER_COOKIE = 'mw_reader';
const VERSION = 'r1';
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_S = 365 * 24 * 3600;

function sign(id: string): string {
  return crypto.createHmac('sha256', authSecret()).update(`moodwire-reader:${id}`).digest('base64url');
}

export const newReaderId = () => crypto.randomBytes(16).toString('base64url');

export function readerCookieValue(id: string): string {
  return `${VERSION}.${id}.${sign(id)}`;
}

/** The reader id inside a cookie value, or undefined when it is missing, malformed or forged. */
export function verifyReaderCookie(value: string | undefined): string | undefined {
  if (!value || value.length > 100) return undefined;
  const [version, id, signature, ...rest] = value.split('.');
  if (version !== VERSION || !id || !signature || rest.length > 0 || !ID_PATTERN.test(id)) return undefined;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : undefined;
}

export type CookieOptions = { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/'; maxAge: number };

export function voteCookieOptions(): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: siteUrl().startsWith('https:'), path: '/', maxAge: ONE_YEAR_S };
}
