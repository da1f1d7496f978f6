// A share link: counts the click (story, network, UTC day) and sends the reader on to the network's
// share page. The target comes only from lib/share/share-urls.ts; query strings are never read.
import { z } from 'zod';
import { getSiteSettings } from '@/db/queries/site';
import { recordedWriteFailure } from '@/db/queries/health';
import { getShareTarget, recordShareClick, type ShareTarget } from '@/db/queries/shares';
import { absoluteUrl, articlePath } from '@/lib/domain/routes';
import { LINK_NETWORKS, type LinkNetwork } from '@/lib/domain/share-networks';
import { buildShareUrl } from '@/lib/share/share-urls';
import { SLUG_PATTERN } from '@/lib/domain/slug';
import { clientAddressHash } from '@/lib/votes/client-address';
import { voteSettings } from '@/lib/votes/settings';

const paramsSchema = z.object({
  network: z.enum(LINK_NETWORKS),
  slug: z.string().max(200).regex(SLUG_PATTERN),
});

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' };

function notFound() {
  return new Response('No such story or network to share.\n', {
    status: 404,
    headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function redirectTo(network: LinkNetwork, target: ShareTarget) {
  const location = buildShareUrl(network, {
    url: absoluteUrl(articlePath(target.slug)),
    title: target.title,
    summary: target.standfirst,
    siteName: (await getSiteSettings()).siteName,
  });
  return new Response(null, { status: 302, headers: { ...NO_STORE, Location: location } });
}

/**
 * Whether this request is a reader following the link: from one of our pages (`same-origin`), or
 * opened by the reader themselves (`none`: the address bar, a bookmark, another app; no site can make
 * a browser send that). Browsers say how a request was made: a share link loaded by another site as
 * an image, a script or a frame, fetched by a script, opened from another site, or fetched ahead of
 * time (prefetch, prerender) is not a share. It still gets its redirect; only the count is skipped.
 * Browsers that send no fetch metadata (old ones, link checkers) are counted, within the per-address
 * limit.
 */
function isReaderShare(headers: Pick<Headers, 'get'>): boolean {
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`;
  if (/prefetch|prerender/i.test(purpose)) return false;
  const dest = headers.get('sec-fetch-dest');
  if (dest && dest !== 'document') return false;
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  return true;
}

export async function GET(request: Request, { params }: RouteContext<'/share/[network]/[slug]'>) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return notFound();
  const { slug, network } = parsed.data;
  let target: ShareTarget | undefined;
  try {
    // Over the per-address limit the click is not counted, but the reader still gets where they
    // were going: a share link never punishes a person for a crowd behind one address.
    target = isReaderShare(request.headers)
      ? (
          await recordShareClick(slug, network, {
            ipHash: clientAddressHash(request.headers),
            perIpPerMinute: voteSettings().sharePerIpPerMinute,
          })
        )?.target
      : await getShareTarget(slug);
  } catch (error) {
    // Degraded database (full, read-only, locked): the share goes on, uncounted.
    recordedWriteFailure(error);
    target = await getShareTarget(slug);
  }
  return target ? redirectTo(network, target) : notFound();
}

/** Link checkers ask with HEAD: same answer, nothing counted. */
export async function HEAD(_request: Request, { params }: RouteContext<'/share/[network]/[slug]'>) {
  const parsed = paramsSchema.safeParse(await params);
  const target = parsed.success ? await getShareTarget(parsed.data.slug) : undefined;
  return parsed.success && target ? redirectTo(parsed.data.network, target) : notFound();
}
