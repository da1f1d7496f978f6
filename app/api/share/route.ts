// Shares that never leave the page (the WeChat QR code, copy link, the phone's share sheet) are
// reported here by the page's script: POST {"slug", "network"} → 204, counted like a share link;
// 429 over SHARE_LIMIT_PER_MINUTE per client address, 503 when the database cannot take the count.
import { z } from 'zod';
import { recordedWriteFailure } from '@/db/queries/health';
import { recordShareClick, type ShareCount } from '@/db/queries/shares';
import { crossSiteProblem } from '@/lib/auth/origin';
import { REPORTED_NETWORKS } from '@/lib/domain/share-networks';
import { SLUG_PATTERN } from '@/lib/domain/slug';
import { clientAddressHash } from '@/lib/votes/client-address';
import { voteSettings } from '@/lib/votes/settings';

const reportSchema = z.object({
  slug: z.string().max(200).regex(SLUG_PATTERN, 'Not a story address.'),
  network: z.enum(REPORTED_NETWORKS, 'Unknown way of sharing.'),
});

const MAX_BODY_BYTES = 1024;

type ErrorBody = { ok: false; message: string; errors?: Record<string, string[]> };

function fail(status: number, message: string, errors?: Record<string, string[]>, retryAfterSeconds?: number) {
  const body: ErrorBody = { ok: false, message, ...(errors ? { errors } : {}) };
  return Response.json(body, {
    status,
    headers: {
      'Cache-Control': 'no-store',
      ...(retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : {}),
    },
  });
}

/**
 * Only our own pages may report, so only a same-origin request counts: browsers send an Origin with
 * every POST (compared as for every write, lib/auth/origin.ts) and say where a request comes from
 * (Sec-Fetch-Site); a JSON body also forces a CORS preflight on other sites, which we never answer.
 */
function fromOurPages(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  return crossSiteProblem(request.headers) === undefined;
}

export async function POST(request: Request) {
  if (!fromOurPages(request)) return fail(403, 'Shares can only be reported from this site.');
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) return fail(415, 'Send JSON.');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return fail(413, 'Too large.');
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return fail(413, 'Too large.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(400, 'Not valid JSON.');
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success)
    return fail(400, 'Check the story and the way of sharing.', z.flattenError(parsed.error).fieldErrors);
  let result: ShareCount | undefined;
  try {
    result = await recordShareClick(parsed.data.slug, parsed.data.network, {
      ipHash: clientAddressHash(request.headers),
      perIpPerMinute: voteSettings().sharePerIpPerMinute,
    });
  } catch (error) {
    const kind = recordedWriteFailure(error);
    return fail(503, 'Shares cannot be counted right now.', undefined, kind === 'busy' ? 1 : 60);
  }
  if (!result) return fail(404, 'No such story.');
  if (!result.counted)
    return fail(
      429,
      `Too many shares from your network in the last minute. Please wait ${result.retryAfterSeconds} seconds.`,
      undefined,
      result.retryAfterSeconds,
    );
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
