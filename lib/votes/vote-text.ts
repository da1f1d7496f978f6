// The words of the mood vote, in one place for the server-rendered form (components/mood) and the
// script that updates it in place (lib/votes/vote-in-place.ts). No imports beyond the mood list: both
// sides bundle it.
import { MOOD_LABELS, MOODS, percentages, sumTallies } from '@/lib/domain/moods';
import type { MoodChoice } from '@/lib/votes/choice';

// Made on first use: building an Intl formatter costs a phone tens of milliseconds, and most pages
// that load the reader script never show a count.
let numbers: Intl.NumberFormat | undefined;

export const votesText = (n: number) =>
  `${(numbers ??= new Intl.NumberFormat('en-GB')).format(n)} ${n === 1 ? 'vote' : 'votes'}`;

/**
 * "25% · 3 votes": a mood button's description. Nothing while the story has no vote at all: eight
 * "0%" read as a result, not as an invitation to vote.
 */
export const moodStatsText = (percent: number, votes: number, total: number) =>
  total === 0 ? '' : `${percent}% · ${votesText(votes)}`;

export const VOTING_CLOSED = 'Voting is closed for this story.';
export const VOTE_PENDING = 'Saving your vote…';

/**
 * The line under the buttons, in pieces: the total, then either the closed notice (strong), the
 * reader's own choice (strong, between two plain parts) or the invitation to vote.
 */
export function voteStatus(
  s: MoodChoice,
  closed: boolean,
): { total: string; before: string; strong?: string; after?: string } {
  const n = sumTallies(s.tallies);
  const total = n === 0 ? 'No votes yet.' : `${votesText(n)} in all.`;
  if (closed) return { total, before: '', strong: VOTING_CLOSED, after: '' };
  if (n === 0) return { total, before: 'Be the first to say how it made you feel: choose a mood.' };
  if (s.mine)
    return {
      total,
      before: 'You chose ',
      strong: MOOD_LABELS[s.mine],
      after: '. Choose it again to take your vote back.',
    };
  return { total, before: 'Choose the mood closest to yours; choose it again to take your vote back.' };
}

/** What a screen reader hears after a vote is saved. */
export function voteAnnouncement(s: MoodChoice): string {
  const total = sumTallies(s.tallies);
  const pct = percentages(s.tallies);
  const parts = MOODS.filter((m) => s.tallies[m] > 0).map((m) => `${MOOD_LABELS[m]} ${pct[m]}%`);
  const lead = s.mine ? `Vote saved: ${MOOD_LABELS[s.mine]}.` : 'Your vote is taken back.';
  return total === 0 ? `${lead} No votes yet.` : `${lead} Now ${parts.join(', ')}, of ${votesText(total)}.`;
}
