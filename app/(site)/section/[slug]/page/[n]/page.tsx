import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { SectionListing, sectionPageHref } from '@/components/article/section-listing';
import { getSectionBySlug } from '@/db/queries/sections';
import { getSiteSettings } from '@/db/queries/site';
import { parsePageNumber } from '@/lib/format';
import { sectionImagePath } from '@/lib/domain/routes';
import { pageMetadata } from '@/lib/seo';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const section = getSectionBySlug(slug);
  const page = parsePageNumber(n);
  if (!section || !page) return {};
  const site = getSiteSettings();
  return pageMetadata({
    site,
    title: `${section.name}, page ${page}`,
    description: section.description || `The latest ${section.name} stories from ${site.siteName}.`,
    path: sectionPageHref(section.slug, page),
    imagePath: sectionImagePath(section.slug),
    section,
  });
}

export default async function SectionPageN({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  if (!page) notFound();
  if (page === 1) permanentRedirect(sectionPageHref(slug, 1));
  return <SectionListing slug={slug} page={page} />;
}
