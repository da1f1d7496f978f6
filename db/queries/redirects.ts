import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { db, type AppDb } from '@/db/engine';
import { redirects } from '@/db/schema';

// Asked only when a story or section address has no page (lib/renamed-paths.ts, from the server hook's
// 404; decision 006): a single primary-key probe.
export async function findRedirect(fromPath: string): Promise<string | undefined> {
  const [row] = await db()
    .select({ toPath: redirects.toPath })
    .from(redirects)
    .where(eq(redirects.fromPath, fromPath))
    .limit(1);
  return row?.toPath;
}

/**
 * `from` now lives at `to`. Earlier redirects to `from` are pointed straight at `to` (no chains), and
 * a redirect from `to` itself is dropped, since that address has a page again. Inside the rename's
 * transaction (`tx`).
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

/** A new page at `path` wins over an old redirect from it. Inside the new page's transaction (`tx`). */
export async function clearRedirectsFrom(tx: AppDb, paths: string[]): Promise<void> {
  if (paths.length) await tx.delete(redirects).where(inArray(redirects.fromPath, paths));
}
