// The proxy step that sends mood ranking requests to their cached page (decision 015), on a real
// database: which queries are understood, and what reaches the per-request page.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../helpers/temp-db';

let temp: ReturnType<typeof createTempDatabase>;
let moodRankingProxy: typeof import('@/lib/proxy/mood-rankings').moodRankingProxy;
let readRankingQuery: typeof import('@/lib/mood-ranking-query').readRankingQuery;

beforeAll(async () => {
  temp = createTempDatabase();
  ({ moodRankingProxy } = await import('@/lib/proxy/mood-rankings'));
  ({ readRankingQuery } = await import('@/lib/mood-ranking-query'));
});
afterAll(() => temp.cleanup());

const rewriteOf = (path: string, method = 'GET') => {
  const res = moodRankingProxy(new NextRequest(`http://localhost:3000${path}`, { method }));
  return res ? res.headers.get('x-middleware-rewrite')?.replace('http://localhost:3000', '') : undefined;
};

describe('mood ranking proxy step', () => {
  it('sends an understood query to the cached page for its period and section', () => {
    expect(rewriteOf('/moods/sad')).toBe('/moods/sad/in/week');
    expect(rewriteOf('/moods/no-comment?window=day')).toBe('/moods/no-comment/in/day?window=day');
    expect(rewriteOf('/moods/sad?window=month&section=sports')).toBe('/moods/sad/in/month/sports?window=month&section=sports');
    // The plain form sends both fields, "All sections" as an empty value.
    expect(rewriteOf('/moods/angry?window=week&section=')).toBe('/moods/angry/in/week?window=week&section=');
    expect(rewriteOf('/moods/angry?section=sports')).toBe('/moods/angry/in/week/sports?section=sports');
    expect(rewriteOf('/moods/angry?utm_source=x')).toBe('/moods/angry/in/week?utm_source=x');
  });

  it('leaves what it does not understand to the per-request page, and other paths alone', () => {
    for (const path of [
      '/moods/sad?window=fortnight',
      '/moods/sad?section=nowhere',
      '/moods/sad?section=Sports',
      '/moods/sad?window=day&window=week',
      '/moods/furious',
      '/moods/no_comment',
      '/moods/sad/in/week',
      '/news/sad',
    ]) {
      expect(rewriteOf(path), path).toBeUndefined();
    }
    expect(rewriteOf('/moods/sad', 'POST')).toBeUndefined();
  });

  it('says what it did not understand', () => {
    const known = (slug: string) => slug === 'sports';
    expect(readRankingQuery(new URLSearchParams('window=day&section=sports'), known)).toEqual({ choice: { window: 'day', sectionSlug: 'sports' }, problems: [] });
    const odd = readRankingQuery(new URLSearchParams('window=fortnight&section=nowhere'), known);
    expect(odd.choice).toEqual({ window: 'week', sectionSlug: '' });
    expect(odd.problems.join(' ')).toContain('no time period called “fortnight”');
    expect(odd.problems.join(' ')).toContain('no section called “nowhere”');
  });
});
