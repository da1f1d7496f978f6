import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MoodRanking, moodRankingMetadata } from '@/components/mood/mood-ranking';
import { MOOD_WINDOWS, type MoodWindow } from '@/db/queries/mood-rankings';
import { moodFromSlug } from '@/lib/domain/moods';

// One mood, one period, all sections: what /moods/<mood>?window=<window> shows (next.config.ts
// rewrites to it). Cached; votes expire it within seconds (lib/votes/revalidate-story.ts), and the period
// moves on with the hour through this time-based fall-back (decision 015).
export const revalidate = 60;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ mood: string; window: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mood = moodFromSlug((await params).mood);
  return mood ? moodRankingMetadata(mood) : {};
}

export default async function MoodRankingWindowPage({ params }: Props) {
  const { mood: moodSlug, window } = await params;
  const mood = moodFromSlug(moodSlug);
  if (!mood || !Object.hasOwn(MOOD_WINDOWS, window)) notFound();
  return <MoodRanking mood={mood} window={window as MoodWindow} sectionSlug="" />;
}
