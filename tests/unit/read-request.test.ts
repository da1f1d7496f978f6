import { describe, expect, it } from 'vitest';
import { isBotAgent, notAReader } from '@/lib/reads/read-request';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const WECHAT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47';
const headers = (h: Record<string, string>) => new Headers(h);

describe('what counts as a read', () => {
  it('counts browsers, WeChat’s included', () => {
    for (const agent of [CHROME, SAFARI_IPHONE, WECHAT]) {
      expect(isBotAgent(agent), agent).toBe(false);
      expect(notAReader(headers({ 'user-agent': agent, 'sec-fetch-site': 'same-origin' }))).toBeUndefined();
    }
    // Browsers without fetch metadata are taken at their word.
    expect(notAReader(headers({ 'user-agent': CHROME }))).toBeUndefined();
  });

  it('leaves out crawlers, link unfurlers and tools', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Twitterbot/1.0',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'WhatsApp/2.23.20.0',
      'TelegramBot (like TwitterBot)',
      'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
      'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
      'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
      'curl/8.5.0',
      'Wget/1.21.4',
      'python-requests/2.31.0',
      'Go-http-client/1.1',
      '',
    ])
      expect(notAReader(headers({ 'user-agent': agent })), agent).toBe('bot');
    expect(notAReader(headers({}))).toBe('bot');
    expect(isBotAgent('x'.repeat(1001))).toBe(true);
  });

  it('leaves out prefetches and prerenders, and other sites', () => {
    const prefetches: Record<string, string>[] = [
      { 'sec-purpose': 'prefetch' },
      { 'sec-purpose': 'prefetch;prerender' },
      { purpose: 'prefetch' },
      { 'x-purpose': 'preview' },
    ];
    for (const h of prefetches) expect(notAReader(headers({ 'user-agent': CHROME, ...h }))).toBe('prefetch');
    for (const site of ['cross-site', 'same-site'])
      expect(notAReader(headers({ 'user-agent': CHROME, 'sec-fetch-site': site }))).toBe('other-site');
  });
});
