// The renditions of uploaded photos as rows (PostgreSQL: every server reads the same ones; decision
// 055). lib/media/store.ts decides where renditions live; these are its database side.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db, transaction } from '@/db/engine';
import { mediaFiles } from '@/db/schema';

export type MediaFile = { file: string; contentType: string; bytes: Buffer };

/** All the renditions of one photo, in one transaction: a photo is served whole or not at all. */
export async function saveMediaFiles(mediaKey: string, files: MediaFile[], now = Date.now()): Promise<void> {
  await transaction(async (tx) => {
    await tx.insert(mediaFiles).values(
      files.map((f) => ({
        mediaKey,
        file: f.file,
        contentType: f.contentType,
        size: f.bytes.length,
        bytes: f.bytes,
        createdAt: now,
      })),
    );
  });
}

export async function readMediaFile(
  mediaKey: string,
  file: string,
): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const [row] = await db()
    .select({ contentType: mediaFiles.contentType, bytes: mediaFiles.bytes })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.mediaKey, mediaKey), eq(mediaFiles.file, file)));
  return row ? { contentType: row.contentType, bytes: Buffer.from(row.bytes) } : undefined;
}

export async function deleteMediaFiles(mediaKey: string): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(mediaFiles).where(eq(mediaFiles.mediaKey, mediaKey));
  });
}

/** Bytes stored for one photo's renditions. */
export async function mediaFilesSize(mediaKey: string): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`coalesce(sum(${mediaFiles.size}), 0)` })
    .from(mediaFiles)
    .where(eq(mediaFiles.mediaKey, mediaKey));
  return Number(row?.n ?? 0);
}

/** Every stored photo key, with the time its renditions were written. */
export async function listMediaFileKeys(): Promise<{ key: string; storedAt: number }[]> {
  const rows = await db()
    .select({ key: mediaFiles.mediaKey, storedAt: sql<number>`max(${mediaFiles.createdAt})` })
    .from(mediaFiles)
    .groupBy(mediaFiles.mediaKey);
  return rows.map((r) => ({ key: r.key, storedAt: Number(r.storedAt) }));
}
