import type { Metadata } from 'next';
import { loadTag, TagListing } from '@/components/article/tag-listing';
import { getSiteSettings } from '@/db/queries/site';
import { tagPath } from '@/lib/domain/routes';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = loadTag((await params).slug);
  if (!tag) return {};
  return {
    title: tag.name,
    description: `${tag.total === 1 ? 'One story' : `${tag.total} stories`} about ${tag.name} from ${getSiteSettings().siteName}.`,
    alternates: { canonical: tagPath(tag.slug) },
  };
}

export default async function TagPage({ params }: Props) {
  return <TagListing slug={(await params).slug} page={1} />;
}
