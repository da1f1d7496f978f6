// How many reader cookies a vote burst holds, for the moderation page: one address can be a whole
// office, campus or mobile network, and the count is what an editor weighs before voiding. Kept apart
// from db/queries/moderation.ts (which finds the bursts) and written once for both engines.
import 'server-only';
import { and, between, countDistinct, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/engine';
import { votes } from '@/db/schema';

export type BurstKey = { articleId: number; ipHash: string; from: number; to: number };

/** Distinct reader cookies among each burst's counted votes, in the order of `bursts`. */
export async function countBurstReaders(bursts: BurstKey[]): Promise<number[]> {
  return Promise.all(
    bursts.map(async (b) => {
      const [row] = await db()
        .select({ readers: countDistinct(votes.readerId) })
        .from(votes)
        .where(
          and(
            eq(votes.articleId, b.articleId),
            eq(votes.ipHash, b.ipHash),
            between(votes.createdAt, b.from, b.to),
            isNull(votes.voidedAt),
          ),
        );
      return Number(row?.readers ?? 0);
    }),
  );
}
