// Issue 22: a reader who has voted never gets a 500. Two hundred new readers vote on one story at the
// same moment, half through the script's JSON path and half through the plain form (its 303 followed,
// cookies kept, as a browser without JavaScript does), and then load the story. Three rounds, with a
// pause of a few seconds between them: the server's idle keep-alive connections were what the old
// self-request (a proxy rewrite served over HTTP by the server to itself) tripped over.
//
// Every vote is acknowledged, every page answers 200 and marks the reader's own mood, the rows equal
// the acknowledged votes, the tallies and the hourly rollup equal COUNT(*), and the server printed no
// error line, no MaxListenersExceededWarning and no failed self-request.
//
// A server of its own (port E2E_PORT+7) on a copy of the e2e database, bound to 127.0.0.1 like the
// README's HOSTNAME example; the story is planted in that copy only, so the pages it renders into the
// build's shared cache are never asked for by the main e2e server.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { MOODS, type Mood } from '../../lib/domain/moods';
import { e2eDatabasePath, plantArticle, uniqueSuffix } from '../helpers/e2e-db';
import { startServer, type TestServer } from '../helpers/server';

const PORT = Number(process.env.E2E_PORT || 3100) + 7;
const ROUNDS = 3;
const READERS = 200;
const PAUSE_MS = 4_500;

type Outcome = {
  mood: Mood;
  json: boolean;
  vote: number;
  acknowledged: boolean;
  page: number;
  marked: Mood[];
  readerId?: string;
  error?: string;
};

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='));

/** The moods a story page marks as the reader's own (pressed buttons). */
function markedMoods(html: string): Mood[] {
  return [...html.matchAll(/aria-pressed="true" aria-labelledby="mood-([a-z_]+)-label"/g)].map((m) => m[1] as Mood);
}

async function oneReader(server: TestServer, articleId: number, slug: string, mood: Mood, json: boolean) {
  const outcome: Outcome = { mood, json, vote: 0, acknowledged: false, page: 0, marked: [] };
  try {
    const vote = await fetch(`${server.url}/api/vote`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: server.url,
        ...(json ? { accept: 'application/json' } : {}),
      },
      body: new URLSearchParams({ article: String(articleId), mood, current: '' }),
    });
    outcome.vote = vote.status;
    const cookies = cookiesOf(vote);
    outcome.readerId = /^mw_reader=r1\.([^.]+)\./.exec(cookies.find((c) => c.startsWith('mw_reader=')) ?? '')?.[1];
    let location = `/news/${slug}`;
    if (json) {
      const body = (await vote.json()) as { ok?: boolean; mine?: string };
      outcome.acknowledged = vote.status === 200 && body.ok === true && body.mine === mood;
    } else {
      await vote.arrayBuffer();
      outcome.acknowledged = vote.status === 303;
      location = vote.headers.get('location') ?? location;
    }
    // The browser follows the 303 (or the script's reader reloads) with the cookies it was given.
    const page = await fetch(new URL(location, server.url), {
      headers: { cookie: cookies.join('; '), accept: 'text/html' },
    });
    outcome.page = page.status;
    outcome.marked = markedMoods(await page.text());
  } catch (error) {
    outcome.error = String(error);
  }
  return outcome;
}

test('200 readers vote at once with and without JavaScript, three rounds: every page 200 with their own mood', async () => {
  test.setTimeout(240_000);
  const server = await startServer({
    port: PORT,
    sourceDatabase: e2eDatabasePath,
    env: {
      // Same SITE_URL as the main e2e server: both write the build's shared cache (see fuzz.spec.ts).
      SITE_URL: `http://127.0.0.1:${process.env.E2E_PORT || 3100}`,
      VOTE_LIMIT_PER_MINUTE: '0',
      VOTE_READER_LIMIT_PER_MINUTE: '0',
    },
  });
  const slug = `everyone-votes-${uniqueSuffix()}`;
  const db = new Database(server.databasePath);
  db.pragma('busy_timeout = 5000');
  const articleId = plantArticle(db, { slug, title: 'Everyone votes at once', bodyHtml: '<p>Vote.</p>' });
  const outcomes: Outcome[] = [];
  try {
    // The story is rendered and cached before the crowd arrives, as a busy story would be.
    expect((await fetch(`${server.url}/news/${slug}`)).status).toBe(200);
    for (let round = 1; round <= ROUNDS; round++) {
      if (round > 1) await new Promise((r) => setTimeout(r, PAUSE_MS));
      const crowd = Array.from({ length: READERS }, (_, i) =>
        oneReader(server, articleId, slug, MOODS[(i + round) % MOODS.length]!, i % 2 === 0),
      );
      const results = await Promise.all(crowd);
      outcomes.push(...results);
      const wrong = results.filter((o) => o.error || !o.acknowledged || o.page !== 200 || o.marked.join() !== o.mood);
      expect(wrong.slice(0, 5), `round ${round}: ${wrong.length} of ${READERS} readers`).toEqual([]);
    }

    // Each reader's own vote is stored as answered; nothing else was added.
    const find = db.prepare('select mood from votes where reader_id = ? and article_id = ? and voided_at is null');
    const missing = outcomes.filter(
      (o) => (find.get(o.readerId, articleId) as { mood: string } | undefined)?.mood !== o.mood,
    );
    expect(missing.slice(0, 5), 'acknowledged votes missing or changed').toEqual([]);
    const rows = (db.prepare('select count(*) as n from votes where article_id = ?').get(articleId) as { n: number }).n;
    expect(rows).toBe(outcomes.filter((o) => o.acknowledged).length);
    const counts = (sql: string) =>
      Object.fromEntries((db.prepare(sql).all(articleId) as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    const live = 'from votes where article_id = ? and voided_at is null group by 1';
    expect(counts('select mood as k, sum(count) as n from vote_tallies where article_id = ? group by 1')).toEqual(
      counts(`select mood as k, count(*) as n ${live}`),
    );
    expect(
      counts("select hour || ':' || mood as k, sum(count) as n from vote_hourly where article_id = ? group by 1"),
    ).toEqual(counts(`select (created_at / 3600000 * 3600000) || ':' || mood as k, count(*) as n ${live}`));
  } finally {
    db.close();
    server.process.kill('SIGTERM');
    await server.exited;
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
  const output = server.output();
  expect(output).not.toMatch(/MaxListenersExceededWarning/);
  expect(output).not.toMatch(/Failed to proxy/);
  expect(output).not.toMatch(/"level":50/);
  expect(output).not.toMatch(/⨯/);
  console.log(
    `voters at once: ${outcomes.length} readers in ${ROUNDS} rounds of ${READERS} (half JSON, half form), all acknowledged, every page 200 with the reader's mood`,
  );
});
