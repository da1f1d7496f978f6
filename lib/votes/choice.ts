// What choosing a mood does to a story's counts, as the server does it. The reader script applies it
// at once (optimistic), the server's answer then replaces it.
import type { Mood, Tallies } from '@/lib/domain/moods';

export type MoodChoice = { tallies: Tallies; mine: Mood | null };

/** What choosing `mood` does, as the server does it: vote, move the vote, or take it back. */
export function applyChoice(s: MoodChoice, mood: Mood): MoodChoice {
  const tallies = { ...s.tallies };
  if (s.mine === mood) {
    tallies[mood] = Math.max(0, tallies[mood] - 1);
    return { tallies, mine: null };
  }
  if (s.mine) tallies[s.mine] = Math.max(0, tallies[s.mine] - 1);
  tallies[mood] += 1;
  return { tallies, mine: mood };
}
