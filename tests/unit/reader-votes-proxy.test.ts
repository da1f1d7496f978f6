import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { readerVotesProxy } from '@/lib/votes/reader-votes-proxy';
import { updateVotedHint } from '@/lib/votes/voted-hint';

const request = (path: string, hint?: string) =>
  new NextRequest(`http://localhost:3000${path}`, {
    headers: hint === undefined ? {} : { cookie: `mw_voted=${hint}` },
  });

describe('reader votes proxy step', () => {
  const hint = updateVotedHint(updateVotedHint('', 'story-a', 'no_comment'), 'story-b', 'sad');

  it('sends a reader who voted on this story to its cached variant for their mood', () => {
    const res = readerVotesProxy(request('/news/story-a', hint));
    expect(res?.headers.get('x-middleware-rewrite')).toBe('http://localhost:3000/news/story-a/mood/no-comment');
    expect(readerVotesProxy(request('/news/story-b?x=1', hint))?.headers.get('x-middleware-rewrite')).toBe(
      'http://localhost:3000/news/story-b/mood/sad?x=1',
    );
  });

  it('leaves every other request alone', () => {
    expect(readerVotesProxy(request('/news/story-c', hint))).toBeUndefined();
    expect(readerVotesProxy(request('/news/story-a'))).toBeUndefined();
    expect(readerVotesProxy(request('/news/story-a', 'garbage'))).toBeUndefined();
    expect(readerVotesProxy(request('/news/Bad..Slug', hint))).toBeUndefined();
    expect(readerVotesProxy(request('/section/story-a', hint))).toBeUndefined();
  });

  it('sends a direct visit to a variant to the story itself', () => {
    const res = readerVotesProxy(request('/news/story-a/mood/angry?utm=x'));
    expect(res?.status).toBe(308);
    expect(res?.headers.get('location')).toBe('http://localhost:3000/news/story-a');
  });

  it('lets its own rewrite through when Next runs the proxy again for the rewritten path', () => {
    const rewrite = readerVotesProxy(request('/news/story-a', hint));
    expect(rewrite?.headers.get('x-middleware-request-x-moodwire-mood-variant')).toBe('1');
    const again = new NextRequest('http://localhost:3000/news/story-a/mood/no-comment', {
      headers: { 'x-moodwire-mood-variant': '1' },
    });
    expect(readerVotesProxy(again)).toBeUndefined();
  });
});
