import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { tags } from '@/db/schema';

export type TagSummary = { id: number; slug: string; name: string };

export function getTagBySlug(slug: string): TagSummary | undefined {
  return getDb().select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)).get();
}
