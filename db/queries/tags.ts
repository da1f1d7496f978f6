import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/engine';
import { tags } from '@/db/schema';

export type TagSummary = { id: number; slug: string; name: string };

export async function getTagBySlug(slug: string): Promise<TagSummary | undefined> {
  const [tag] = await db()
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(eq(tags.slug, slug))
    .limit(1);
  return tag;
}
