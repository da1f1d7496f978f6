// Photos in story bodies and the media library (decision 040): uploads kept as media rows, which stories
// show each one (as their photo, or in their body through article_media), and deletion that knows.
// Written against db/engine: SQLite and PostgreSQL.
import 'server-only';
import { and, desc, eq, inArray, like, or, sql, type AnyColumn } from 'drizzle-orm';
import { db, lockRows, transaction } from '@/db/engine';
import { articleMedia, articles, media, users } from '@/db/schema';
import { recordAudit } from './audit';
import { insertPhoto } from './media';

export type LibraryPhoto = {
  id: number;
  path: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  variants: { width: number; path: string }[];
};

const photoColumns = {
  id: media.id,
  path: media.path,
  width: media.width,
  height: media.height,
  alt: media.alt,
  caption: media.caption,
  credit: media.credit,
  variants: media.variants,
};

const parseVariants = (json: string): LibraryPhoto['variants'] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as LibraryPhoto['variants']) : [];
  } catch {
    return [];
  }
};

/** The photos with these ids (those that exist). */
export async function getPhotos(ids: number[]): Promise<LibraryPhoto[]> {
  if (ids.length === 0) return [];
  const found = await db().select(photoColumns).from(media).where(inArray(media.id, ids));
  return found.map((r) => ({ ...r, variants: parseVariants(r.variants) }));
}

/** A newly processed upload, into the library (audited). */
export async function addLibraryPhoto(
  actorId: number,
  image: { path: string; width: number; height: number; variants: { width: number; path: string }[] },
  text: { alt: string; caption: string; credit: string },
  storyId?: number,
  now = Date.now(),
): Promise<number> {
  return transaction(async (tx) => {
    const id = await insertPhoto(tx, { ...image, ...text }, actorId, now);
    await recordAudit(
      tx,
      {
        actorId,
        action: 'media.upload',
        objectType: 'media',
        objectId: id,
        detail: { path: image.path, alt: text.alt, ...(storyId ? { storyId } : {}) },
      },
      now,
    );
    return id;
  });
}

/** Which photos a story's body shows, replaced as a whole by each save. */
export async function setStoryBodyPhotos(articleId: number, mediaIds: number[]): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(articleMedia).where(eq(articleMedia.articleId, articleId));
    if (mediaIds.length)
      await tx
        .insert(articleMedia)
        .values([...new Set(mediaIds)].map((mediaId) => ({ articleId, mediaId })))
        .onConflictDoNothing();
  });
}

/** The photos a story's body shows, in id order. */
export async function listStoryBodyPhotos(articleId: number): Promise<LibraryPhoto[]> {
  const found = await db()
    .select(photoColumns)
    .from(articleMedia)
    .innerJoin(media, eq(media.id, articleMedia.mediaId))
    .where(eq(articleMedia.articleId, articleId))
    .orderBy(media.id);
  return found.map((r) => ({ ...r, variants: parseVariants(r.variants) }));
}

const heroUses = sql<number>`(select count(*) from ${articles} where ${articles.heroMediaId} = ${media.id})`;
const bodyUses = sql<number>`(select count(*) from ${articleMedia} where ${articleMedia.mediaId} = ${media.id})`;

function librarySearch(q: string | undefined) {
  const uploaded = like(media.path, '/media/%');
  if (!q) return uploaded;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const has = (column: AnyColumn) => sql`lower(${column}) like lower(${pattern}) escape '\\'`;
  return and(uploaded, or(has(media.alt), has(media.caption), has(media.credit)));
}

/** Uploaded photos, newest first, matching a search in their alt text, caption or credit. */
export async function listLibrary(q: string | undefined, { limit, offset }: { limit: number; offset: number }) {
  const found = await db()
    .select({
      ...photoColumns,
      createdAt: media.createdAt,
      uploadedByName: users.name,
      uses: sql<number>`${heroUses} + ${bodyUses}`,
    })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(librarySearch(q))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(limit)
    .offset(offset);
  return found.map((r) => ({ ...r, uses: Number(r.uses), variants: parseVariants(r.variants) }));
}

export async function countLibrary(q: string | undefined): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)` })
    .from(media)
    .where(librarySearch(q));
  return row?.n ?? 0;
}

export type PhotoUse = { id: number; title: string; as: 'photo' | 'body' };

/** The stories that show a photo: as their photo, or in their body. */
export async function listPhotoUses(mediaId: number): Promise<PhotoUse[]> {
  const [asHero, inBody] = await Promise.all([
    db().select({ id: articles.id, title: articles.title }).from(articles).where(eq(articles.heroMediaId, mediaId)),
    db()
      .select({ id: articles.id, title: articles.title })
      .from(articleMedia)
      .innerJoin(articles, eq(articles.id, articleMedia.articleId))
      .where(eq(articleMedia.mediaId, mediaId)),
  ]);
  return [
    ...asHero.map((s) => ({ ...s, as: 'photo' as const })),
    ...inBody.map((s) => ({ ...s, as: 'body' as const })),
  ];
}

export type DeleteResult =
  | { ok: true; path: string; bodyStories: number[]; heroStories: { slug: string; sectionId: number }[] }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'in-use'; uses: number };

/**
 * Deletes an uploaded photo. One in use is deleted only when the editor confirmed it, in the same
 * check: a story that started using it meanwhile is counted. Stories that showed it lose it (their
 * photo is unset, the body block shows nothing once re-rendered by the caller).
 */
export async function deleteLibraryPhoto(
  actorId: number,
  mediaId: number,
  confirmedInUse: boolean,
  now = Date.now(),
): Promise<DeleteResult> {
  return transaction(async (tx) => {
    await lockRows(tx, media, eq(media.id, mediaId));
    const [photo] = await tx
      .select({ path: media.path })
      .from(media)
      .where(and(eq(media.id, mediaId), like(media.path, '/media/%')))
      .limit(1);
    if (!photo) return { ok: false as const, reason: 'missing' as const };
    const heroStories = await tx
      .select({ id: articles.id, slug: articles.slug, sectionId: articles.sectionId })
      .from(articles)
      .where(eq(articles.heroMediaId, mediaId));
    const body = await tx
      .select({ id: articleMedia.articleId })
      .from(articleMedia)
      .where(eq(articleMedia.mediaId, mediaId));
    const uses = heroStories.length + body.length;
    if (uses > 0 && !confirmedInUse) return { ok: false as const, reason: 'in-use' as const, uses };
    if (heroStories.length)
      await tx
        .update(articles)
        .set({ heroMediaId: null, updatedAt: now })
        .where(
          inArray(
            articles.id,
            heroStories.map((s) => s.id),
          ),
        );
    await tx.delete(media).where(eq(media.id, mediaId));
    await recordAudit(
      tx,
      { actorId, action: 'media.delete', objectType: 'media', objectId: mediaId, detail: { path: photo.path, uses } },
      now,
    );
    return {
      ok: true as const,
      path: photo.path,
      bodyStories: body.map((b) => b.id),
      heroStories: heroStories.map(({ slug, sectionId }) => ({ slug, sectionId })),
    };
  });
}

/** A story's body source, for re-rendering it after a photo it showed was deleted. */
export async function getStoryBody(articleId: number) {
  const [row] = await db()
    .select({ id: articles.id, slug: articles.slug, sectionId: articles.sectionId, body: articles.body })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  return row;
}

/** Stores a story's re-rendered HTML (its source unchanged). */
export async function setStoryBodyHtml(articleId: number, bodyHtml: string, now = Date.now()): Promise<void> {
  await transaction(async (tx) => {
    await tx.update(articles).set({ bodyHtml, updatedAt: now }).where(eq(articles.id, articleId));
  });
}
