// Where the database is and how the server opens it, from the environment, checked with clear messages.
// Plain Node (no Next imports): scripts use it too.
// - DATABASE_PATH: the SQLite file (default data/moodwire.db); its folder keeps the generated secret
//   and the uploads' bookkeeping (lib/data-dir.ts). The database's files, and every file and folder
//   Moodwire keeps beside it, are for their owner only (issue 15, §5).
// - DATABASE_READ_ONLY=1 serves the site without ever writing (maintenance, a restored copy under
//   inspection, a read-only volume): stories render, voting and sharing counts are paused.
// - MOODWIRE_TEST_MAX_PAGE_COUNT is a test hook (decision 014): it caps the database at that many
//   pages (never below its size at start) on the server's own connection, so a test can make the
//   disk "full" and free space again from a second connection. Nothing sets it but a test.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export function databasePath(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.DATABASE_PATH || path.join(process.cwd(), 'data', 'moodwire.db'),
  );
}

/** Folders Moodwire creates for its data, and the files in them: for their owner only. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates a folder (and missing parents) readable by its owner only; an existing one is left as it is. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Makes existing files readable by their owner only (a file we cannot change is left alone). */
export function restrictToOwner(...files: string[]): void {
  for (const file of files) {
    try {
      fs.chmodSync(file, PRIVATE_FILE_MODE);
    } catch {
      // missing, or not ours to change (a read-only volume)
    }
  }
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
