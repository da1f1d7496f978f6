// Burst and spike detection on plain numbers, shared by the moderation queries and their tests.

/**
 * Bursts in one address's votes on one story: maximal runs of votes in which every vote lies in some
 * span of `windowMs` holding at least `minVotes` of them. `times` must be sorted. Returns index
 * ranges [start, end] (inclusive). Votes spread evenly, however many, never form a burst unless
 * `minVotes` of them fall inside one window.
 */
export function findBursts(
  times: readonly number[],
  minVotes: number,
  windowMs: number,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let j = 0;
  let current: { start: number; end: number } | undefined;
  for (let i = 0; i < times.length; i++) {
    if (j < i) j = i;
    while (j + 1 < times.length && times[j + 1]! - times[i]! <= windowMs) j++;
    if (j - i + 1 < minVotes) continue;
    // votes i..j share one window: join them to the current burst when they overlap it
    if (current && i <= current.end) current.end = Math.max(current.end, j);
    else {
      current = { start: i, end: j };
      out.push(current);
    }
  }
  return out;
}

/**
 * Whether an hour's `votes` are a spike against the story's usual rate: at least `minVotes`, and at
 * least `factor` times the average of the story's other live hours in the lookback
 * (`otherVotes` / `otherHours`; no other hour means a usual rate of zero).
 */
export function isSpike(
  votes: number,
  otherVotes: number,
  otherHours: number,
  minVotes: number,
  factor: number,
): boolean {
  if (votes < minVotes) return false;
  const usual = otherHours > 0 ? otherVotes / otherHours : 0;
  return votes >= factor * usual;
}
