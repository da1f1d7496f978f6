import 'server-only';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import { articles, media } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from './audit';

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

/**
 * Deletes a media row no story shows any more, in the caller's transaction, and returns its public
 * path so that the caller can delete the files once the transaction has committed.
 */
export function dropUnusedMedia(tx: Tx, mediaId: number | null): string | undefined {
  if (mediaId === null) return undefined;
  return tx
    .delete(media)
    .where(
      sql`${media.id} = ${mediaId} and not exists (select 1 from ${articles} where ${articles.heroMediaId} = ${mediaId})`,
    )
    .returning({ path: media.path })
    .get()?.path;
}

/**
 * The media row and the story's hero in one transaction, with the audit entry. The photo it replaces
 * is deleted with it when no other story shows it; `replacedPath` says which files to remove.
 */
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
): { slug: string; sectionId: number; mediaId: number; replacedPath?: string } | undefined {
  return getDb().transaction((tx) => {
    const found = tx
      .select({ slug: articles.slug, sectionId: articles.sectionId, heroMediaId: articles.heroMediaId })
      .from(articles)
      .where(eq(articles.id, storyId))
      .get();
    if (!found) return undefined;
    const { heroMediaId: previous, ...story } = found;
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
    const replacedPath = dropUnusedMedia(tx, previous);
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
    return { ...story, mediaId, ...(replacedPath ? { replacedPath } : {}) };
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

/** Public paths of every uploaded photo a media row still names (/media/<key>/…). */
export function listUploadedMediaPaths(): string[] {
  return getDb()
    .select({ path: media.path })
    .from(media)
    .where(sql`${media.path} like '/media/%'`)
    .all()
    .map((r) => r.path);
}
