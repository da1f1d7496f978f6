import { beforeAll, describe, expect, it } from 'vitest';
import { hintedMood, moodVariantPath, parseVotedHint, slugKey, updateVotedHint } from '@/lib/votes/voted-hint';

let cookie: typeof import('@/lib/votes/reader-cookie');
beforeAll(async () => {
  process.env.AUTH_SECRET = 'a-test-secret-that-is-long-enough-for-moodwire';
  cookie = await import('@/lib/votes/reader-cookie');
});

describe('reader cookie', () => {
  it('carries a random id that only verifies with its own signature', () => {
    const a = cookie.newReaderId();
    const b = cookie.newReaderId();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const value = cookie.readerCookieValue(a);
    expect(cookie.verifyReaderCookie(value)).toBe(a);
    // Someone else's id with this signature, a changed signature, junk: all no reader at all.
    const [v, , sig] = value.split('.');
    expect(cookie.verifyReaderCookie(`${v}.${b}.${sig}`)).toBeUndefined();
    expect(cookie.verifyReaderCookie(`${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    for (const junk of [undefined, '', 'r1', 'r1..', `r2.${a}.${sig}`, `${value}.x`, 'x'.repeat(500)])
      expect(cookie.verifyReaderCookie(junk)).toBeUndefined();
  });

  it('is HttpOnly and SameSite=Lax, and Secure when the site is served over https', () => {
    process.env.SITE_URL = 'http://localhost:3000';
    expect(cookie.voteCookieOptions()).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
    process.env.SITE_URL = 'https://news.example';
    expect(cookie.voteCookieOptions().secure).toBe(true);
    delete process.env.SITE_URL;
  });
});

describe('voted hint', () => {
  it('keeps the mood chosen on each story, most recent last, at most 100 stories', () => {
    let hint = '';
    hint = updateVotedHint(hint, 'story-a', 'angry');
    hint = updateVotedHint(hint, 'story-b', 'no_comment');
    expect(hintedMood(hint, 'story-a')).toBe('angry');
    expect(hintedMood(hint, 'story-b')).toBe('no_comment');
    expect(hintedMood(hint, 'story-c')).toBeUndefined();
    hint = updateVotedHint(hint, 'story-a', 'sad');
    expect(hintedMood(hint, 'story-a')).toBe('sad');
    hint = updateVotedHint(hint, 'story-a', null);
    expect(parseVotedHint(hint)).toEqual([{ key: slugKey('story-b'), mood: 'no_comment' }]);
    for (let i = 0; i < 150; i++) hint = updateVotedHint(hint, `s-${i}`, 'happy');
    expect(parseVotedHint(hint)).toHaveLength(100);
    expect(hintedMood(hint, 's-149')).toBe('happy');
    expect(hintedMood(hint, 's-0')).toBeUndefined();
    expect(hint.length).toBeLessThan(1000);
  });

  it('ignores anything that is not a list of entries', () => {
    expect(parseVotedHint('<script>.x-3.y-9.!!')).toEqual([{ key: 'x', mood: 'angry' }]);
    expect(parseVotedHint('a-1.'.repeat(2000))).toEqual([]);
    expect(hintedMood(undefined, 'x')).toBeUndefined();
  });

  it('names the cached variant of a story for a mood', () => {
    expect(moodVariantPath('some-story', 'no_comment')).toBe('/news/some-story/mood/no-comment');
  });
});
