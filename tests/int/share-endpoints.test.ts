import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../helpers/temp-db';
import { insertStory, NASTY_TITLE } from '../helpers/stories';

const SITE = 'https://news.example';
const SLUG = 'wechat-outage-leaves-millions-cut-off';
let temp: ReturnType<typeof createTempDatabase>;
let linkRoute: typeof import('@/app/share/[network]/[slug]/route');
let reportRoute: typeof import('@/app/api/share/route');
let draftSlug: string;
let scheduledSlug: string;
const nastySlug = 'nasty-share-title';

beforeAll(async () => {
  process.env.SITE_URL = SITE;
  temp = createTempDatabase();
  linkRoute = await import('@/app/share/[network]/[slug]/route');
  reportRoute = await import('@/app/api/share/route');
  draftSlug = (
    temp.db.$client.prepare("select slug from articles where status = 'draft' limit 1").get() as { slug: string }
  ).slug;
  scheduledSlug = (
    temp.db.$client.prepare("select slug from articles where status = 'scheduled' limit 1").get() as { slug: string }
  ).slug;
  insertStory(temp.db.$client, { slug: nastySlug });
});
afterAll(() => {
  delete process.env.SITE_URL;
  temp.cleanup();
});
beforeEach(() => {
  temp.db.$client.prepare('delete from share_clicks').run();
});

function clicks() {
  return temp.db.$client
    .prepare(
      'select a.slug, s.network, s.day, s.count from share_clicks s join articles a on a.id = s.article_id order by a.slug, s.network',
    )
    .all() as { slug: string; network: string; day: string; count: number }[];
}

function follow(network: string, slug: string, init: RequestInit = {}, query = '') {
  const request = new Request(`http://127.0.0.1/share/${network}/${slug}${query}`, init);
  const context = { params: Promise.resolve({ network, slug }) };
  return init.method === 'HEAD' ? linkRoute.HEAD(request, context) : linkRoute.GET(request, context);
}

const today = () => new Date().toISOString().slice(0, 10);

describe('GET /share/<network>/<slug>', () => {
  it('counts the click for the story, network and UTC day, then answers 302 to the network', async () => {
    const res = await follow('x', SLUG);
    expect(res.status).toBe(302);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://x.com/intent/tweet');
    expect(location.searchParams.get('url')).toBe(`${SITE}/news/${SLUG}`);
    expect(clicks()).toEqual([{ slug: SLUG, network: 'x', day: today(), count: 1 }]);
    await follow('x', SLUG);
    await follow('weibo', SLUG);
    expect(clicks()).toEqual([
      { slug: SLUG, network: 'weibo', day: today(), count: 1 },
      { slug: SLUG, network: 'x', day: today(), count: 2 },
    ]);
  });

  it('builds the target from the story, whatever the query string says', async () => {
    const res = await follow(
      'facebook',
      SLUG,
      {},
      '?u=https://evil.example&url=https://evil.example&redirect=https://evil.example&to=//evil.example',
    );
    const location = new URL(res.headers.get('location')!);
    expect(location.host).toBe('www.facebook.com');
    expect([...location.searchParams]).toEqual([['u', `${SITE}/news/${SLUG}`]]);
  });

  it('carries a nasty title to the network intact', async () => {
    for (const network of ['x', 'reddit', 'email'] as const) {
      const location = new URL((await follow(network, nastySlug)).headers.get('location')!);
      const title = location.searchParams.get(network === 'x' ? 'text' : network === 'email' ? 'subject' : 'title');
      expect(title, network).toBe(NASTY_TITLE);
    }
  });

  it.each([
    ['an unknown network', 'myspace', SLUG],
    ['a network given as a URL', 'https:', SLUG],
    ['a reported-only network', 'copy', SLUG],
    ['an unknown story', 'x', 'no-such-story'],
    ['a slug that is not a slug', 'x', '..%2F..%2Fetc'],
    ['an upper-case slug', 'x', SLUG.toUpperCase()],
    ['a very long slug', 'x', 'a'.repeat(300)],
  ])('answers 404 for %s, and counts nothing', async (_what, network, slug) => {
    const res = await follow(network, slug);
    expect(res.status).toBe(404);
    expect(res.headers.get('location')).toBeNull();
    expect(clicks()).toEqual([]);
  });

  it('answers 404 for drafts and scheduled stories, and counts nothing', async () => {
    for (const slug of [draftSlug, scheduledSlug]) {
      expect((await follow('x', slug)).status).toBe(404);
      expect((await follow('x', slug, { method: 'HEAD' })).status).toBe(404);
    }
    expect(clicks()).toEqual([]);
  });

  it('does not count link checkers (HEAD) or browser prefetches', async () => {
    const head = await follow('linkedin', SLUG, { method: 'HEAD' });
    expect(head.status).toBe(302);
    expect(new URL(head.headers.get('location')!).host).toBe('www.linkedin.com');
    for (const headers of <Record<string, string>[]>[
      { 'Sec-Purpose': 'prefetch' },
      { 'Sec-Purpose': 'prefetch;prerender' },
      { Purpose: 'prefetch' },
    ]) {
      const prefetch = await follow('linkedin', SLUG, { headers });
      expect(prefetch.status).toBe(302);
      expect(new URL(prefetch.headers.get('location')!).host).toBe('www.linkedin.com');
    }
    expect(clicks()).toEqual([]);
  });

  it('a share link another site loads as an image, script or frame, fetches, or opens, still redirects but is not counted', async () => {
    const loads: Record<string, string>[] = [
      { 'Sec-Fetch-Dest': 'image', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Dest': 'script', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Dest': 'iframe', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Site': 'same-site' },
      // Our own page cannot be made to load it as an image either.
      { 'Sec-Fetch-Dest': 'image', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Site': 'same-origin' },
    ];
    for (const headers of loads) {
      const res = await follow('x', SLUG, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(302);
      expect(new URL(res.headers.get('location')!).host).toBe('x.com');
    }
    expect(clicks()).toEqual([]);
    // A reader following the link on our page is counted; so is a browser that sends no fetch metadata.
    await follow('x', SLUG, {
      headers: {
        'Sec-Fetch-Dest': 'document',
        'Sec-Fetch-Mode': 'navigate',
        'Sec-Fetch-Site': 'same-origin',
        'Sec-Fetch-User': '?1',
      },
    });
    await follow('x', SLUG);
    // Opened by the reader (address bar, bookmark, another app): no other site can send this.
    await follow('x', SLUG, {
      headers: {
        'Sec-Fetch-Dest': 'document',
        'Sec-Fetch-Mode': 'navigate',
        'Sec-Fetch-Site': 'none',
        'Sec-Fetch-User': '?1',
      },
    });
    expect(clicks()).toEqual([{ slug: SLUG, network: 'x', day: today(), count: 3 }]);
  });
});

describe('POST /api/share', () => {
  function report(body: unknown, headers: Record<string, string> = {}) {
    return reportRoute.POST(
      new Request('http://127.0.0.1/api/share', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', Origin: SITE, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  }

  it('counts copy link, the share sheet and the WeChat QR code', async () => {
    for (const network of ['copy', 'native', 'wechat', 'copy'])
      expect((await report({ slug: SLUG, network })).status).toBe(204);
    expect(clicks()).toEqual([
      { slug: SLUG, network: 'copy', day: today(), count: 2 },
      { slug: SLUG, network: 'native', day: today(), count: 1 },
      { slug: SLUG, network: 'wechat', day: today(), count: 1 },
    ]);
  });

  it.each([
    ['a link network (counted by its redirect)', { slug: SLUG, network: 'x' }, 400],
    ['an unknown network', { slug: SLUG, network: 'fax' }, 400],
    ['a bad slug', { slug: '<script>', network: 'copy' }, 400],
    ['no slug', { network: 'copy' }, 400],
    ['an unknown story', { slug: 'no-such-story', network: 'copy' }, 404],
    ['a draft', () => ({ slug: draftSlug, network: 'copy' }), 404],
    ['a scheduled story', () => ({ slug: scheduledSlug, network: 'copy' }), 404],
    ['broken JSON', '{"slug":', 400],
    ['a huge body', { slug: SLUG, network: 'copy', pad: 'x'.repeat(5000) }, 413],
  ])('rejects %s with a clear message and counts nothing', async (_what, body, status) => {
    const res = await report(typeof body === 'function' ? body() : body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { ok: boolean; message: string };
    expect(json.ok).toBe(false);
    expect(json.message.length).toBeGreaterThan(3);
    expect(clicks()).toEqual([]);
  });

  it('names the field that is wrong', async () => {
    const json = (await (await report({ slug: SLUG, network: 'fax' })).json()) as { errors: Record<string, string[]> };
    expect(Object.keys(json.errors)).toEqual(['network']);
  });

  it('refuses reports from other sites and bodies that are not JSON', async () => {
    expect((await report({ slug: SLUG, network: 'copy' }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(
      (await report({ slug: SLUG, network: 'copy' }, { 'Sec-Fetch-Site': '', Origin: 'https://evil.example' })).status,
    ).toBe(403);
    // Only same-origin requests count: a browser always says where a POST comes from.
    const fromNowhere = new Request('http://127.0.0.1/api/share', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ slug: SLUG, network: 'copy' }),
    });
    expect((await reportRoute.POST(fromNowhere)).status).toBe(403);
    for (const site of ['none', 'same-site'])
      expect((await report({ slug: SLUG, network: 'copy' }, { 'Sec-Fetch-Site': site })).status, site).toBe(403);
    expect((await report({ slug: SLUG, network: 'copy' }, { Origin: 'http://news.example' })).status).toBe(403);
    expect((await report({ slug: SLUG, network: 'copy' }, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(clicks()).toEqual([]);
    expect((await report({ slug: SLUG, network: 'copy' }, { 'Sec-Fetch-Site': '', Origin: SITE })).status).toBe(204);
  });
});

describe('share limit per client address (SHARE_LIMIT_PER_MINUTE)', () => {
  const from = (ip: string) => ({ 'x-moodwire-client-ip': ip });
  const total = () => clicks().reduce((n, c) => n + c.count, 0);
  beforeAll(() => {
    process.env.SHARE_LIMIT_PER_MINUTE = '3';
  });
  afterAll(() => {
    delete process.env.SHARE_LIMIT_PER_MINUTE;
  });
  beforeEach(() => {
    temp.db.$client.prepare("delete from rate_limits where key like 'share:%'").run();
  });

  it('a share link over the limit still redirects the reader, but is not counted', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await follow('x', SLUG, { headers: from('198.51.100.7') });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toMatch(/^https:\/\/x\.com\/intent\/tweet\?/);
    }
    expect(total()).toBe(3);
    // Another address has its own allowance.
    expect((await follow('weibo', SLUG, { headers: from('198.51.100.8') })).status).toBe(302);
    expect(total()).toBe(4);
    // Only a hash of the address is kept.
    const keys = (
      temp.db.$client.prepare("select key from rate_limits where key like 'share:%'").all() as { key: string }[]
    ).map((r) => r.key);
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(k).not.toContain('198.51.100');
  });

  it('POST /api/share over the limit answers 429 with Retry-After and counts nothing', async () => {
    const post = (ip: string) =>
      reportRoute.POST(
        new Request('http://127.0.0.1/api/share', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: SITE, ...from(ip) },
          body: JSON.stringify({ slug: SLUG, network: 'copy' }),
        }),
      );
    for (let i = 0; i < 3; i++) expect((await post('203.0.113.9')).status).toBe(204);
    const refused = await post('203.0.113.9');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Too many shares/);
    expect(total()).toBe(3);
    // Link clicks and reports share the one allowance per address.
    expect((await follow('x', SLUG, { headers: from('203.0.113.9') })).status).toBe(302);
    expect(total()).toBe(3);
    expect((await post('203.0.113.10')).status).toBe(204);
    expect(total()).toBe(4);
  });
});
