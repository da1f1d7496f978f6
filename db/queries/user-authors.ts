// A staff account's author page (its byline on the site): set by an administrator. Written against
// db/engine: SQLite and PostgreSQL.
import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db/engine';
import { authors, users } from '@/db/schema';
import { recordAudit } from './audit';

/**
 * Links an account to an author page (or unlinks it with null). Undefined when the account or the
 * author page does not exist.
 */
export async function linkUserToAuthor(
  actorId: number,
  userId: number,
  authorId: number | null,
  now = Date.now(),
): Promise<{ authorName: string | null } | undefined> {
  return transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) return undefined;
    let authorName: string | null = null;
    if (authorId !== null) {
      const [author] = await tx.select({ name: authors.name }).from(authors).where(eq(authors.id, authorId)).limit(1);
      if (!author) return undefined;
      authorName = author.name;
    }
    await tx.update(users).set({ authorId, updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(
      tx,
      { actorId, action: 'user.link-author', objectType: 'user', objectId: userId, detail: { authorId, authorName } },
      now,
    );
    return { authorName };
  });
}
