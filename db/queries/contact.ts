import 'server-only';
import { desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { contactMessages } from '@/db/schema';
import { recordAudit } from './audit';

export function insertContactMessage(
  input: { name: string; email: string; subject: string; message: string },
  now = Date.now(),
): number {
  return getDb()
    .insert(contactMessages)
    .values({ ...input, createdAt: now })
    .returning({ id: contactMessages.id })
    .get().id;
}

export function countUnreadMessages(): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(contactMessages)
      .where(isNull(contactMessages.readAt))
      .get()?.n ?? 0
  );
}

export function countMessages(): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(contactMessages)
      .get()?.n ?? 0
  );
}

export function listMessages({ limit, offset }: { limit: number; offset: number }) {
  return getDb()
    .select()
    .from(contactMessages)
    .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id))
    .limit(limit)
    .offset(offset)
    .all();
}

export function setMessageRead(actorId: number, id: number, read: boolean, now = Date.now()): boolean {
  return getDb().transaction((tx) => {
    const changed =
      tx
        .update(contactMessages)
        .set({ readAt: read ? now : null })
        .where(eq(contactMessages.id, id))
        .run().changes === 1;
    if (changed)
      recordAudit(
        tx,
        {
          actorId,
          action: read ? 'message.mark-read' : 'message.mark-unread',
          objectType: 'contact_message',
          objectId: id,
        },
        now,
      );
    return changed;
  });
}
