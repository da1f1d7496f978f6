import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gte, lt, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { ipSalts, votes } from '@/db/schema';

/** How long salts, and the address hashes made with them, are kept (the privacy page promises 48 hours). */
export const IP_DATA_KEEP_MS = 48 * 3600_000;

/** The UTC day a salt belongs to: the salts table's key. */
export const saltDay = (now: number) => new Date(now).toISOString().slice(0, 10);

let memo: { day: string; salt: string; db: object } | undefined;

/**
 * Today's salt for hashing client addresses (UTC day), created on first use. Creating a day's salt
 * is also when yesterday's-but-one goes: see pruneExpiredIpData.
 */
export function getIpSalt(now: number = Date.now()): { salt: string; created: boolean } {
  const db = getDb();
  const day = saltDay(now);
  if (memo && memo.day === day && memo.db === db) return { salt: memo.salt, created: false };
  // Insert-or-ignore then read: several server processes agree on one salt per day.
  const inserted = db
    .insert(ipSalts)
    .values({ day, salt: crypto.randomBytes(32).toString('base64url'), createdAt: now })
    .onConflictDoNothing()
    .returning({ salt: ipSalts.salt })
    .get();
  const salt =
    inserted?.salt ?? db.select({ salt: ipSalts.salt }).from(ipSalts).where(eq(ipSalts.day, day)).get()?.salt;
  if (!salt) throw new Error(`No IP salt for ${day}`);
  memo = { day, salt, db };
  return { salt, created: inserted !== undefined };
}

/**
 * Deletes salts older than 48 hours and blanks the address hashes of votes cast before then, so a
 * hash can never be recomputed or linked to an address once its salt is gone. `since` (the cutoff
 * of the previous run) limits the scan to votes that crossed the line since then.
 */
export function pruneExpiredIpData(
  now: number = Date.now(),
  since?: number,
): { salts: number; hashes: number; cutoff: number } {
  const db = getDb();
  const cutoff = now - IP_DATA_KEEP_MS;
  return db.transaction(
    (tx) => {
      const salts = tx.delete(ipSalts).where(lt(ipSalts.createdAt, cutoff)).run().changes;
      const hashes = tx
        .update(votes)
        .set({ ipHash: '' })
        .where(
          and(
            lt(votes.createdAt, cutoff),
            since === undefined ? undefined : gte(votes.createdAt, since),
            ne(votes.ipHash, ''),
          ),
        )
        .run().changes;
      return { salts, hashes, cutoff };
    },
    { behavior: 'immediate' },
  );
}
