import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '@/lib/domain/article-status';
import {
  emptyTallies,
  MOOD_LABELS,
  MOODS,
  moodFromSlug,
  percentages,
  sumTallies,
  type Tallies,
} from '@/lib/domain/moods';
import { ROLES } from '@/lib/domain/roles';
import { moodPath } from '@/lib/domain/routes';
import { applyChoice } from '@/lib/votes/choice';

/** The values a CHECK constraint allows, in its order, as each engine's first migration creates it. */
function checkedValues(constraint: string): string[][] {
  return ['drizzle/sqlite/0000_init.sql', 'drizzle/pg/0000_init.sql'].map((file) => {
    const sql = fs.readFileSync(file, 'utf8');
    const list = new RegExp(`"${constraint}" CHECK ?\\(\\w+ IN \\(([^)]*)\\)\\)`).exec(sql)?.[1] ?? '';
    return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  });
}

const tallies = fc
  .tuple(...MOODS.map(() => fc.integer({ min: 0, max: 100_000 })))
  .map((counts) => Object.fromEntries(MOODS.map((m, i) => [m, counts[i]!])) as Tallies);

describe('moods', () => {
  it('are the database’s eight, in the reference order, with the reference labels', () => {
    for (const constraint of ['votes_mood_check', 'vote_tallies_mood_check'])
      expect(checkedValues(constraint)).toEqual([[...MOODS], [...MOODS]]);
    expect(MOODS.map((m) => MOOD_LABELS[m])).toEqual([
      'Touched',
      'Sympathetic',
      'Bored',
      'Angry',
      'Amused',
      'Sad',
      'Happy',
      'No comment',
    ]);
  });

  it('roles and story statuses are the ones the database allows', () => {
    expect(checkedValues('users_role_check')).toEqual([[...ROLES], [...ROLES]]);
    expect(checkedValues('articles_status_check')).toEqual([[...ARTICLE_STATUSES], [...ARTICLE_STATUSES]]);
  });

  it('round-trip through their URL segment; anything else is no mood', () => {
    for (const m of MOODS) expect(moodFromSlug(moodPath(m).split('/').pop()!)).toBe(m);
    expect(moodPath('no_comment')).toBe('/moods/no-comment');
    for (const bad of ['no_comment', 'Angry', 'furious', '', 'no--comment', 'angry '])
      expect(moodFromSlug(bad)).toBeUndefined();
  });

  it('percentages are whole numbers that add up to 100 (or all 0 before the first vote)', () => {
    expect(percentages(emptyTallies())).toEqual(emptyTallies());
    fc.assert(
      fc.property(tallies, (t) => {
        const p = percentages(t);
        const total = sumTallies(t);
        if (total === 0) return expect(sumTallies(p)).toBe(0);
        expect(sumTallies(p)).toBe(100);
        for (const m of MOODS) {
          expect(Number.isInteger(p[m])).toBe(true);
          // Never more than one point away from the exact share.
          expect(Math.abs(p[m] - (t[m] * 100) / total)).toBeLessThan(1);
          if (t[m] === 0) expect(p[m]).toBe(0);
        }
      }),
    );
  });

  it('applyChoice votes, moves and takes back exactly like the server', () => {
    const start = { tallies: { ...emptyTallies(), angry: 2 }, mine: null };
    const voted = applyChoice(start, 'sad');
    expect(voted).toEqual({ tallies: { ...emptyTallies(), angry: 2, sad: 1 }, mine: 'sad' });
    const moved = applyChoice(voted, 'angry');
    expect(moved).toEqual({ tallies: { ...emptyTallies(), angry: 3 }, mine: 'angry' });
    expect(applyChoice(moved, 'angry')).toEqual({ tallies: { ...emptyTallies(), angry: 2 }, mine: null });
  });
});
