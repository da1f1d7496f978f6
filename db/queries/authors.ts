import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { authors } from '@/db/schema';

export type AuthorProfile = { id: number; slug: string; name: string; bio: string; photoPath: string | null };

export function getAuthorBySlug(slug: string): AuthorProfile | undefined {
  return getDb()
    .select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio, photoPath: authors.photoPath })
    .from(authors)
    .where(eq(authors.slug, slug))
    .get();
}
