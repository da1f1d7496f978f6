// Issue 8, item 8: crash safety. The production server, on its own copy of the e2e database, takes
// votes from many readers (JSON and no-JS form posts) and is killed with SIGKILL at a random moment
// while they pour in, ten times, restarting on the same files each time. After every kill: PRAGMA integrity_check = ok,
// every vote that got a success answer is in `votes` (same reader, story and mood), and the tallies
// and the hourly rollup equal COUNT(*) of the votes.
//
// A Playwright spec rather than a vitest test: it needs `next start` and the production build,
// which `npm test` makes after vitest (like shutdown.spec.ts). Port E2E_PORT+4. Only /api/vote is
// requested and redirects are not followed, so this server never renders a page into the build's
// shared ISR cache while it can be killed mid-write.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { MOODS } from '../../lib/domain/moods';
import { e2eDatabasePath } from '../helpers/e2e-db';
import { startServer, type TestServer } from '../helpers/server';

const PORT = Number(process.env.E2E_PORT || 3100) + 4;
const ROUNDS = 10;
const READERS = 16;
const STORIES_PER_READER = 6;

type Vote = { reader: string; article: number; mood: string };
type Tally = Record<string, number>;

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

function shuffled<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The process we kill is the server itself: titled next-server by Next, with no child process. */
function assertRealServer(server: TestServer) {
  const pid = server.process.pid!;
  const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  expect(cmdline.startsWith('next-server'), cmdline).toBe(true);
  const children = fs
    .readdirSync(`/proc/${pid}/task`)
    .map((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim())
    .filter(Boolean);
  expect(children, 'next start serves from this process, no worker').toEqual([]);
}

/**
 * One reader after another: each gets a fresh reader cookie on its first vote and votes once on
 * each of a few stories (intent "set", so every acknowledged vote must stay exactly as answered).
 * Returns when the server stops answering.
 */
async function readerLoop(
  url: string,
  articles: number[],
  acked: Vote[],
  counts: { sent: number; unanswered: number; refused: number },
) {
  for (;;) {
    let cookie: string | undefined;
    let reader: string | undefined;
    for (const article of shuffled(articles).slice(0, STORIES_PER_READER)) {
      const mood = pick(MOODS);
      const json = Math.random() < 0.5;
      counts.sent++;
      let res: Response;
      let body: unknown;
      try {
        res = await fetch(`${url}/api/vote`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: url,
            accept: json ? 'application/json' : 'text/html',
            ...(cookie ? { cookie } : {}),
          },
          body: new URLSearchParams({ article: String(article), mood, current: '' }),
        });
        body = json ? await res.json() : await res.text();
      } catch {
        // The server died with this vote in flight: it may or may not have been committed.
        counts.unanswered++;
        return;
      }
      const set = res.headers.getSetCookie().find((c) => c.startsWith('mw_reader='));
      if (set) {
        cookie = set.split(';')[0]!;
        reader = cookie.split('.')[1];
      }
      const ok = json
        ? res.status === 200 &&
          (body as { ok?: boolean; mine?: string }).ok === true &&
          (body as { mine?: string }).mine === mood
        : res.status === 303 && (res.headers.get('location') ?? '').endsWith('#mood-vote');
      if (!ok) {
        counts.refused++;
        continue;
      }
      expect(reader, 'a first vote sets the reader cookie').toBeDefined();
      acked.push({ reader: reader!, article, mood });
    }
  }
}

function groupCounts(db: Database.Database, sql: string): Tally {
  const out: Tally = {};
  for (const row of db.prepare(sql).all() as { k: string; n: number }[]) if (row.n !== 0) out[row.k] = row.n;
  return out;
}

test('SIGKILL at random moments under vote load, 10 rounds: integrity ok, every acknowledged vote present, tallies = COUNT(*)', async () => {
  test.setTimeout(150_000);
  const env = {
    VOTE_LIMIT_PER_MINUTE: '0',
    VOTE_READER_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    SITE_URL: `http://127.0.0.1:${process.env.E2E_PORT || 3100}`,
  };
  let server = await startServer({ port: PORT, sourceDatabase: e2eDatabasePath, env });
  const files = { dir: server.dir, databasePath: server.databasePath };
  const seed = new Database(files.databasePath, { readonly: true });
  const articles = (
    seed
      .prepare("select id from articles where status = 'published' and voting_paused = 0 and published_at <= ?")
      .all(Date.now()) as { id: number }[]
  ).map((r) => r.id);
  const votesBefore = (seed.prepare('select count(*) as n from votes').get() as { n: number }).n;
  seed.close();
  expect(articles.length).toBeGreaterThanOrEqual(STORIES_PER_READER);

  const acked: Vote[] = [];
  const counts = { sent: 0, unanswered: 0, refused: 0 };
  const delays: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      if (round > 1) server = await startServer({ port: PORT, reuse: files, env });
      assertRealServer(server);
      const ackedBefore = acked.length;
      const readers = Array.from({ length: READERS }, () => readerLoop(server.url, articles, acked, counts));
      // Kill under load: once votes are being answered, at a random moment in the next second.
      await expect
        .poll(() => acked.length - ackedBefore, { timeout: 30_000, intervals: [20] })
        .toBeGreaterThanOrEqual(READERS / 2);
      const delay = Math.floor(Math.random() * 1000);
      delays.push(delay);
      await new Promise((r) => setTimeout(r, delay));
      server.process.kill('SIGKILL');
      expect(await server.exited).toBe(137);
      await Promise.all(readers);
      // Nobody else was answering on that port.
      await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

      // Read-only, so SQLite's recovery of the killed server's WAL is left to the next server.
      const db = new Database(files.databasePath, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        const find = db.prepare('select mood from votes where reader_id = ? and article_id = ? and voided_at is null');
        const missing = acked.filter(
          (v) => (find.get(v.reader, v.article) as { mood: string } | undefined)?.mood !== v.mood,
        );
        expect(missing, `round ${round}: acknowledged votes missing or changed`).toEqual([]);
        // Every new row is an acknowledged vote or one whose answer the kill cut off.
        const added = (db.prepare('select count(*) as n from votes').get() as { n: number }).n - votesBefore;
        expect(added).toBeGreaterThanOrEqual(acked.length);
        expect(added).toBeLessThanOrEqual(acked.length + counts.unanswered);

        const live = 'from votes where voided_at is null group by 1';
        expect(
          groupCounts(db, "select article_id || ':' || mood as k, sum(count) as n from vote_tallies group by 1"),
          `round ${round}: tallies`,
        ).toEqual(groupCounts(db, `select article_id || ':' || mood as k, count(*) as n ${live}`));
        expect(
          groupCounts(
            db,
            "select article_id || ':' || hour || ':' || mood as k, sum(count) as n from vote_hourly group by 1",
          ),
          `round ${round}: vote_hourly`,
        ).toEqual(
          groupCounts(
            db,
            `select article_id || ':' || (created_at / 3600000 * 3600000) || ':' || mood as k, count(*) as n ${live}`,
          ),
        );
      } finally {
        db.close();
      }
    }
  } finally {
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
  }
  console.log(
    `crash safety: ${ROUNDS} SIGKILLs, ${delays.join(', ')} ms after the first votes were answered; ${counts.sent} votes sent, ${acked.length} acknowledged and all present, ` +
      `${counts.unanswered} cut off by the kill, ${counts.refused} refused`,
  );
  // Every reader had a vote in flight when its server died.
  expect(counts.unanswered).toBe(ROUNDS * READERS);
  expect(counts.refused).toBe(0);
  fs.rmSync(files.dir, { recursive: true, force: true });
});
