import { beforeAll, describe, expect, it } from 'vitest';
import { hintHasSlug, parseVotedHint, slugKey, updateVotedHint } from '@/lib/votes/voted-hint';

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
    for (const junk of [undefined, '', 'r1', 'r1..', `r2.${a}.${sig}`, `${value}.x`, 'x'.repeat(500)]) expect(cookie.verifyReaderCookie(junk)).toBeUndefined();
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
  it('lists short keys of the stories voted on, most recent last, at most 100', () => {
    let hint = '';
    hint = updateVotedHint(hint, 'story-a', true);
    hint = updateVotedHint(hint, 'story-b', true);
    expect(hintHasSlug(hint, 'story-a')).toBe(true);
    expect(hintHasSlug(hint, 'story-c')).toBe(false);
    hint = updateVotedHint(hint, 'story-a', false);
    expect(parseVotedHint(hint)).toEqual([slugKey('story-b')]);
    for (let i = 0; i < 150; i++) hint = updateVotedHint(hint, `s-${i}`, true);
    expect(parseVotedHint(hint)).toHaveLength(100);
    expect(hintHasSlug(hint, 's-149')).toBe(true);
    expect(hintHasSlug(hint, 's-0')).toBe(false);
    expect(hint.length).toBeLessThan(800);
  });

  it('ignores anything that is not a list of keys', () => {
    expect(parseVotedHint('<script>.x.!!')).toEqual(['x']);
    expect(parseVotedHint('a'.repeat(5000))).toEqual([]);
    expect(hintHasSlug(undefined, 'x')).toBe(false);
  });
});
