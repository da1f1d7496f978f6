import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { draftDemo, scheduledDemo } from '../helpers/demo';
import {
  articleIdOf,
  countVotes,
  limitsBaseUrl,
  limitsDatabasePath,
  readerVotes,
  tallySum,
  talliesMismatches,
} from '../helpers/e2e-db';

const MOODS = ['touched', 'sympathetic', 'bored', 'angry', 'amused', 'sad', 'happy', 'no_comment'];
const LOAD_STORY = 'flushing-table-tennis-club-summer-league';
const ONE_READER_STORY = 'guangzhou-rooftop-three-on-three-basketball';
const BAD_INPUT_STORY = 'boston-chinatown-dumpling-house-thirty-years';
const LIMITS_STORY = 'summer-of-shanghai-basement-jazz-club';

// An explicit Cookie header keeps Playwright's cookie jar out: each request is a new reader.
const NEW_READER = { cookie: 'e2e=1' };
const JSON_ACCEPT = { accept: 'application/json' };

/** Runs `tasks` with at most `concurrency` in flight. */
async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

function readerCookieOf(res: APIResponse): string {
  const header = res
    .headersArray()
    .find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('mw_reader='));
  if (!header) throw new Error('no reader cookie');
  return header.value.split(';')[0]!;
}

test.describe('against the real server, under load', () => {
  test.setTimeout(180_000);

  test('1,000 distinct readers over 50 concurrent connections: exactly 1,000 rows, tallies sum 1,000, no 5xx', async ({
    request,
  }) => {
    const id = await articleIdOf(LOAD_STORY);
    const before = await countVotes(id);
    const statuses = await pool(1000, 50, async (i) => {
      const json = i % 2 === 0;
      const res = await request.post('/api/vote', {
        form: { article: String(id), mood: MOODS[i % MOODS.length]!, current: '' },
        headers: { ...NEW_READER, ...(json ? JSON_ACCEPT : {}) },
        maxRedirects: 0,
      });
      return res.status();
    });
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200, 303]));
    expect(await countVotes(id)).toBe(before + 1000);
    expect(tallySum(id)).toBe(before + 1000);
    const live = await (await request.get(`/api/vote?article=${id}`, { headers: NEW_READER })).json();
    expect(live.total).toBe(before + 1000);
    expect(talliesMismatches()).toEqual([]);
  });

  test('200 concurrent requests from one reader leave one row', async ({ request }) => {
    const id = await articleIdOf(ONE_READER_STORY);
    const first = await request.post('/api/vote', {
      form: { article: String(id), mood: 'amused', current: '' },
      headers: NEW_READER,
      maxRedirects: 0,
    });
    expect(first.status()).toBe(303);
    const reader = readerCookieOf(first);
    const readerId = reader.split('.')[1]!;

    // As the page's form sends them (current = the mood the page showed): one row, whatever the order.
    const statuses = await pool(200, 200, async (i) => {
      const res = await request.post('/api/vote', {
        form: { article: String(id), mood: MOODS[i % MOODS.length]!, current: '' },
        headers: { cookie: reader, ...JSON_ACCEPT },
      });
      return res.status();
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(readerVotes(id, readerId)).toBe(1);

    // Bare toggles (no `current`) may end with the vote taken back, but never with a second row.
    const toggles = await pool(200, 200, async (i) => {
      const res = await request.post('/api/vote', {
        form: { article: String(id), mood: MOODS[i % 3]! },
        headers: { cookie: reader, ...JSON_ACCEPT },
      });
      return res.status();
    });
    expect(toggles.filter((s) => s !== 200)).toEqual([]);
    expect(readerVotes(id, readerId)).toBeLessThanOrEqual(1);
    expect(tallySum(id)).toBe(await countVotes(id));
    expect(talliesMismatches()).toEqual([]);
  });
});

test.describe('refusals: a clear message, the right status, nothing written', () => {
  async function expectRefused(
    request: APIRequestContext,
    form: Record<string, string> | undefined,
    status: number,
    message: RegExp,
    extra: Parameters<APIRequestContext['post']>[1] = {},
  ) {
    const id = await articleIdOf(BAD_INPUT_STORY);
    const before = await countVotes(id);
    const html = await request.post('/api/vote', {
      form,
      maxRedirects: 0,
      ...extra,
      headers: { ...NEW_READER, ...(extra.headers ?? {}) },
    });
    expect(html.status()).toBe(status);
    expect(html.headers()['content-type']).toContain('text/html');
    expect(await html.text()).toMatch(message);
    expect(html.headers()['set-cookie'] ?? '').not.toContain('mw_reader');
    const json = await request.post('/api/vote', {
      form,
      maxRedirects: 0,
      ...extra,
      headers: { ...NEW_READER, ...JSON_ACCEPT, ...(extra.headers ?? {}) },
    });
    expect(json.status()).toBe(status);
    const body = await json.json();
    expect(body.ok).toBe(false);
    expect(body.message).toMatch(message);
    expect(await countVotes(id)).toBe(before);
  }

  test('unknown mood, missing fields, bad story numbers', async ({ request }) => {
    const id = String(await articleIdOf(BAD_INPUT_STORY));
    await expectRefused(request, { article: id, mood: 'furious' }, 400, /not one of the moods/);
    await expectRefused(request, { article: id }, 400, /Choose a mood/);
    await expectRefused(request, { mood: 'sad' }, 400, /did not say which story/);
    await expectRefused(request, { article: '1e3', mood: 'sad' }, 400, /story number/);
    await expectRefused(request, { article: '99999999999', mood: 'sad' }, 400, /story number/);
    await expectRefused(request, { article: id, mood: 'sad', current: 'furious' }, 400, /not one of the moods/);
  });

  test('a field sent twice, a body too large, the wrong content type', async ({ request }) => {
    const id = String(await articleIdOf(BAD_INPUT_STORY));
    await expectRefused(request, undefined, 400, /more than once/, {
      data: `article=${id}&mood=sad&mood=happy`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectRefused(request, undefined, 413, /too large/, {
      data: `article=${id}&mood=sad&pad=${'x'.repeat(5000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectRefused(request, undefined, 415, /Send the vote as a form/, { data: { article: id, mood: 'sad' } });
    // multipart works like the urlencoded form
    const res = await request.post('/api/vote', {
      multipart: { article: id, mood: 'sad', current: '' },
      headers: { ...NEW_READER, ...JSON_ACCEPT },
    });
    expect(res.status()).toBe(200);
    expect((await res.json()).mine).toBe('sad');
  });

  test('drafts, scheduled and unknown stories are 404', async ({ request }) => {
    for (const slug of [draftDemo.slug, scheduledDemo.slug])
      await expectRefused(
        request,
        { article: String(await articleIdOf(slug)), mood: 'sad' },
        404,
        /no published story/,
      );
    await expectRefused(request, { article: '987654', mood: 'sad' }, 404, /no published story/);
    expect((await request.get(`/api/vote?article=${await articleIdOf(draftDemo.slug)}`)).status()).toBe(404);
    expect((await request.get('/api/vote?article=x')).status()).toBe(400);
    expect((await request.get('/api/vote')).status()).toBe(400);
  });

  test('a vote posted from another site’s page is refused', async ({ request }) => {
    const id = String(await articleIdOf(BAD_INPUT_STORY));
    await expectRefused(request, { article: id, mood: 'sad' }, 403, /this site’s own pages/, {
      headers: { origin: 'https://evil.example' },
    });
    await expectRefused(request, { article: id, mood: 'sad' }, 403, /this site’s own pages/, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
  });

  test('a forged or tampered reader cookie counts as a new reader, never as someone else', async ({ request }) => {
    const id = String(await articleIdOf(BAD_INPUT_STORY));
    const first = await request.post('/api/vote', {
      form: { article: id, mood: 'touched', current: '' },
      headers: NEW_READER,
      maxRedirects: 0,
    });
    const reader = readerCookieOf(first);
    const tampered = reader.slice(0, -2) + (reader.endsWith('A') ? 'BB' : 'AA');
    const otherId = reader.replace(/^mw_reader=r1\.([^.]+)\./, 'mw_reader=r1.AAAAAAAAAAAAAAAAAAAAAA.');
    for (const cookie of [tampered, otherId, 'mw_reader=garbage']) {
      const res = await request.post('/api/vote', {
        form: { article: id, mood: 'touched', current: 'touched' },
        headers: { cookie, ...JSON_ACCEPT },
      });
      // A take-back from a stranger changes nothing: the original reader's vote stays.
      expect((await res.json()).mine).toBeNull();
    }
    const mine = await (await request.get(`/api/vote?article=${id}`, { headers: { cookie: reader } })).json();
    expect(mine.mine).toBe('touched');
  });
});

test.describe('limits (second server: 5 votes per address, 3 per reader, per minute)', () => {
  const base = limitsBaseUrl;
  const nearMinuteEnd = async () => {
    // Start in a fresh minute when this one is nearly over, so the window cannot roll mid-test.
    if (new Date().getSeconds() > 48) await new Promise((r) => setTimeout(r, (61 - new Date().getSeconds()) * 1000));
  };

  test('over the per-reader limit: 429 and a clear message, nothing written', async ({ request }) => {
    const id = await articleIdOf(LIMITS_STORY, limitsDatabasePath);
    await nearMinuteEnd();
    const first = await request.post(`${base}/api/vote`, {
      form: { article: String(id), mood: 'sad', current: '' },
      headers: NEW_READER,
      maxRedirects: 0,
    });
    expect(first.status()).toBe(303);
    const reader = readerCookieOf(first);
    const vote = (mood: string) =>
      request.post(`${base}/api/vote`, {
        form: { article: String(id), mood, current: '' },
        headers: { cookie: reader, ...JSON_ACCEPT },
      });
    expect((await vote('happy')).status()).toBe(200);
    expect((await vote('bored')).status()).toBe(200);
    const over = await vote('angry');
    expect(over.status()).toBe(429);
    expect((await over.json()).message).toMatch(/You have voted very often/);
    const now = await (await request.get(`${base}/api/vote?article=${id}`, { headers: { cookie: reader } })).json();
    expect(now.mine).toBe('bored');
  });

  test('over the per-address limit: 429 with Retry-After, nothing written; X-Forwarded-For cannot dodge it', async ({
    request,
  }) => {
    const id = await articleIdOf(LIMITS_STORY, limitsDatabasePath);
    await nearMinuteEnd();
    const before = await countVotes(id, limitsDatabasePath);
    const results: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await request.post(`${base}/api/vote`, {
        form: { article: String(id), mood: 'sad', current: '' },
        // Every request claims another address; without TRUST_PROXY the server must ignore that.
        headers: {
          ...NEW_READER,
          'x-forwarded-for': `203.0.113.${i + 1}`,
          'x-moodwire-client-ip': `198.51.100.${i + 1}`,
        },
        maxRedirects: 0,
      });
      results.push(res.status());
      if (res.status() === 429) {
        expect(Number(res.headers()['retry-after'])).toBeGreaterThan(0);
        expect(await res.text()).toContain('Too many votes have come from your network');
      }
    }
    // The test before may already have used part of this minute's allowance.
    const accepted = results.filter((s) => s === 303).length;
    expect(accepted).toBeLessThanOrEqual(5);
    expect(results.slice(accepted).every((s) => s === 429)).toBe(true);
    expect(results.at(-1)).toBe(429);
    expect(await countVotes(id, limitsDatabasePath)).toBe(before + accepted);

    const json = await request.post(`${base}/api/vote`, {
      form: { article: String(id), mood: 'sad' },
      headers: { ...NEW_READER, ...JSON_ACCEPT },
      maxRedirects: 0,
    });
    expect(json.status()).toBe(429);
    expect((await json.json()).message).toMatch(/Please wait \d+ seconds/);
  });
});
