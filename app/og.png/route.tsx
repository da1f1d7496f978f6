// The site's share image, for the home page and pages without their own.
import { getSiteSettings } from '@/db/queries/site';
import { renderShareCard } from '@/lib/og/share-card';
import { siteUrl } from '@/lib/domain/routes';

export const revalidate = 300;

export async function GET() {
  const site = await getSiteSettings();
  return renderShareCard({
    kicker: 'Latest news',
    headline: site.tagline || site.siteName,
    siteName: site.siteName,
    host: new URL(siteUrl()).host,
  });
}
