import 'server-only';
import { desc, eq, isNull, sql } from 'drizzle-orm';
import { db, transaction } from '@/db/engine';
import { contactMessages, rateLimits } from '@/db/schema';
import { recordAudit } from './audit';

export type ContactInput = { name: string; email: string; subject: string; message: string };

/**
 * Saves a reader's message if its sender is within their limit: `limit` messages per fixed window of
 * `windowMs` under `key`. The count and the message are one transaction, and the count's check is the
 * upsert's own WHERE: fifty messages fired at once get at most `limit` through, and a message that
 * could not be saved uses up nothing. Undefined (nothing written) when over the limit.
 */
export async function insertContactMessage(
  input: ContactInput,
  limit: { key: string; limit: number; windowMs: number },
  now = Date.now(),
): Promise<number | undefined> {
  const windowStart = now - (now % limit.windowMs);
  return transaction(async (tx) => {
    const taken = await tx
      .insert(rateLimits)
      .values({ key: limit.key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          windowStart,
          count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
        },
        setWhere: sql`${rateLimits.windowStart} <> ${windowStart} or ${rateLimits.count} < ${limit.limit}`,
      })
      .returning({ key: rateLimits.key });
    if (taken.length === 0) return undefined;
    const [row] = await tx
      .insert(contactMessages)
      .values({ ...input, createdAt: now })
      .returning({ id: contactMessages.id });
    return row!.id;
  });
}

export async function countUnreadMessages(): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)` })
    .from(contactMessages)
    .where(isNull(contactMessages.readAt));
  return row?.n ?? 0;
}

export async function countMessages(): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)` })
    .from(contactMessages);
  return row?.n ?? 0;
}

export async function listMessages({ limit, offset }: { limit: number; offset: number }) {
  return db()
    .select()
    .from(contactMessages)
    .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id))
    .limit(limit)
    .offset(offset);
}

export async function setMessageRead(actorId: number, id: number, read: boolean, now = Date.now()): Promise<boolean> {
  return transaction(async (tx) => {
    const changed = await tx
      .update(contactMessages)
      .set({ readAt: read ? now : null })
      .where(eq(contactMessages.id, id))
      .returning({ id: contactMessages.id });
    if (changed.length === 1)
      await recordAudit(
        tx,
        {
          actorId,
          action: read ? 'message.mark-read' : 'message.mark-unread',
          objectType: 'contact_message',
          objectId: id,
        },
        now,
      );
    return changed.length === 1;
  });
}
