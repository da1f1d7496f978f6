// The story's share image (og:image, twitter:image). Cached like the story page itself.
import { getPublicArticleBySlug } from '@/db/queries/articles';
import { getSiteSettings } from '@/db/queries/site';
import { renderShareCard } from '@/lib/og/share-card';
import { siteUrl } from '@/lib/domain/routes';
import { SLUG_PATTERN } from '@/lib/domain/slug';

export const revalidate = 300;
export const generateStaticParams = async () => [];

export async function GET(_request: Request, { params }: RouteContext<'/news/[slug]/og.png'>) {
  const { slug } = await params;
  const article = SLUG_PATTERN.test(slug) ? await getPublicArticleBySlug(slug) : undefined;
  if (!article)
    return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return renderShareCard({
    kicker: article.sectionName,
    headline: article.title,
    siteName: (await getSiteSettings()).siteName,
    host: new URL(siteUrl()).host,
  });
}
