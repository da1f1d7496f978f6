// Hero photo uploads: the type comes from the file's first bytes (never its name or the browser's
// claim), sharp decodes it with a pixel limit and makes WebP renditions at the loader's fixed widths,
// stored as <key>/<width>.webp by the media store (lib/media/store.ts: rows on PostgreSQL, files on
// SQLite) and served by app/media/[key]/[file]/route.ts.
import 'server-only';
import crypto from 'node:crypto';
import sharp from 'sharp';
import { IMAGE_WIDTHS } from '@/lib/image-loader';
import { MEDIA_KEY_PATTERN, mediaStore, type MediaFile } from './store';

export { MEDIA_KEY_PATTERN, mediaRoot } from './store';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MIN_WIDTH = 320;
// A 5 MB file can still claim a huge canvas ("decompression bomb"): refuse past 40 megapixels.
const MAX_PIXELS = 40_000_000;

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp';

export function sniffImageType(bytes: Uint8Array): SniffedType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

export type ProcessedImage = {
  key: string;
  width: number;
  height: number;
  variants: { width: number; path: string }[];
  path: string;
};

/** Throws UploadError with a message for the person uploading when the file is not a usable photo. */
export class UploadError extends Error {}

// Decoding a 40-megapixel photo takes over 100 MB, so photos are processed one at a time, in arrival
// order, by every request of this process; a few more wait their turn (each holding its file, 5 MB at
// most), and beyond that an upload is turned away with a message rather than queued without end.
// libvips keeps no cache of past operations (it would hold decoded pixels) and uses one thread per
// operation (the second core stays free for readers). Measured with `npm run bench:uploads`.
export const IMAGE_JOBS_AT_ONCE = 1;
export const IMAGE_JOBS_WAITING_MAX = 8;
sharp.cache(false);
sharp.concurrency(1);

type Queue = { running: number; waiting: (() => void)[]; peak: number };
const queueState = globalThis as unknown as { moodwireImageQueue?: Queue };
const queue = (): Queue => (queueState.moodwireImageQueue ??= { running: 0, waiting: [], peak: 0 });

/** The most image jobs that ever ran at the same moment in this process (for tests and the benchmark). */
export const imageJobsPeak = () => queue().peak;

async function inImageQueue<T>(job: () => Promise<T>): Promise<T> {
  const q = queue();
  if (q.running >= IMAGE_JOBS_AT_ONCE) {
    if (q.waiting.length >= IMAGE_JOBS_WAITING_MAX)
      throw new UploadError('Many photos are being processed right now. Please try again in a minute.');
    await new Promise<void>((resolve) => q.waiting.push(resolve));
  } else {
    q.running++;
  }
  q.peak = Math.max(q.peak, q.running);
  try {
    return await job();
  } finally {
    // Hand the place straight to the next in line, or give it up.
    const next = q.waiting.shift();
    if (next) next();
    else q.running--;
  }
}

/**
 * Everything a photo must pass before it is processed (size, type from its bytes, pixels, width), with
 * the message for the person uploading when it does not; its upright width and height when it does.
 * The import's dry run checks photos with it without writing anything.
 */
export async function checkHeroUpload(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  if (bytes.length === 0) throw new UploadError('Choose a photo to upload.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadError('The photo is larger than 5 MB. Export a smaller one.');
  const type = sniffImageType(bytes);
  if (!type) throw new UploadError('This file is not a JPEG, PNG or WebP photo.');
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    // Reads the header only: cheap, so it runs outside the queue.
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new UploadError('The photo could not be read; the file may be damaged or too large in pixels.');
  }
  const expected = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' }[type];
  if (meta.format !== expected) throw new UploadError('The file’s contents do not match a JPEG, PNG or WebP photo.');
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS)
    throw new UploadError('The photo could not be read; the file may be damaged or too large in pixels.');
  // EXIF orientation 5–8 swaps width and height once the photo is turned upright.
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = (swapped ? meta.height : meta.width) ?? 0;
  const height = (swapped ? meta.width : meta.height) ?? 0;
  if (width < MIN_WIDTH || height < 100)
    throw new UploadError(`The photo is too small: it should be at least ${MIN_WIDTH} pixels wide.`);
  return { width, height };
}

export async function processHeroUpload(bytes: Uint8Array): Promise<ProcessedImage> {
  const { width, height } = await checkHeroUpload(bytes);
  return inImageQueue(async () => {
    const key = crypto.randomBytes(16).toString('base64url');
    const files: MediaFile[] = [];
    const variants: ProcessedImage['variants'] = [];
    let largest = { width, height };
    const largestSlot = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1];
    try {
      // The original is decoded once, turned upright and brought down to the largest width; the
      // smaller widths are made from that (a few MB), not from the original again.
      const base = await sharp(bytes, { limitInputPixels: MAX_PIXELS, sequentialRead: true })
        .rotate()
        .resize({ width: largestSlot, withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true });
      for (const slot of IMAGE_WIDTHS) {
        // Never enlarged: a 1000-pixel photo fills the 1280 and 1600 slots at its own size, so every
        // URL the image loader may ask for exists.
        const { data, info } = await sharp(base.data, { raw: base.info })
          .resize({ width: slot, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        files.push({ file: `${slot}.webp`, contentType: 'image/webp', bytes: data });
        variants.push({ width: info.width, path: `/media/${key}/${slot}.webp` });
        largest = { width: info.width, height: info.height };
      }
    } catch {
      throw new UploadError('The photo could not be converted. Try exporting it again as JPEG.');
    }
    try {
      await mediaStore().save(key, files);
    } catch (error) {
      // A full disk, a database that cannot take writes: the editor is told, nothing is left half-stored.
      console.error('[moodwire] storing a photo failed:', error instanceof Error ? error.message : error);
      throw new UploadError('The photo could not be stored right now. Please try again in a minute.');
    }
    return {
      key,
      width: largest.width,
      height: largest.height,
      variants,
      path: `/media/${key}/${largestSlot}.webp`,
    };
  });
}

/** The media key of an uploaded photo's public path (/media/<key>/<width>.webp), or undefined. */
export function mediaKeyOf(publicPath: string): string | undefined {
  const key = /^\/media\/([A-Za-z0-9_-]{22})\/\d+\.webp$/.exec(publicPath)?.[1];
  return key && MEDIA_KEY_PATTERN.test(key) ? key : undefined;
}

export async function deleteProcessedImage(key: string): Promise<void> {
  if (MEDIA_KEY_PATTERN.test(key)) await mediaStore().remove(key);
}

/** The renditions of a photo no story shows any more (its row went in the transaction that replaced it). */
export async function deleteReplacedImage(replacedPath: string | undefined): Promise<void> {
  const key = replacedPath ? mediaKeyOf(replacedPath) : undefined;
  if (key) await deleteProcessedImage(key);
}

/**
 * Deletes stored photos no media row names, once they are an hour old (a photo being processed or
 * attached right now is younger): what a crash between processing and saving would leave behind.
 */
export async function sweepOrphanMedia(inUse: Iterable<string>, now = Date.now()): Promise<number> {
  const keep = new Set([...inUse].map(mediaKeyOf).filter((k): k is string => k !== undefined));
  let removed = 0;
  for (const { key, storedAt } of await mediaStore().keys()) {
    if (keep.has(key) || now - storedAt < 3600_000) continue;
    await deleteProcessedImage(key);
    removed++;
  }
  return removed;
}

/** Bytes stored for an uploaded photo's renditions (0 when it has none). */
export async function mediaStoredBytes(publicPath: string): Promise<number> {
  const key = mediaKeyOf(publicPath);
  return key ? mediaStore().size(key) : 0;
}
