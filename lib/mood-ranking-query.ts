// What a mood ranking page is asked for: /moods/<mood>?window=day|week|month&section=<slug>. The
// rewrites in next.config.ts send a well-formed query to the cached page for that period and section
// (/moods/<mood>/in/<window>[/<section>]); anything else reaches the per-request page, which reads it
// here and shows what it did not understand (decision 015).
import { z } from 'zod';
import { MOOD_WINDOWS, type MoodWindow } from '@/db/queries/mood-rankings';

export const DEFAULT_MOOD_WINDOW: MoodWindow = 'week';

const windowSchema = z.enum(Object.keys(MOOD_WINDOWS) as [MoodWindow, ...MoodWindow[]]);
const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

export type RankingChoice = { window: MoodWindow; sectionSlug: string };

/**
 * The period and section a query asks for, with a message for each value that is not understood
 * (that value then falls back to the default). `sectionExists` is asked only about well-formed slugs.
 */
export function readRankingQuery(
  query: URLSearchParams,
  sectionExists: (slug: string) => boolean,
): { choice: RankingChoice; problems: string[] } {
  const problems: string[] = [];
  const choice: RankingChoice = { window: DEFAULT_MOOD_WINDOW, sectionSlug: '' };

  const windows = query.getAll('window');
  const rawWindow = windows.length === 1 ? windows[0]! : windows.length > 1 ? windows.join(',') : '';
  if (rawWindow !== '') {
    const parsed = windows.length === 1 ? windowSchema.safeParse(rawWindow) : undefined;
    if (parsed?.success) choice.window = parsed.data;
    else
      problems.push(
        `There is no time period called “${rawWindow}”; choose the last 24 hours, 7 days or 30 days. ` +
          'Showing the last 7 days.',
      );
  }

  const sections = query.getAll('section');
  const rawSection = sections.length === 1 ? sections[0]! : sections.length > 1 ? sections.join(',') : '';
  if (rawSection !== '') {
    if (sections.length === 1 && slugSchema.safeParse(rawSection).success && sectionExists(rawSection))
      choice.sectionSlug = rawSection;
    else problems.push(unknownSectionMessage(rawSection));
  }
  return { choice, problems };
}

export const unknownSectionMessage = (section: string) =>
  `There is no section called “${section}”. Showing all sections.`;
