// Uploaded photos on both engines (decision 055): on PostgreSQL their renditions are media_files rows
// (so every server behind a load balancer serves them), on SQLite files beside the database. Either
// way a reader gets the same renditions with the same headers, and a replaced or deleted photo leaves
// nothing behind.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, transaction } from '@/db/engine';
import { users } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let temp: TestDatabase;
let upload: typeof import('@/lib/media/upload');
let store: typeof import('@/lib/media/store');
let route: typeof import('@/app/media/[key]/[file]/route');
let editor: number;
let storyId: number;

const WIDTHS = ['320.webp', '640.webp', '960.webp', '1280.webp', '1600.webp'];

const picture = (i: number, width = 900, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30 * i, g: 110, b: 70 } } })
    .png()
    .toBuffer()
    .then((b) => new Uint8Array(b));

/** What a reader's browser gets for /media/<key>/<file>. */
const get = (key: string, file: string) =>
  route.GET(new Request(`http://localhost/media/${key}/${file}`), { params: Promise.resolve({ key, file }) });

/** Photos stored, whichever the engine: rows on PostgreSQL, folders on SQLite. */
async function storedKeys(): Promise<Set<string>> {
  return new Set((await store.mediaStore().keys()).map((k) => k.key));
}

const renditionRows = async () => Number((await rows<{ n: number }>(sql`select count(*) as n from media_files`))[0]!.n);

beforeAll(async () => {
  temp = await createTestDatabase({ seed: true });
  upload = await import('@/lib/media/upload');
  store = await import('@/lib/media/store');
  route = await import('@/app/media/[key]/[file]/route');
  const [row] = await transaction((tx) =>
    tx
      .insert(users)
      .values({
        email: 'photo-desk@media.test',
        name: 'Photo desk',
        role: 'editor',
        passwordHash: 'x',
        createdAt: 0,
        updatedAt: 0,
      })
      .returning({ id: users.id }),
  );
  editor = row!.id;
  const [story] = await rows<{ id: number }>(
    sql`select id from articles where status = 'published' order by id limit 1 offset 3`,
  );
  storyId = Number(story!.id);
});
afterAll(async () => temp?.cleanup());

describe('where uploaded photos are stored', () => {
  it('stores the five renditions in PostgreSQL rows, or as files on SQLite, and nowhere else', async () => {
    const image = await upload.processHeroUpload(await picture(1));
    if (temp.kind === 'postgres') {
      expect(store.mediaStore().kind).toBe('database');
      const stored = await rows<{ file: string; content_type: string; size: number; length: number }>(
        sql`select file, content_type, size, length(bytes) as length from media_files where media_key = ${image.key} order by size`,
      );
      expect(stored.map((r) => r.file)).toEqual(WIDTHS);
      for (const r of stored) {
        expect(r.content_type).toBe('image/webp');
        expect(Number(r.size)).toBe(Number(r.length));
      }
      // A server that never saw the upload has nothing on its disk to serve it from.
      expect(fs.existsSync(store.mediaRoot())).toBe(false);
    } else {
      expect(store.mediaStore().kind).toBe('files');
      expect(fs.readdirSync(`${store.mediaRoot()}/${image.key}`).sort()).toEqual([...WIDTHS].sort());
      expect(await renditionRows()).toBe(0);
    }
    await upload.deleteProcessedImage(image.key);
    expect(await storedKeys()).not.toContain(image.key);
  });

  it('serves each rendition with its type, length and a year of immutable caching; anything else is a 404', async () => {
    const image = await upload.processHeroUpload(await picture(2));
    for (const file of WIDTHS) {
      const res = await get(image.key, file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const body = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(body.length);
      expect((await sharp(body).metadata()).format).toBe('webp');
    }
    expect((await get(image.key, '800.webp')).status).toBe(404);
    expect((await get(image.key, '../auth-secret')).status).toBe(404);
    expect((await get('A'.repeat(22), '640.webp')).status).toBe(404);
    expect((await get("x' or 1=1 --", '640.webp')).status).toBe(404);
    await upload.deleteProcessedImage(image.key);
    const gone = await get(image.key, '640.webp');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('keeps the upload limits: over 5 MB, not a photo, too many pixels', async () => {
    const before = await storedKeys();
    await expect(upload.processHeroUpload(new Uint8Array(upload.MAX_UPLOAD_BYTES + 1))).rejects.toThrow(/5 MB/);
    await expect(upload.processHeroUpload(new TextEncoder().encode('<svg/>'))).rejects.toThrow(/not a JPEG/);
    // 8,000 × 6,000 = 48 megapixels, over the 40 allowed, in a small PNG.
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await expect(upload.processHeroUpload(new Uint8Array(bomb))).rejects.toThrow(/too large in pixels/);
    expect(await storedKeys()).toEqual(before);
  });

  it('a photo replaced twice, then removed, leaves nothing stored; the sweep removes what a crash left', async () => {
    const { attachHeroImage, listUploadedMediaPaths } = await import('@/db/queries/media');
    const { setStoryHero } = await import('@/db/queries/admin-stories');
    const before = await storedKeys();
    const added = async () => [...(await storedKeys())].filter((k) => !before.has(k));
    const served: string[] = [];
    for (let i = 0; i < 3; i++) {
      const image = await upload.processHeroUpload(await picture(i, 800, 500));
      const result = await attachHeroImage(editor, storyId, { ...image, alt: `Photo ${i}`, caption: '', credit: '' });
      await upload.deleteReplacedImage(result === 'refused' ? undefined : result?.replacedPath);
      expect(await added()).toEqual([image.key]);
      served.push(image.key);
    }
    expect((await get(served[0]!, '640.webp')).status).toBe(404);
    expect((await get(served[1]!, '640.webp')).status).toBe(404);
    expect((await get(served[2]!, '640.webp')).status).toBe(200);

    const removed = await setStoryHero(editor, storyId, null, {});
    await upload.deleteReplacedImage(removed === 'refused' ? undefined : removed?.replacedPath);
    expect(await added()).toEqual([]);
    expect((await get(served[2]!, '640.webp')).status).toBe(404);

    // Renditions no media row names (a crash between processing and saving) go once an hour old.
    const orphan = await upload.processHeroUpload(await picture(4, 800, 500));
    expect(await upload.sweepOrphanMedia(await listUploadedMediaPaths())).toBe(0);
    expect(await storedKeys()).toContain(orphan.key);
    expect(await upload.sweepOrphanMedia(await listUploadedMediaPaths(), Date.now() + 3600_000 + 1000)).toBe(1);
    expect(await storedKeys()).not.toContain(orphan.key);
  });

  it('deleting a photo from the library deletes its renditions; the library reports their size', async () => {
    const { addLibraryPhoto, deleteLibraryPhoto } = await import('@/db/queries/body-photos');
    const image = await upload.processHeroUpload(await picture(5));
    const id = await addLibraryPhoto(editor, image, { alt: 'Quay', caption: '', credit: '' });
    const size = await upload.mediaStoredBytes(image.path);
    expect(size).toBeGreaterThan(1000);
    if (temp.kind === 'postgres')
      expect(size).toBe(
        Number(
          (await rows<{ n: number }>(sql`select sum(size) as n from media_files where media_key = ${image.key}`))[0]!.n,
        ),
      );
    const result = await deleteLibraryPhoto(editor, id, false);
    expect(result.ok).toBe(true);
    if (result.ok) await upload.deleteReplacedImage(result.path);
    expect(await storedKeys()).not.toContain(image.key);
    expect(await upload.mediaStoredBytes(image.path)).toBe(0);
    if (temp.kind === 'postgres')
      expect(
        await rows(sql`select file from media_files where media_key = ${image.key}`),
        'rows of the deleted photo',
      ).toEqual([]);
  });
});
