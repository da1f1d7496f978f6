import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MoodRanking, moodRankingMetadata } from '@/components/mood/mood-ranking';
import { MOOD_WINDOWS, type MoodWindow } from '@/db/queries/mood-rankings';
import { getSectionBySlug } from '@/db/queries/sections';
import { doNotStoreMetadata } from '@/lib/cache-marks';
import { unknownSectionMessage } from '@/lib/mood-ranking-query';
import { moodFromSlug } from '@/lib/domain/moods';

// One mood, one period, one section tree: what /moods/<mood>?window=<window>&section=<section> shows
// (next.config.ts rewrites to it). Cached like the all-sections page (decision 015).
export const revalidate = 60;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ mood: string; window: string; section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { mood: moodSlug, section } = await params;
  const mood = moodFromSlug(moodSlug);
  if (!mood) return {};
  // Any slug-shaped section reaches this page: an unknown one is answered, never kept (decision 018).
  return (await getSectionBySlug(section))
    ? moodRankingMetadata(mood)
    : { ...moodRankingMetadata(mood), ...doNotStoreMetadata };
}

export default async function MoodRankingSectionPage({ params }: Props) {
  const { mood: moodSlug, window, section } = await params;
  const mood = moodFromSlug(moodSlug);
  if (!mood || !Object.hasOwn(MOOD_WINDOWS, window)) notFound();
  // A well-formed slug of no section (an old link, a typo) gets all sections and a word about it.
  if (!(await getSectionBySlug(section)))
    return (
      <MoodRanking
        mood={mood}
        window={window as MoodWindow}
        sectionSlug=""
        problems={[unknownSectionMessage(section)]}
      />
    );
  return <MoodRanking mood={mood} window={window as MoodWindow} sectionSlug={section} />;
}
