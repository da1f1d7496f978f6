// Address hashes expire: votes keep the keyed hash of the voter's address (lib/votes/ip-hash.ts) for
// 48 hours, long enough for the moderation views to find bursts, then it is blanked. The daily key
// itself is never stored (decision 003), so there is nothing else to delete.
import 'server-only';
import { and, gte, lt, ne } from 'drizzle-orm';
import { execute, transaction } from '@/db/engine';
import { votes } from '@/db/schema';

/** How long address hashes are kept (the privacy page promises 48 hours). */
export const IP_DATA_KEEP_MS = 48 * 3600_000;

/**
 * Blanks the address hashes of votes cast more than 48 hours ago. `since` (the cutoff of the previous
 * run) limits the scan to votes that crossed the line since then.
 */
export async function pruneExpiredIpData(
  now: number = Date.now(),
  since?: number,
): Promise<{ hashes: number; cutoff: number }> {
  const cutoff = now - IP_DATA_KEEP_MS;
  // A count, not .returning(): the first run on an old database blanks many rows.
  const hashes = await transaction((tx) =>
    execute(
      tx
        .update(votes)
        .set({ ipHash: '' })
        .where(
          and(
            lt(votes.createdAt, cutoff),
            since === undefined ? undefined : gte(votes.createdAt, since),
            ne(votes.ipHash, ''),
          ),
        )
        .getSQL(),
      tx,
    ),
  );
  return { hashes, cutoff };
}
