// The story for a reader who has voted on it: proxy.ts rewrites /news/<slug> here when the reader's
// hint cookie names this story. Rendered per request so it can mark the reader's own choice; never
// indexed, and its canonical URL stays /news/<slug>. See docs/decisions/002-mood-vote-freshness.md.
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { READER_COOKIE, verifyReaderCookie } from '@/lib/votes/reader-cookie';
import ArticlePage, { generateMetadata as articleMetadata } from '../page';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { ...(await articleMetadata(props)), robots: { index: false, follow: true } };
}

export default async function ArticleWithReaderVote({ params }: Props) {
  const readerId = verifyReaderCookie((await cookies()).get(READER_COOKIE)?.value);
  return <ArticlePage params={params} readerId={readerId} />;
}
