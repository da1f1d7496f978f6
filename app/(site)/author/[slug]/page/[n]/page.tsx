import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { AuthorListing, authorPageHref, loadAuthor } from '@/components/article/author-listing';
import { parsePageNumber } from '@/lib/format';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const author = loadAuthor(slug);
  const page = parsePageNumber(n);
  if (!author || !page) return {};
  return { title: `${author.name}, page ${page}`, alternates: { canonical: authorPageHref(author.slug, page) } };
}

export default async function AuthorPageN({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  if (!page) notFound();
  if (page === 1) permanentRedirect(authorPageHref(slug, 1));
  return <AuthorListing slug={slug} page={page} />;
}
