// Uploaded photos live in the data folder, not public/ (Next serves only what public/ held at build
// time). Keys are random and files never change, so they are cached for a year.
import fs from 'node:fs/promises';
import path from 'node:path';
import { IMAGE_WIDTHS } from '@/lib/image-loader';
import { MEDIA_KEY_PATTERN, mediaRoot } from '@/lib/media/upload';

const FILE_PATTERN = new RegExp(`^(${IMAGE_WIDTHS.join('|')})\\.webp$`);

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  if (!MEDIA_KEY_PATTERN.test(key) || !FILE_PATTERN.test(file)) return notFound();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(mediaRoot(), key, file));
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(bytes.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
