import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { loadTag, TagListing, tagPageHref } from '@/components/article/tag-listing';
import { parsePageNumber } from '@/lib/format';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const tag = loadTag(slug);
  const page = parsePageNumber(n);
  if (!tag || !page) return {};
  return { title: `${tag.name}, page ${page}`, alternates: { canonical: tagPageHref(tag.slug, page) } };
}

export default async function TagPageN({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  if (!page) notFound();
  if (page === 1) permanentRedirect(tagPageHref(slug, 1));
  return <TagListing slug={slug} page={page} />;
}
