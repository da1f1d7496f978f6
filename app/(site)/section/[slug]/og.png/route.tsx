// A section's share image.
import { getSectionBySlug } from '@/db/queries/sections';
import { getSiteSettings } from '@/db/queries/site';
import { renderShareCard } from '@/lib/og/share-card';
import { siteUrl } from '@/lib/domain/routes';

export const revalidate = 300;
export const generateStaticParams = async () => [];

export async function GET(_request: Request, { params }: RouteContext<'/section/[slug]/og.png'>) {
  const section = await getSectionBySlug((await params).slug);
  if (!section)
    return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const site = await getSiteSettings();
  return renderShareCard({
    kicker: site.siteName,
    headline: section.description ? `${section.name}: ${section.description}` : section.name,
    siteName: site.siteName,
    host: new URL(siteUrl()).host,
  });
}
