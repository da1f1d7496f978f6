import 'server-only';
import type { Statement } from 'better-sqlite3';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import type { AppDb } from '@/db/engine';
import { redirects } from '@/db/schema';

// Asked only when a story or section address has no page (lib/renamed-paths.ts, from the server hook's
// 404; decision 006), but a crawler of dead links can make that often: a cached prepared statement
// keeps it a single B-tree probe with no query building.
let lookup: { db: DB; statement: Statement<[string], { to_path: string }> } | undefined;

export function findRedirect(fromPath: string): string | undefined {
  const db = getDb();
  if (lookup?.db !== db)
    lookup = { db, statement: db.$client.prepare('select to_path from redirects where from_path = ?') };
  return lookup.statement.get(fromPath)?.to_path;
}

/**
 * `from` now lives at `to`. Earlier redirects to `from` are pointed straight at `to` (no chains), and
 * a redirect from `to` itself is dropped, since that address has a page again.
 */
export async function moveRedirects(tx: AppDb, from: string, to: string, now = Date.now()): Promise<void> {
  if (from === to) return;
  await tx.delete(redirects).where(eq(redirects.fromPath, to));
  await tx.update(redirects).set({ toPath: to }).where(eq(redirects.toPath, from));
  await tx
    .insert(redirects)
    .values({ fromPath: from, toPath: to, createdAt: now })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: to, createdAt: now } });
}

/** A new page at `path` wins over an old redirect from it. */
export async function clearRedirectsFrom(tx: AppDb, paths: string[]): Promise<void> {
  if (paths.length) await tx.delete(redirects).where(inArray(redirects.fromPath, paths));
}
