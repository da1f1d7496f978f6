import type { Metadata } from 'next';
import { SectionListing } from '@/components/article/section-listing';
import { getSectionBySlug } from '@/db/queries/sections';
import { getSiteSettings } from '@/db/queries/site';
import { sectionImagePath, sectionPath } from '@/lib/domain/routes';
import { pageMetadata } from '@/lib/seo';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = getSectionBySlug((await params).slug);
  if (!section) return {};
  const site = getSiteSettings();
  return pageMetadata({
    site,
    title: section.name,
    description: section.description || `The latest ${section.name} stories from ${site.siteName}.`,
    path: sectionPath(section.slug),
    imagePath: sectionImagePath(section.slug),
    section,
  });
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing slug={(await params).slug} page={1} />;
}
