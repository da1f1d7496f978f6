import 'server-only';
import { getDb } from '@/db';
import { articles, media } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { recordAudit } from './audit';

/** The media row and the story's hero in one transaction, with the audit entry. */
export function attachHeroImage(
  actorId: number,
  storyId: number,
  image: {
    path: string;
    width: number;
    height: number;
    variants: { width: number; path: string }[];
    alt: string;
    caption: string;
    credit: string;
  },
  now = Date.now(),
): { slug: string; sectionId: number; mediaId: number } | undefined {
  return getDb().transaction((tx) => {
    const story = tx
      .select({ slug: articles.slug, sectionId: articles.sectionId })
      .from(articles)
      .where(eq(articles.id, storyId))
      .get();
    if (!story) return undefined;
    const mediaId = tx
      .insert(media)
      .values({
        path: image.path,
        mime: 'image/webp',
        width: image.width,
        height: image.height,
        alt: image.alt,
        caption: image.caption,
        credit: image.credit,
        variants: JSON.stringify(image.variants),
        uploadedBy: actorId,
        createdAt: now,
      })
      .returning({ id: media.id })
      .get().id;
    tx.update(articles).set({ heroMediaId: mediaId, updatedAt: now }).where(eq(articles.id, storyId)).run();
    recordAudit(
      tx,
      {
        actorId,
        action: 'story.set-hero',
        objectType: 'story',
        objectId: storyId,
        detail: { mediaId, path: image.path, alt: image.alt },
      },
      now,
    );
    return { ...story, mediaId };
  });
}

/** Alt text, caption and credit of a story's current photo. */
export function updateHeroText(
  actorId: number,
  storyId: number,
  text: { alt: string; caption: string; credit: string },
  now = Date.now(),
) {
  return getDb().transaction((tx) => {
    const story = tx
      .select({ slug: articles.slug, sectionId: articles.sectionId, heroMediaId: articles.heroMediaId })
      .from(articles)
      .where(eq(articles.id, storyId))
      .get();
    if (!story || story.heroMediaId === null) return undefined;
    tx.update(media).set(text).where(eq(media.id, story.heroMediaId)).run();
    tx.update(articles).set({ updatedAt: now }).where(eq(articles.id, storyId)).run();
    recordAudit(
      tx,
      {
        actorId,
        action: 'story.update-hero-text',
        objectType: 'story',
        objectId: storyId,
        detail: { mediaId: story.heroMediaId, ...text },
      },
      now,
    );
    return story;
  });
}
