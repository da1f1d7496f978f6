import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openE2eDatabase } from '../helpers/e2e-db';

const TRIPWIRE_IP = '203.0.113.77';
const TRIPWIRE_UA = 'MoodwireTripwireAgent/9.9 (privacy test)';

test('health answers 200 with version and migration state', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  const body = await res.json();
  expect(body.status).toBe('ok');
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(body.migrations.applied).toBe(body.migrations.expected);
  expect(body.migrations.applied).toBeGreaterThan(0);
});

test('one structured log line per request with an id and timing, and no client address or user agent anywhere', async ({
  playwright,
  baseURL,
}) => {
  const client = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'User-Agent': TRIPWIRE_UA, 'X-Forwarded-For': TRIPWIRE_IP },
  });
  const marker = `/news/log-marker-${Date.now()}`;
  const res = await client.get(`${marker}?secret=${encodeURIComponent(TRIPWIRE_UA)}`);
  expect(res.status()).toBe(404);
  const id = res.headers()['x-request-id'];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  for (const p of ['/', '/news/wechat-outage-leaves-millions-cut-off', '/about'])
    expect((await client.get(p)).status()).toBe(200);
  await client.dispose();

  const logFile = path.join(
    path.dirname(process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`),
    'server.log',
  );
  let line: Record<string, unknown> | undefined;
  await expect
    .poll(() => {
      const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n') : [];
      line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.id === id);
      return line !== undefined;
    })
    .toBe(true);
  expect(line).toMatchObject({ method: 'GET', path: marker, status: 404 });
  expect(typeof line!.ms).toBe('number');

  const logs = fs.readFileSync(logFile, 'utf8');
  for (const needle of [TRIPWIRE_IP, TRIPWIRE_UA, '127.0.0.1', 'MoodwireTripwireAgent'])
    expect(logs, needle).not.toContain(needle);

  // Nothing in any table either.
  const db = openE2eDatabase();
  const tables = (
    db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  for (const table of tables) {
    const columns = (db.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string }[]).filter(
      (c) => /TEXT/i.test(c.type),
    );
    for (const c of columns) {
      const hit = db
        .prepare(
          `select count(*) as n from "${table}" where instr("${c.name}", ?) > 0 or instr("${c.name}", ?) > 0 or instr("${c.name}", '127.0.0.1') > 0`,
        )
        .get(TRIPWIRE_IP, 'MoodwireTripwireAgent') as { n: number };
      expect(hit.n, `${table}.${c.name}`).toBe(0);
    }
  }
  db.close();
});

test('with the database locked by another writer, stories still render, health says why with a 503 and votes say "voting is paused"', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const db = openE2eDatabase();
  const article = (
    db.prepare("select id from articles where slug = 'graduation-micro-videos-sweep-campuses'").get() as { id: number }
  ).id;
  const votesBefore = (db.prepare('select count(*) as n from votes').get() as { n: number }).n;
  db.prepare('begin immediate').run();
  try {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', reason: 'database is locked by another writer' });
    for (const p of [
      '/',
      '/news/wechat-outage-leaves-millions-cut-off',
      '/news/graduation-micro-videos-sweep-campuses',
      '/section/sports',
      '/about',
    ]) {
      const res = await request.get(p);
      expect(res.status(), p).toBe(200);
    }

    // Health probed the lock just now; the vote is refused at once (no 5 s busy wait holding the
    // server), by either path.
    const vote = (accept: string) =>
      request.post('/api/vote', {
        form: { article: String(article), mood: 'bored', current: '' },
        headers: { accept, origin: baseURL! },
        maxRedirects: 0,
        failOnStatusCode: false,
      });
    const started = Date.now();
    const json = await vote('application/json');
    expect(json.status()).toBe(503);
    expect(Date.now() - started).toBeLessThan(4500);
    expect(json.headers()['retry-after']).toBe('1');
    expect((await json.json()).message).toMatch(/^Voting is paused for a moment/);
    const form = await vote('text/html');
    expect(form.status()).toBe(503);
    expect(form.headers()['content-type']).toContain('text/html');
    expect(await form.text()).toContain('<h1>Voting is paused</h1>');
    // The script on a cached story page learns it from the live counts (a 200 ms probe, not 5 s).
    const live = await request.get(`/api/vote?article=${article}`);
    expect(live.status()).toBe(200);
    expect((await live.json()).paused).toMatch(/^Voting is paused/);

    // Every 5xx is one line at level error, with why (issue 22).
    const logFile = path.join(
      path.dirname(process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`),
      'server.log',
    );
    const lineOf = (id: string) =>
      (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n') : [])
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.id === id);
    for (const [res, cause] of [
      [health, 'health check: database is locked by another writer'],
      // A vote's line also names the database's code, or "recent failure or probe" when it never tried.
      [json, expect.stringMatching(/^vote refused: database is locked by another writer \(.+\)$/)],
      [form, expect.stringMatching(/^vote refused: database is locked by another writer \(.+\)$/)],
    ] as const) {
      const id = res.headers()['x-request-id']!;
      await expect.poll(() => lineOf(id).length).toBe(1);
      expect(lineOf(id)[0]).toMatchObject({ level: 50, status: 503, cause: { message: cause } });
    }
  } finally {
    db.prepare('rollback').run();
  }
  expect((db.prepare('select count(*) as n from votes').get() as { n: number }).n).toBe(votesBefore);
  db.close();
  expect((await request.get('/api/health')).status()).toBe(200);
});
