// Which database the process uses, from the environment, checked once with clear messages.
// No Next.js imports: scripts, tests and db/schema.ts read it too.
import { z } from 'zod';

export type EngineKind = 'sqlite' | 'postgres';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export const isPostgresUrl = (url: string | undefined): url is string => Boolean(url && POSTGRES_URL.test(url.trim()));

/**
 * DATABASE_URL=postgres://… (or postgresql://…) selects PostgreSQL; unset or empty, the SQLite file at
 * DATABASE_PATH. Anything else is refused rather than guessed at.
 */
export function engineKind(env: Record<string, string | undefined> = process.env): EngineKind {
  const url = env.DATABASE_URL?.trim();
  if (!url) return 'sqlite';
  if (isPostgresUrl(url)) return 'postgres';
  throw new Error(
    'DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database); leave it unset to use the SQLite file at DATABASE_PATH.',
  );
}

const poolSize = z
  .string()
  .regex(/^[1-9]\d{0,2}$/, { error: 'DATABASE_POOL_SIZE must be a whole number from 1 to 500.' })
  .transform(Number)
  .pipe(z.number().max(500, { error: 'DATABASE_POOL_SIZE must be a whole number from 1 to 500.' }));

/** Connections each server process may hold open to PostgreSQL (DATABASE_POOL_SIZE, default 10). */
export function postgresPoolSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return 10;
  const parsed = poolSize.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(' '));
  return parsed.data;
}

/** The address with its password replaced, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
