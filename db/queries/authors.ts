import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/engine';
import { authors } from '@/db/schema';

export type AuthorProfile = { id: number; slug: string; name: string; bio: string; photoPath: string | null };

export async function getAuthorBySlug(slug: string): Promise<AuthorProfile | undefined> {
  const [author] = await db()
    .select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio, photoPath: authors.photoPath })
    .from(authors)
    .where(eq(authors.slug, slug))
    .limit(1);
  return author;
}
