// The story with one mood marked as the reader’s own: next.config.ts rewrites /news/<slug> here for
// readers whose hint cookie (scoped to the story) says they chose that mood. Cached like the story
// (one copy per mood, shared by everyone who chose it) and expired with it on every vote; never
// indexed, its canonical URL stays /news/<slug>, and a direct visit is redirected to the story.
// See docs/decisions/002-mood-vote-freshness.md.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { moodFromSlug } from '@/lib/domain/moods';
import ArticlePage, { generateMetadata as articleMetadata } from '../../page';

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; mood: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { ...(await articleMetadata(props)), robots: { index: false, follow: true } };
}

export default async function ArticleWithReaderMood({ params }: Props) {
  const mood = moodFromSlug((await params).mood);
  if (!mood) notFound();
  return <ArticlePage params={params} readerMood={mood} />;
}
