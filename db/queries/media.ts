import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, type AppDb } from '@/db/engine';
import { staffTransaction } from './staff-guard';
import { articles, media } from '@/db/schema';
import { lockedStory, type StoryRow } from './admin-stories';
import { recordAudit } from './audit';

/**
 * Deletes a media row no story shows any more, in the caller's transaction, and returns its public
 * path so that the caller can delete the files once the transaction has committed.
 */
export async function dropUnusedMedia(tx: AppDb, mediaId: number | null): Promise<string | undefined> {
  if (mediaId === null) return undefined;
  const [row] = await tx
    .delete(media)
    .where(
      sql`${media.id} = ${mediaId} and not exists (select 1 from ${articles} where ${articles.heroMediaId} = ${mediaId})`,
    )
    .returning({ path: media.path });
  return row?.path;
}

/** A processed photo's row, as the editor's upload and the import store it (WebP renditions). */
export type PhotoRow = {
  path: string;
  width: number;
  height: number;
  variants: { width: number; path: string }[];
  alt: string;
  caption: string;
  credit: string;
};

/** Inserts a processed photo's media row in the caller's transaction; returns its id. */
export async function insertPhoto(tx: AppDb, image: PhotoRow, uploadedBy: number | null, now: number): Promise<number> {
  const [row] = await tx
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
      uploadedBy,
      createdAt: now,
    })
    .returning({ id: media.id });
  return row!.id;
}

/**
 * The media row and the story's hero in one transaction, with the audit entry. The photo it replaces
 * is deleted with it when no other story shows it; `replacedPath` says which files to remove.
 */
export async function attachHeroImage(
  actorId: number,
  storyId: number,
  image: PhotoRow,
  now = Date.now(),
  mayEdit: (story: StoryRow) => boolean = () => true,
): Promise<{ slug: string; sectionId: number; mediaId: number; replacedPath?: string } | 'refused' | undefined> {
  return staffTransaction(async (tx) => {
    const found = await lockedStory(tx, storyId);
    if (!found) return undefined;
    if (!mayEdit(found)) return 'refused' as const;
    const { heroMediaId: previous, slug, sectionId } = found;
    const mediaId = await insertPhoto(tx, image, actorId, now);
    await tx.update(articles).set({ heroMediaId: mediaId, updatedAt: now }).where(eq(articles.id, storyId));
    const replacedPath = await dropUnusedMedia(tx, previous);
    await recordAudit(
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
    return { slug, sectionId, mediaId, ...(replacedPath ? { replacedPath } : {}) };
  });
}

/** Alt text, caption and credit of a story's current photo. */
export async function updateHeroText(
  actorId: number,
  storyId: number,
  text: { alt: string; caption: string; credit: string },
  now = Date.now(),
  mayEdit: (story: StoryRow) => boolean = () => true,
) {
  return staffTransaction(async (tx) => {
    const found = await lockedStory(tx, storyId);
    if (found && !mayEdit(found)) return 'refused' as const;
    if (!found || found.heroMediaId === null) return undefined;
    const story = { slug: found.slug, sectionId: found.sectionId, heroMediaId: found.heroMediaId };
    await tx.update(media).set(text).where(eq(media.id, story.heroMediaId));
    await tx.update(articles).set({ updatedAt: now }).where(eq(articles.id, storyId));
    await recordAudit(
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
export async function listUploadedMediaPaths(): Promise<string[]> {
  const rows = await db()
    .select({ path: media.path })
    .from(media)
    .where(sql`${media.path} like '/media/%'`);
  return rows.map((r) => r.path);
}
