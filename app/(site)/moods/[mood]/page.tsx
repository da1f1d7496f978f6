import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MoodRanking, moodRankingMetadata } from '@/components/mood/mood-ranking';
import { listSections } from '@/db/queries/sections';
import { readRankingQuery } from '@/lib/mood-ranking-query';
import { moodFromSlug } from '@/lib/domain/moods';

// Reached only with a query the rewrites in next.config.ts do not understand (every other request
// goes to the cached page for its period and section): rendered per request, with a message for each
// value it could not use.
export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ mood: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mood = moodFromSlug((await params).mood);
  return mood ? moodRankingMetadata(mood) : {};
}

export default async function MoodRankingPage({ params, searchParams }: Props) {
  const mood = moodFromSlug((await params).mood);
  if (!mood) notFound();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  const all = await listSections();
  const { choice, problems } = readRankingQuery(query, (slug) => all.some((s) => s.slug === slug));
  return <MoodRanking mood={mood} window={choice.window} sectionSlug={choice.sectionSlug} problems={problems} />;
}
