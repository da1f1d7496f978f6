import { beforeAll, describe, expect, it } from 'vitest';
import { MOODS } from '@/lib/domain/moods';
import { HINT_VALUE_PATTERN, moodSlug, moodVariantPath, votedHintCookie } from '@/lib/votes/voted-hint';

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
  const options = { secure: false, maxAge: 3600 };

  it('is scoped to the story, so the browser sends it with that story only', () => {
    expect(votedHintCookie('story-a', 'no_comment', options)).toBe(
      'mw_mood=no-comment; Path=/news/story-a; Max-Age=3600; HttpOnly; SameSite=Lax',
    );
    expect(votedHintCookie('story-a', 'sad', { ...options, secure: true })).toMatch(/; Secure$/);
  });

  it('forgets the choice when the vote is taken back', () => {
    expect(votedHintCookie('story-a', null, options)).toBe(
      'mw_mood=; Path=/news/story-a; Max-Age=0; HttpOnly; SameSite=Lax',
    );
  });

  it('is never scoped to anything but a story address', () => {
    for (const slug of ['', '../admin', 'a/b', 'A', 'a;b', 'a b', 'story-a; Path=/'])
      expect(votedHintCookie(slug, 'sad', options), slug).toBeUndefined();
  });

  it('takes exactly the moods the rewrite in next.config.ts accepts', () => {
    const pattern = new RegExp(`^${HINT_VALUE_PATTERN}$`);
    for (const mood of MOODS) {
      const value = /^mw_mood=([^;]*)/.exec(votedHintCookie('s', mood, options)!)?.[1];
      expect(pattern.exec(value!)?.groups?.mood).toBe(moodSlug(mood));
      expect(moodVariantPath('s', mood)).toBe(`/news/s/mood/${value}`);
    }
    for (const junk of ['', 'no_comment', 'ANGRY', 'angry ', 'x', 'angry|sad'])
      expect(pattern.test(junk), junk).toBe(false);
  });

  it('names the cached variant of a story for a mood', () => {
    expect(moodVariantPath('some-story', 'no_comment')).toBe('/news/some-story/mood/no-comment');
  });
});
