import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { SectionListing, sectionPageHref } from '@/components/article/section-listing';
import { getSectionBySlug } from '@/db/queries/sections';
import { parsePageNumber } from '@/lib/format';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const section = getSectionBySlug(slug);
  const page = parsePageNumber(n);
  if (!section || !page) return {};
  return { title: `${section.name}, page ${page}`, alternates: { canonical: sectionPageHref(section.slug, page) } };
}

export default async function SectionPageN({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  if (!page) notFound();
  if (page === 1) permanentRedirect(sectionPageHref(slug, 1));
  return <SectionListing slug={slug} page={page} />;
}
