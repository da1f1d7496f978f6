import type { Metadata } from 'next';
import { SectionListing } from '@/components/article/section-listing';
import { getSectionBySlug } from '@/db/queries/sections';
import { sectionPath } from '@/lib/routes';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = getSectionBySlug((await params).slug);
  if (!section) return {};
  return { title: section.name, description: section.description, alternates: { canonical: sectionPath(section.slug) } };
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing slug={(await params).slug} page={1} />;
}
