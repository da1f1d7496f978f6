// Issue 15 §3, §4 and §9: what anonymous requests can make the server do. Unknown addresses and odd
// query variants must not grow the disk (every unknown slug used to write ~100 kB into Next's cache);
// methods no address takes get 405 with Allow, never a 5xx; a HEAD carries GET's headers.
// On the main e2e server: the cache it writes is the build's (.next), measured before and after.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { MOODS } from '../../lib/domain/moods';
import { openE2eDatabase } from '../helpers/e2e-db';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT || 3100}`;
const DIST = path.join(process.cwd(), '.next');

/** Bytes of every file under the folders Next writes rendered pages and data into. */
function cacheBytes(): number {
  let total = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) total += fs.statSync(full).size;
    }
  };
  for (const dir of ['server', 'cache']) if (fs.existsSync(path.join(DIST, dir))) walk(path.join(DIST, dir));
  return total;
}

/** GETs each address, `batch` at a time all at once; returns how many answers had each status. */
async function fire(urls: string[], batch = 50): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  for (let i = 0; i < urls.length; i += batch) {
    const answers = await Promise.all(
      urls.slice(i, i + batch).map(async (url) => {
        const res = await fetch(BASE + url, { redirect: 'manual' });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    for (const s of answers) statuses[s] = (statuses[s] ?? 0) + 1;
  }
  return statuses;
}

test('1,000 unknown slugs and 1,000 odd mood-page queries grow the cache by less than 1 MB', async () => {
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const moodSlug = (i: number) => MOODS[i % MOODS.length]!.replace('_', '-');
  const windows = ['day', 'week', 'month'];
  // The real pages these variants map to are rendered (and cached, once each) before measuring.
  const real = MOODS.flatMap((m, i) => windows.map((w) => `/moods/${moodSlug(i)}?window=${w}`));
  await fire([...real, '/section/world', '/tag/trade', '/news/wechat-outage-leaves-millions-cut-off']);
  await new Promise((r) => setTimeout(r, 1000));
  const before = cacheBytes();

  const unknown = Array.from({ length: 1000 }, (_, i) => {
    const slug = `no-such-${run}-${i}`;
    return [
      `/news/${slug}`,
      `/section/${slug}`,
      `/tag/${slug}`,
      `/author/${slug}`,
      `/${slug}`,
      `/section/world/page/${900 + i}`,
      `/tag/${slug}/page/2`,
      `/author/${slug}/page/3`,
      `/news/${slug}/og.png`,
      `/section/${slug}/feed.xml`,
    ][i % 10]!;
  });
  const odd = Array.from({ length: 1000 }, (_, i) => {
    const mood = moodSlug(i);
    const w = windows[i % 3]!;
    return [
      `/moods/${mood}?window=${w}&section=nowhere-${run}-${i}`,
      `/moods/${mood}?section=gone-${run}-${i}`,
      `/moods/${mood}/in/${w}/made-up-${run}-${i}`,
      `/moods/${mood}?window=fortnight-${i}`,
      `/moods/${mood}?window=${w}&utm_source=${run}${i}`,
      `/moods/feeling-${run}-${i}`,
      `/moods/${mood}/in/decade-${i}`,
      `/moods/${mood}?window=${w}&section=&x=${i}`,
    ][i % 8]!;
  });
  const statuses = await fire([...unknown, ...odd]);
  await new Promise((r) => setTimeout(r, 1000)); // Next writes its cache files after answering
  const grown = cacheBytes() - before;
  console.log(`anonymous disk: 2,000 requests (${JSON.stringify(statuses)}) grew the cache by ${grown} bytes`);
  expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
  expect(grown).toBeLessThan(1_000_000);
});

/** A raw request (fetch refuses TRACE and friends): status, headers, body. */
function send(method: string, path: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(BASE + path, { method }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('methods no address takes get 405 with Allow, OPTIONS gets 204 with Allow, never a 5xx', async () => {
  const paths = [
    '/',
    '/news/wechat-outage-leaves-millions-cut-off',
    '/api/vote',
    '/api/health',
    '/admin',
    '/reader.js',
  ];
  for (const path of paths) {
    for (const method of ['TRACE', 'PROPFIND', 'PATCH', 'PUT', 'DELETE', 'MKCOL']) {
      const res = await send(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow, `${method} ${path}`).toMatch(/^GET, HEAD(, POST)?, OPTIONS$/);
      expect(res.headers['content-security-policy'], `${method} ${path}`).toBeTruthy();
      expect(res.body).toMatch(/^Method not allowed/);
    }
    const options = await send('OPTIONS', path);
    expect(options.status, `OPTIONS ${path}`).toBe(204);
    expect(options.headers.allow).toContain('OPTIONS');
  }
  // POST to a file, which Next answered 500.
  expect((await fetch(`${BASE}/reader.js`, { method: 'POST', body: 'x' })).status).toBe(405);

  // CONNECT: Node drops the connection without a word unless the server listens for it.
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(new URL(BASE).port), '127.0.0.1', () =>
      socket.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'),
    );
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer to CONNECT')));
  });
  expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
  expect(answer).toMatch(/\r\nAllow: GET, HEAD, POST, OPTIONS\r\n/);
});

test('a HEAD answer carries the headers of the GET, Content-Length included', async () => {
  // What differs from one answer to the next whatever the method: the time, the request, the cache's state.
  const ignored = new Set(['date', 'x-request-id', 'connection', 'keep-alive', 'transfer-encoding', 'x-nextjs-cache']);
  const headersOf = (res: Response) =>
    Object.fromEntries([...res.headers].filter(([name]) => !ignored.has(name)).sort(([a], [b]) => a.localeCompare(b)));
  for (const path of [
    '/',
    '/news/wechat-outage-leaves-millions-cut-off',
    '/section/world',
    '/about',
    '/moods/angry',
    '/no-such-page-at-all',
    '/feed.xml',
    '/robots.txt',
    '/reader.js',
  ]) {
    for (const encoding of ['gzip, deflate, br', 'identity']) {
      const init = { headers: { 'accept-encoding': encoding }, redirect: 'manual' } as const;
      // A page Next renders afresh goes out in pieces (and says x-nextjs-prerender twice): compare
      // answers from the cache, which GET and HEAD both get once the page is in it.
      let get = await fetch(BASE + path, init);
      for (
        let i = 0;
        i < 10 && get.headers.get('x-nextjs-cache') !== null && get.headers.get('x-nextjs-cache') !== 'HIT';
        i++
      ) {
        await get.arrayBuffer();
        await new Promise((r) => setTimeout(r, 200));
        get = await fetch(BASE + path, init);
      }
      const bytes = (await get.arrayBuffer()).byteLength;
      const head = await fetch(BASE + path, { ...init, method: 'HEAD' });
      expect(head.status, path).toBe(get.status);
      expect(headersOf(head), `${path} (${encoding})`).toEqual(headersOf(get));
      // fetch decodes the body; the length on the wire is the header's.
      if (encoding === 'identity' && get.headers.get('content-length') !== null)
        expect(Number(head.headers.get('content-length')), path).toBe(bytes);
    }
  }
});

test('a HEAD of a share link is still answered by its own HEAD: the link checker is not counted', async () => {
  const slug = 'wechat-outage-leaves-millions-cut-off';
  const db = openE2eDatabase();
  const clicks = () =>
    (
      db
        .prepare(
          "select coalesce(sum(c.count), 0) as n from share_clicks c join articles a on a.id = c.article_id where a.slug = ? and c.network = 'x'",
        )
        .get(slug) as { n: number }
    ).n;
  // What a browser sends when a reader follows the link.
  const headers = {
    'sec-fetch-dest': 'document',
    'sec-fetch-mode': 'navigate',
    'sec-fetch-site': 'none',
    'sec-fetch-user': '?1',
  };
  try {
    const before = clicks();
    const head = await fetch(`${BASE}/share/x/${slug}`, { method: 'HEAD', headers, redirect: 'manual' });
    expect(head.status).toBe(302);
    expect(clicks()).toBe(before);
    const get = await fetch(`${BASE}/share/x/${slug}`, { headers, redirect: 'manual' });
    expect(get.status).toBe(head.status);
    expect(get.headers.get('location')).toBe(head.headers.get('location'));
    await expect.poll(clicks).toBe(before + 1);
  } finally {
    db.close();
  }
});
