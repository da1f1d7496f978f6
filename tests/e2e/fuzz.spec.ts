// Issue 8, item 6: fast-check drives every route handler and server action with random and hostile
// input, on a server of its own (a copy of the e2e database, port E2E_PORT+2). FUZZ_RUNS per target:
// 200 in `npm test`, 10,000 with `npm run fuzz`. Zero 5xx, nothing unhandled in the server log, and
// PRAGMA integrity_check = ok afterwards.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ensureStaffUsers, STAFF, type StaffRole } from '../helpers/staff';
import { e2eDatabasePath, hiddenInputsOf } from '../helpers/staff-e2e';
import { startServer, type TestServer } from '../helpers/server';

const RUNS = Number(process.env.FUZZ_RUNS || 200);
const PORT = Number(process.env.E2E_PORT || 3100) + 2;
let server: TestServer;
const cookies: Partial<Record<StaffRole, string>> = {};
const tally: Record<string, number> = {};

const XSS = (JSON.parse(fs.readFileSync('tests/fixtures/xss-payloads.json', 'utf8')) as { payloads: string[] })
  .payloads;
const HOSTILE = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '{"__proto__":{"x":1}}',
  "' OR 1=1 --",
  '"; DROP TABLE votes; --',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '🙂'.repeat(50),
  'a'.repeat(5000),
  '%',
  '%%',
  '%zz',
  'javascript:alert(1)',
  '//evil.example',
  'http://evil.example',
  'C:\\Windows\\win.ini',
  '$ACTION_ID_x',
  '$K1',
  '$@0',
  '$Q',
  '\r\nSet-Cookie: x=1',
  ...XSS.slice(0, 60),
];
const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom(...HOSTILE),
  fc.integer().map(String),
  fc.double().map(String),
);
// A lone surrogate cannot be percent-encoded: send the replacement character instead.
const enc = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
const segment = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]{1,40}$/),
  hostile.map((s) => enc(s).slice(0, 300) || 'x'),
);

test.describe.configure({ mode: 'serial' });
test.setTimeout(30 * 60_000);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // Same SITE_URL as the main e2e server: both share the build's ISR cache in .next, and pages this
  // server regenerates must not carry another address into the other server's answers.
  server = await startServer({
    port: PORT,
    sourceDatabase: e2eDatabasePath(),
    env: { LOG_LEVEL: 'warn', SITE_URL: `http://127.0.0.1:${process.env.E2E_PORT || 3100}` },
  });
  await ensureStaffUsers(server.databasePath);
  for (const role of ['editor', 'admin'] as const) {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/admin/login');
    await page.getByLabel('E-mail').fill(STAFF[role].email);
    await page.getByLabel('Password').fill(STAFF[role].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Hello,/ })).toBeVisible({ timeout: 30_000 });
    cookies[role] = (await context.cookies())
      .filter((c) => c.name.includes('session-token'))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    await context.close();
  }
});

test.afterAll(async () => {
  if (!server) return;
  server.process.kill('SIGTERM');
  await server.exited;
  const db = new Database(server.databasePath, { readonly: true });
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  // The staff pages this test opens in a browser prefetch their links; closing the browser cuts those
  // answers off, and Next sometimes prints that ("⨯ Error: aborted", ECONNRESET): a client that went
  // away, not a fault of the server.
  // Colour codes and line ends are taken out first: Next colours parts of that line when it thinks
  // it writes to a terminal, and then the line did not match (seen in a fresh clone's run).
  const log = server
    .output()
    .replace(/\x1b\[[0-9;]*m|\r/g, '')
    .replace(/⨯ Error: aborted\s*\n\s*at ignore-listed frames \{\s*\n\s*code: 'ECONNRESET'\s*\n\s*\}\n?/g, '');
  fs.rmSync(server.dir, { recursive: true, force: true });
  console.log(
    `fuzz: ${Object.entries(tally)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  expect(integrity).toBe('ok');
  // Junk for a server action is answered 400 and printed nowhere (lib/server/action-requests.cjs):
  // neither Next's stack for it (⨯ …, "Invalid Server Actions request") nor an error line of ours.
  expect(log).not.toMatch(
    /unhandledRejection|Unhandled Rejection|uncaughtException|Failed to update prerender cache|SqliteError|RangeError|\[auth\]|ERR_INVALID_ARG|⨯|Invalid Server Actions? request|Server Reference ID|"level":50|ENAMETOOLONG/,
  );
});

async function check(name: string, response: Promise<import('@playwright/test').APIResponse>) {
  const res = await response;
  tally[name] = (tally[name] ?? 0) + 1;
  if (res.status() >= 500)
    throw new Error(`${name}: ${res.status()} ${res.url()}\n${(await res.text()).slice(0, 300)}`);
}

async function property(name: string, arb: fc.Arbitrary<unknown>, run: (value: never) => Promise<void>) {
  await fc.assert(
    fc.asyncProperty(arb, async (v) => run(v as never)),
    { numRuns: RUNS, endOnFailure: true },
  );
  expect(tally[name]).toBeGreaterThanOrEqual(RUNS);
}

const get = (request: APIRequestContext, url: string, headers: Record<string, string> = {}) =>
  request.get(`${server.url}${url}`, { headers, maxRedirects: 0, failOnStatusCode: false });

test('an address with broken percent-encoding, a control character or an overlong segment gets 400 (found by this fuzzer)', async ({
  request,
}) => {
  for (const url of [
    '/news/%EF',
    '/news/%EF/og.png',
    '/share/x/%E0%A4%A',
    '/media/%/a.webp',
    '/section/%EF/feed.xml',
    '/%EF%BF',
    '/section/%00/atom.xml',
    '/news/a%0Ab',
    `/news/${'a'.repeat(300)}`,
    // 90 characters, but 270 and 360 bytes: file names are counted in bytes.
    `/news/${encodeURIComponent('新'.repeat(90))}`,
    `/tag/${encodeURIComponent('🙂'.repeat(90))}`,
  ]) {
    const res = await get(request, url);
    expect(res.status(), url).toBe(400);
    expect(res.headers()['content-security-policy'], url).toBeTruthy();
  }
});

test('GET route handlers and reader pages with random paths, queries and headers', async ({ request }) => {
  const routes: [string, (s: string, q: string) => string][] = [
    ['health', (_s, q) => `/api/health?${q}`],
    ['share redirect', (s, q) => `/share/${s}/${s}?${q}`],
    ['share redirect (real network)', (s, q) => `/share/x/${s}?${q}`],
    ['media', (s, q) => `/media/${s}/${s}.webp?${q}`],
    [
      'feeds',
      (s) =>
        [
          `/feed.xml?${s}`,
          `/atom.xml?${s}`,
          `/section/${s}/feed.xml`,
          `/section/${s}/atom.xml`,
          '/news-sitemap.xml',
          '/sitemap.xml',
          '/robots.txt',
        ][s.length % 7]!,
    ],
    ['og images', (s) => [`/news/${s}/og.png`, `/section/${s}/og.png`, `/og.png?${s}`][s.length % 3]!],
    [
      'reader pages',
      (s, q) => [`/news/${s}?${q}`, `/section/${s}/page/${s}`, `/${s}`, `/section/${s}?page=${q}`][s.length % 4]!,
    ],
  ];
  const headerArb = fc.dictionary(
    fc.constantFrom(
      'accept',
      'rsc',
      'next-router-prefetch',
      'next-router-state-tree',
      'if-none-match',
      'range',
      'accept-encoding',
      'x-forwarded-host',
      'cookie',
    ),
    hostile.map((s) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 200)),
    { maxKeys: 3 },
  );
  for (const [name, url] of routes) {
    await property(
      name,
      fc.tuple(
        segment,
        hostile.map((s) => enc(s).slice(0, 500)),
        headerArb,
      ),
      async ([s, q, headers]: [string, string, Record<string, string>]) =>
        check(name, get(request, url(s, q), headers)),
    );
  }
});

test('POST /api/share with random bodies and headers', async ({ request }) => {
  const body = fc.oneof(
    hostile,
    fc
      .record({ slug: hostile, network: fc.oneof(hostile, fc.constantFrom('wechat', 'copy', 'native', 'x')) })
      .map((o) => JSON.stringify(o)),
    fc.json(),
  );
  await property(
    'share report',
    fc.tuple(
      body,
      fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', ''),
      fc.constantFrom(undefined, server.url, 'https://evil.example'),
    ),
    async ([b, type, origin]: [string, string, string | undefined]) =>
      check(
        'share report',
        request.post(`${server.url}/api/share`, {
          data: b,
          headers: { 'content-type': type, ...(origin ? { origin } : {}) },
          maxRedirects: 0,
          failOnStatusCode: false,
        }),
      ),
  );
});

test('the vote (POST and GET /api/vote) with random forms, types and cookies', async ({ request }) => {
  const mood = fc.oneof(
    fc.constantFrom('touched', 'sympathetic', 'bored', 'angry', 'amused', 'sad', 'happy', 'no_comment'),
    hostile,
  );
  const form = fc.record({
    article: fc.oneof(fc.integer({ min: -5, max: 60 }).map(String), hostile),
    mood,
    current: fc.oneof(fc.constant(''), mood),
    intent: fc.oneof(fc.constant(''), hostile),
  });
  const type = fc.constantFrom('form', 'multipart', 'json', 'text');
  await property(
    'vote',
    fc.tuple(
      form,
      type,
      fc.boolean(),
      fc.constantFrom(undefined, server.url, 'https://evil.example'),
      fc.oneof(
        fc.constant(''),
        hostile.map((s) => `moodwire_reader=${s.replace(/[^\x21-\x7e]/g, '').slice(0, 200)}`),
      ),
    ),
    async ([f, t, json, origin, cookie]: [Record<string, string>, string, boolean, string | undefined, string]) => {
      const headers: Record<string, string> = {
        ...(origin ? { origin } : {}),
        ...(json ? { accept: 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
      };
      const options =
        t === 'form'
          ? { form: f }
          : t === 'multipart'
            ? { multipart: f }
            : {
                data: t === 'json' ? JSON.stringify(f) : Object.values(f).join('&'),
                headers: { 'content-type': t === 'json' ? 'application/json' : 'text/plain' },
              };
      await check(
        'vote',
        request.post(`${server.url}/api/vote`, {
          ...options,
          headers: { ...headers, ...('headers' in options ? options.headers : {}) },
          maxRedirects: 0,
          failOnStatusCode: false,
        }),
      );
      await check('vote read', get(request, `/api/vote?article=${enc(f.article ?? '')}`, cookie ? { cookie } : {}));
    },
  );
});

test('POST /admin/markdown-preview with random text, types and sessions', async ({ request }) => {
  await property(
    'markdown preview',
    fc.tuple(
      fc.oneof(hostile, fc.constantFrom(...XSS)),
      fc.constantFrom('text/plain', 'application/json', 'text/plain; charset=utf-8', ''),
      fc.constantFrom<StaffRole | undefined>('editor', undefined),
    ),
    async ([text, type, role]: [string, string, StaffRole | undefined]) =>
      check(
        'markdown preview',
        request.post(`${server.url}/admin/markdown-preview`, {
          data: text,
          headers: { 'content-type': type, origin: server.url, ...(role ? { cookie: cookies[role]! } : {}) },
          maxRedirects: 0,
          failOnStatusCode: false,
        }),
      ),
  );
});

// Server actions, as a browser without JavaScript posts them: the form's own hidden inputs, its field
// names with random values; and as the client-side runtime calls them (Next-Action header) with junk.
const FORMS: { page: string; form: string; role?: StaffRole }[] = [
  { page: '/contact', form: 'contact.send' },
  { page: '/admin/login', form: 'auth.sign-in' },
  { page: '/admin/stories/new', form: 'story.save', role: 'editor' },
  { page: '/admin/sections', form: 'section.create', role: 'editor' },
  { page: '/admin/pages/about', form: 'page.save', role: 'editor' },
  { page: '/admin/partners', form: 'partner.create', role: 'editor' },
  { page: '/admin/promos', form: 'promo.save', role: 'editor' },
  { page: '/admin/settings', form: 'settings.save', role: 'admin' },
  { page: '/admin/users', form: 'user.create', role: 'admin' },
];

for (const f of FORMS) {
  test(`server action ${f.form} with random and hostile fields`, async ({ browser, request }) => {
    const context = await browser.newContext({
      baseURL: server.url,
      extraHTTPHeaders: f.role ? { cookie: cookies[f.role]! } : {},
    });
    const page = await context.newPage();
    await page.goto(f.page);
    const exists = await page.locator(`form[data-action="${f.form}"]`).count();
    test.skip(exists === 0, `no form ${f.form} on ${f.page}`);
    const hidden = await hiddenInputsOf(page, f.form);
    const fields = await page
      .locator(`form[data-action="${f.form}"]`)
      .first()
      .evaluate((form) => [
        ...new Set(
          [...form.querySelectorAll('input:not([type=hidden]),select,textarea')]
            .map((e) => (e as HTMLInputElement).name)
            .filter(Boolean),
        ),
      ]);
    await context.close();
    const actionId =
      Object.entries(hidden)
        .map(([k, v]) =>
          k.startsWith('$ACTION_ID_')
            ? k.slice(11)
            : /^\$ACTION_\d+:0$/.test(k)
              ? (JSON.parse(v) as { id: string }).id
              : '',
        )
        .find(Boolean) ?? '';
    const values = fc.record(
      Object.fromEntries(fields.map((name) => [name, hostile])) as Record<string, fc.Arbitrary<string>>,
    );
    // What a hand-made request puts where the client runtime puts React's encoding of the arguments.
    const junkReply = fc.oneof(
      hostile,
      fc.json(),
      fc.constantFrom(
        'null',
        '[]',
        '[1,2,3]',
        '"x"',
        '{}',
        '[{},{}]',
        '["$K1"]',
        '["$Q9"]',
        '["$@7"]',
        '["$T"]',
        '[{},"$K"]',
      ),
    );
    await property(
      `${f.form} (unreadable)`,
      fc.tuple(junkReply, fc.constantFrom('multipart', 'text', 'form-fields')),
      async ([junk, shape]: [string, string]) => {
        const headers = { origin: server.url, ...(f.role ? { cookie: cookies[f.role]! } : {}) };
        const post = (options: Parameters<APIRequestContext['post']>[1]) =>
          request.post(`${server.url}${f.page}`, { ...options, maxRedirects: 0, failOnStatusCode: false });
        let res: import('@playwright/test').APIResponse;
        if (shape === 'multipart') {
          const multipart = new FormData();
          multipart.append('0', junk);
          res = await post({ multipart, headers: { ...headers, 'Next-Action': actionId, accept: 'text/x-component' } });
        } else if (shape === 'text') {
          res = await post({
            data: junk,
            headers: { ...headers, 'Next-Action': actionId, accept: 'text/x-component', 'content-type': 'text/plain' },
          });
        } else {
          // The no-JS form's hidden fields, mangled: the bound arguments or the reference to the action.
          const mangled = { ...hidden };
          for (const key of Object.keys(mangled)) if (/^\$ACTION_\d+:[01]$/.test(key)) mangled[key] = junk;
          res = await post({ multipart: mangled, headers: { ...headers, accept: 'text/html' } });
        }
        tally[`${f.form} (unreadable)`] = (tally[`${f.form} (unreadable)`] ?? 0) + 1;
        if (res.status() >= 500)
          throw new Error(`${f.form}: ${res.status()} for ${shape} ${JSON.stringify(junk).slice(0, 200)}`);
      },
    );
    await property(
      f.form,
      fc.tuple(values, fc.boolean(), fc.boolean()),
      async ([v, direct, keepHidden]: [Record<string, string>, boolean, boolean]) => {
        const headers: Record<string, string> = {
          origin: server.url,
          accept: direct ? 'text/x-component' : 'text/html',
          ...(f.role ? { cookie: cookies[f.role]! } : {}),
        };
        if (direct) {
          const multipart = new FormData();
          for (const [k, val] of Object.entries(v)) multipart.append(`_1_${k}`, val);
          multipart.append('0', keepHidden ? JSON.stringify([{}, '$K1']) : JSON.stringify(v).slice(0, 500));
          await check(
            f.form,
            request.post(`${server.url}${f.page}`, {
              multipart,
              headers: {
                ...headers,
                'Next-Action': keepHidden
                  ? actionId
                  : (v[fields[0] ?? ''] ?? 'x').replace(/[^\x21-\x7e]/g, '').slice(0, 100),
              },
              maxRedirects: 0,
              failOnStatusCode: false,
            }),
          );
        } else {
          await check(
            f.form,
            request.post(`${server.url}${f.page}`, {
              multipart: { ...(keepHidden ? hidden : {}), ...v },
              headers,
              maxRedirects: 0,
              failOnStatusCode: false,
            }),
          );
        }
      },
    );
  });
}
