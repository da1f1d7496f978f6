// Hero photo uploads: the type comes from the file's first bytes (never its name or the browser's
// claim), sharp decodes it with a pixel limit and writes WebP renditions at the loader's fixed widths
// under <data folder>/media/<key>/<width>.webp, served by app/media/[key]/[file]/route.ts.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { dataDir } from '@/lib/data-dir';
import { IMAGE_WIDTHS } from '@/lib/image-loader';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MEDIA_KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;
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

export const mediaRoot = () => path.join(/*turbopackIgnore: true*/ dataDir(), 'media');

export type ProcessedImage = {
  key: string;
  width: number;
  height: number;
  variants: { width: number; path: string }[];
  path: string;
};

/** Throws UploadError with a message for the person uploading when the file is not a usable photo. */
export class UploadError extends Error {}

export async function processHeroUpload(bytes: Uint8Array): Promise<ProcessedImage> {
  if (bytes.length === 0) throw new UploadError('Choose a photo to upload.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadError('The photo is larger than 5 MB. Export a smaller one.');
  const type = sniffImageType(bytes);
  if (!type) throw new UploadError('This file is not a JPEG, PNG or WebP photo.');
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new UploadError('The photo could not be read; the file may be damaged or too large in pixels.');
  }
  const expected = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' }[type];
  if (meta.format !== expected) throw new UploadError('The file’s contents do not match a JPEG, PNG or WebP photo.');
  // EXIF orientation 5–8 swaps width and height once the photo is turned upright.
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = (swapped ? meta.height : meta.width) ?? 0;
  const height = (swapped ? meta.width : meta.height) ?? 0;
  if (width < MIN_WIDTH || height < 100)
    throw new UploadError(`The photo is too small: it should be at least ${MIN_WIDTH} pixels wide.`);

  const key = crypto.randomBytes(16).toString('base64url');
  const dir = path.join(mediaRoot(), key);
  await fs.mkdir(dir, { recursive: true });
  try {
    const variants: ProcessedImage['variants'] = [];
    let largest = { width, height };
    for (const slot of IMAGE_WIDTHS) {
      // Never enlarged: a 1000-pixel photo fills the 1280 and 1600 slots at its own size, so every
      // URL the image loader may ask for exists.
      const info = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width: slot, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toFile(path.join(dir, `${slot}.webp`));
      variants.push({ width: info.width, path: `/media/${key}/${slot}.webp` });
      largest = { width: info.width, height: info.height };
    }
    return {
      key,
      width: largest.width,
      height: largest.height,
      variants,
      path: `/media/${key}/${IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]}.webp`,
    };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error instanceof UploadError
      ? error
      : new UploadError('The photo could not be converted. Try exporting it again as JPEG.');
  }
}

export async function deleteProcessedImage(key: string): Promise<void> {
  if (MEDIA_KEY_PATTERN.test(key)) await fs.rm(path.join(mediaRoot(), key), { recursive: true, force: true });
}
