// Where the database is and how the server opens it, from the environment, checked with clear messages.
// Plain Node (no Next imports): scripts use it too.
// - DATABASE_PATH: the SQLite file (default data/moodwire.db); its folder keeps the generated secret
//   and the uploads' bookkeeping (lib/data-dir.ts).
// - DATABASE_READ_ONLY=1 serves the site without ever writing (maintenance, a restored copy under
//   inspection, a read-only volume): stories render, voting and sharing counts are paused.
// - MOODWIRE_TEST_MAX_PAGE_COUNT is a test hook (decision 014): it caps the database at that many
//   pages (never below its size at start) on the server's own connection, so a test can make the
//   disk "full" and free space again from a second connection. Nothing sets it but a test.
import path from 'node:path';
import { z } from 'zod';

export function databasePath(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.DATABASE_PATH || path.join(process.cwd(), 'data', 'moodwire.db'),
  );
}

export type DatabaseMode = { readonly: boolean; maxPageCount?: number };

const schema = z.object({
  DATABASE_READ_ONLY: z
    .enum(['', '0', '1', 'true', 'false'], {
      error: 'DATABASE_READ_ONLY must be 1 (or true) to open the database read-only, or 0.',
    })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  MOODWIRE_TEST_MAX_PAGE_COUNT: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, { error: 'MOODWIRE_TEST_MAX_PAGE_COUNT (a test hook) must be a whole number of pages.' })
    .transform(Number)
    .optional(),
});

export function databaseMode(env: Record<string, string | undefined> = process.env): DatabaseMode {
  const parsed = schema.safeParse({
    DATABASE_READ_ONLY: env.DATABASE_READ_ONLY?.trim().toLowerCase() || undefined,
    MOODWIRE_TEST_MAX_PAGE_COUNT: env.MOODWIRE_TEST_MAX_PAGE_COUNT?.trim() || undefined,
  });
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
  return {
    readonly: parsed.data.DATABASE_READ_ONLY,
    ...(parsed.data.MOODWIRE_TEST_MAX_PAGE_COUNT ? { maxPageCount: parsed.data.MOODWIRE_TEST_MAX_PAGE_COUNT } : {}),
  };
}
