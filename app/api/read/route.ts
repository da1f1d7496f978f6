// A read of a story (decision 042). With JavaScript, /reader.js posts `story=<id>` once the page is
// shown; without it, the page's <noscript> image asks GET /api/read?story=<id>. Either way the read is
// counted in memory (lib/reads/counter.ts), never written here, and the answer says nothing about it:
// prefetches, bots, other sites and repeats get the same answer as a counted read.
import { z } from 'zod';
import { crossSiteProblem } from '@/lib/auth/origin';
import { countRead, isCountableStory } from '@/lib/reads/counter';
import { notAReader } from '@/lib/reads/read-request';
import { clientAddressHash } from '@/lib/votes/client-address';

export const dynamic = 'force-dynamic';

const storySchema = z.coerce.number().int().positive().max(2_147_483_647);
const MAX_BODY_BYTES = 256;

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' };
// A transparent 1×1 GIF: what the image asked for, so no browser shows a broken image.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function fail(status: number, message: string) {
  return new Response(`${message}\n`, {
    status,
    headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Counts the read when it is one; unknown and unpublished stories are a 404. */
async function record(request: Request, story: string | null): Promise<Response | undefined> {
  const parsed = storySchema.safeParse(story ?? '');
  if (!parsed.success || !/^\d{1,10}$/.test(story ?? '')) return fail(400, 'Say which story was read: story=<number>.');
  try {
    if (!(await isCountableStory(parsed.data))) return fail(404, 'No such story.');
    if (notAReader(request.headers) === undefined)
      countRead(parsed.data, { addressHash: clientAddressHash(request.headers) });
  } catch (error) {
    // A database that cannot answer costs a read, never the page that reported it.
    console.error('[moodwire] read not counted:', error instanceof Error ? error.message : error);
  }
  return undefined;
}

export async function GET(request: Request) {
  const failed = await record(request, new URL(request.url).searchParams.get('story'));
  return (
    failed ??
    new Response(new Uint8Array(PIXEL), {
      status: 200,
      headers: { ...NO_STORE, 'Content-Type': 'image/gif', 'Content-Length': String(PIXEL.length) },
    })
  );
}

/** Link checkers ask with HEAD: the same headers, nothing counted. */
export async function HEAD(request: Request) {
  const parsed = storySchema.safeParse(new URL(request.url).searchParams.get('story') ?? '');
  if (!parsed.success) return fail(400, 'Say which story was read: story=<number>.');
  return new Response(null, {
    status: 200,
    headers: { ...NO_STORE, 'Content-Type': 'image/gif', 'Content-Length': String(PIXEL.length) },
  });
}

export async function POST(request: Request) {
  if (crossSiteProblem(request.headers)) return fail(403, 'Reads can only be reported from this site.');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return fail(413, 'Too large.');
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return fail(413, 'Too large.');
  const failed = await record(request, new URLSearchParams(text).get('story'));
  return failed ?? new Response(null, { status: 204, headers: NO_STORE });
}
