import type { Metadata } from 'next';
import { AuthorListing, loadAuthor } from '@/components/article/author-listing';
import { authorPath } from '@/lib/domain/routes';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = loadAuthor((await params).slug);
  if (!author) return {};
  return {
    title: author.name,
    description: author.bio || `Stories by ${author.name}.`,
    alternates: { canonical: authorPath(author.slug) },
  };
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
