// Uploaded photos live in the media store (lib/media/store.ts: PostgreSQL rows, so that every server
// has them, or files in the data folder on SQLite), not in public/ (Next serves only what public/ held
// at build time). Keys are random and renditions never change, so they are cached for a year.
import { IMAGE_WIDTHS } from '@/lib/image-loader';
import { MEDIA_KEY_PATTERN, mediaStore } from '@/lib/media/store';

const FILE_PATTERN = new RegExp(`^(${IMAGE_WIDTHS.join('|')})\\.webp$`);

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  if (!MEDIA_KEY_PATTERN.test(key) || !FILE_PATTERN.test(file)) return notFound();
  const found = await mediaStore().read(key, file);
  if (!found) return notFound();
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      'Content-Type': found.contentType,
      'Content-Length': String(found.bytes.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
