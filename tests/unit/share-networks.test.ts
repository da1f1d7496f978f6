import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_NETWORKS, type LinkNetwork } from '@/lib/domain/share-networks';
import { buildShareUrl, encodeQuery, type ShareInput } from '@/lib/share/share-urls';
import { NASTY_STANDFIRST, NASTY_TITLE } from '../helpers/stories';

const input: ShareInput = {
  url: 'https://news.example/news/wechat-outage-leaves-millions-cut-off',
  title: NASTY_TITLE,
  summary: NASTY_STANDFIRST,
  siteName: 'Sino-US',
};

/** What each network must receive, read back the way the network's server will read it. */
const EXPECTED: Record<
  LinkNetwork,
  { origin: string; path: string; params: (i: ShareInput) => Record<string, string> }
> = {
  weibo: {
    origin: 'https://service.weibo.com',
    path: '/share/share.php',
    params: (i) => ({ url: i.url, title: `${i.title} | ${i.siteName}` }),
  },
  x: { origin: 'https://x.com', path: '/intent/tweet', params: (i) => ({ text: i.title, url: i.url }) },
  facebook: { origin: 'https://www.facebook.com', path: '/sharer/sharer.php', params: (i) => ({ u: i.url }) },
  linkedin: { origin: 'https://www.linkedin.com', path: '/sharing/share-offsite/', params: (i) => ({ url: i.url }) },
  reddit: { origin: 'https://www.reddit.com', path: '/submit', params: (i) => ({ url: i.url, title: i.title }) },
  email: {
    origin: 'null',
    path: '',
    params: (i) => ({ subject: i.title, body: `${i.summary}\r\n\r\nRead it on ${i.siteName}: ${i.url}` }),
  },
};

function readBack(href: string) {
  const url = new URL(href);
  return { url, params: Object.fromEntries(url.searchParams) };
}

describe('share URLs', () => {
  it.each(LINK_NETWORKS)('%s: a title with Chinese, &, quotes, markup and emoji arrives intact', (network) => {
    const href = buildShareUrl(network, input);
    // Only printable ASCII leaves the server: everything else is percent-encoded UTF-8.
    expect(href).toMatch(/^[\x21-\x7e]+$/);
    expect(href).not.toMatch(/[<>"' ]/);
    const { url, params } = readBack(href);
    const expected = EXPECTED[network];
    if (network === 'email') {
      expect(url.protocol).toBe('mailto:');
      expect(url.pathname).toBe('');
      // Mail clients show "+" literally: spaces must be %20.
      expect(href).not.toContain('+');
    } else {
      expect(url.origin).toBe(expected.origin);
      expect(url.pathname).toBe(expected.path);
    }
    expect(params).toEqual(expected.params(input));
  });

  it('encodes the story URL as one parameter, so its own query cannot add parameters', () => {
    const href = buildShareUrl('x', { ...input, url: 'https://news.example/news/a?b=1&url=https://evil.example' });
    const { params } = readBack(href);
    expect(Object.keys(params)).toEqual(['text', 'url']);
    expect(params.url).toBe('https://news.example/news/a?b=1&url=https://evil.example');
  });

  it('round-trips any Unicode title for every network', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (title, summary) => {
          for (const network of LINK_NETWORKS) {
            const sample = { ...input, title, summary };
            const { params } = readBack(buildShareUrl(network, sample));
            const expected = EXPECTED[network].params({
              ...sample,
              title: title.toWellFormed(),
              summary: summary.toWellFormed(),
            });
            if (network === 'email' && !summary) expected.body = `Read it on ${sample.siteName}: ${sample.url}`;
            expect(params).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on a lone surrogate: it becomes U+FFFD', () => {
    expect(encodeQuery({ t: 'a\uD800b' })).toBe('t=a%EF%BF%BDb');
  });
});
