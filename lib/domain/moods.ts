// The eight moods: their order, labels, the words the rankings use, and the arithmetic of a story's
// counts. A leaf of the domain (lib/domain/): it imports nothing of ours, so db/schema.ts (the
// column's CHECK), the queries, the server pages and the reader script all take the list from here.

export const MOODS = ['touched', 'sympathetic', 'bored', 'angry', 'amused', 'sad', 'happy', 'no_comment'] as const;
export type Mood = (typeof MOODS)[number];

export const MOOD_LABELS: Record<Mood, string> = {
  touched: 'Touched',
  sympathetic: 'Sympathetic',
  bored: 'Bored',
  angry: 'Angry',
  amused: 'Amused',
  sad: 'Sad',
  happy: 'Happy',
  no_comment: 'No comment',
};

/**
 * The words a front page prints above a story for each mood: the home panel's kickers and the rankings'
 * headings ("Most infuriating stories", "Saddest stories"). Adjectives about the story, never nouns
 * ("Most sympathy") or words no editor would print ("Most angering"). Issue 20 §5.
 */
export const MOOD_SUPERLATIVES: Record<Mood, string> = {
  touched: 'Most touching',
  sympathetic: 'Most poignant',
  bored: 'Least gripping',
  angry: 'Most infuriating',
  amused: 'Funniest',
  sad: 'Saddest',
  happy: 'Most uplifting',
  no_comment: 'Most “no comment”',
};

export const isMood = (value: unknown): value is Mood =>
  typeof value === 'string' && (MOODS as readonly string[]).includes(value);

/** The mood named by a URL segment (`no-comment` for no_comment), or undefined. */
export function moodFromSlug(segment: string): Mood | undefined {
  const mood = segment.replace('-', '_');
  return segment.includes('_') ? undefined : isMood(mood) ? mood : undefined;
}

export type Tallies = Record<Mood, number>;

/** The counts of one story, and the reader's own choice when we know the reader. */
export type VoteSummary = { tallies: Tallies; total: number; mine: Mood | null };

export const emptyTallies = (): Tallies => Object.fromEntries(MOODS.map((m) => [m, 0])) as Tallies;

export const sumTallies = (t: Tallies) => MOODS.reduce((n, m) => n + t[m], 0);

/**
 * Whole-number percentages that add up to exactly 100 (largest remainder), so the eight bars
 * never show 101 % or 99 % in total. All zero when nobody has voted.
 */
export function percentages(t: Tallies): Tallies {
  const total = sumTallies(t);
  const out = emptyTallies();
  if (total === 0) return out;
  const exact = MOODS.map((m) => ({ m, v: (t[m] * 100) / total }));
  let given = 0;
  for (const e of exact) {
    out[e.m] = Math.floor(e.v);
    given += out[e.m];
  }
  const byRemainder = [...exact].sort(
    (a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)) || MOODS.indexOf(a.m) - MOODS.indexOf(b.m),
  );
  for (let i = 0; given < 100 && i < byRemainder.length; i++) {
    const e = byRemainder[i]!;
    if (e.v - Math.floor(e.v) > 0) {
      out[e.m] += 1;
      given += 1;
    }
  }
  return out;
}
