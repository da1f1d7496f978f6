// Issue 18 §7: three production servers behind nginx behave as one. Started by scripts/test-cluster.ts
// (one PostgreSQL database, one Redis database, one AUTH_SECRET, TRUST_PROXY=1, nginx configured with
// deploy/nginx/moodwire-proxy.conf). The proofs run in order; the last one kills a server.
import { expect, test } from '@playwright/test';
import { MOODS } from '../../lib/domain/moods';
import { ensureStaffUsers } from '../helpers/staff';
import { signInThroughForm } from '../helpers/staff-e2e';
import {
  acknowledged,
  clusterServers,
  clusterUrl,
  loopback,
  pool,
  query,
  request,
  talliesOff,
  vote,
  type Vote,
} from './http';

// One worker, in file order (playwright.cluster.config.ts): the killed server comes last.
const base = clusterUrl();
const servers = clusterServers();
const VOTE_LIMIT = Number(process.env.CLUSTER_VOTE_LIMIT || 5);
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Published stories to vote on, newest first. */
async function stories(n: number, offset = 0): Promise<{ id: number; slug: string }[]> {
  return query<{ id: number; slug: string }>(
    `select id, slug from articles where status = 'published' and not voting_paused
      order by published_at desc, id desc limit $1 offset $2`,
    [n, offset],
  );
}

const countVotes = async () => Number((await query<{ n: string }>('select count(*) as n from votes'))[0]!.n);

/** The servers that answered a set of requests (nginx's $upstream_addr, first attempt). */
const answeredBy = (answers: { upstream: string }[]) =>
  new Set(answers.map((a) => a.upstream.split(',')[0]!.trim()).filter(Boolean));

test('three servers answer through nginx, each on its own address', async () => {
  expect(servers).toHaveLength(3);
  const answers = await Promise.all(Array.from({ length: 9 }, () => request(`${base}/api/health`)));
  expect(answers.map((a) => a.status)).toEqual(Array(9).fill(200));
  // Round robin: every server took a share.
  expect(answeredBy(answers).size).toBe(3);
});

test('300 readers vote through nginx at once: every vote acknowledged, rows and tallies exact', async () => {
  const targets = await stories(5);
  const before = await countVotes();
  const votes = await Promise.all(
    Array.from({ length: 300 }, (_, i) =>
      vote(base, targets[i % targets.length]!.id, MOODS[i % MOODS.length]!, loopback(10, i)),
    ),
  );
  const refused = votes.filter((v) => !acknowledged(v)).map((v) => `${v.status} ${v.error ?? v.body.slice(0, 120)}`);
  expect(refused).toEqual([]);
  expect(answeredBy(votes).size).toBe(3);

  // One row per reader, all of them there, nothing else written.
  const ids = votes.map((v) => v.readerId!);
  const stored = await query<{ reader_id: string; article_id: number; mood: string }>(
    'select reader_id, article_id, mood from votes where reader_id = any($1)',
    [ids],
  );
  expect(stored).toHaveLength(300);
  const expected = new Map(votes.map((v) => [v.readerId!, `${v.articleId}:${v.mood}`]));
  for (const row of stored) expect(`${row.article_id}:${row.mood}`).toBe(expected.get(row.reader_id));
  expect(await countVotes()).toBe(before + 300);
  expect(await talliesOff()).toEqual([]);

  // What a reader's script is told on any server equals the database.
  for (const story of targets) {
    const counted = await query<{ mood: string; n: string }>(
      'select mood, count(*) as n from votes where article_id = $1 and voided_at is null group by mood',
      [story.id],
    );
    const want = Object.fromEntries(counted.map((r) => [r.mood, Number(r.n)]));
    for (const server of servers) {
      const live = await request(`${server.url}/api/vote?article=${story.id}`);
      expect(live.status).toBe(200);
      const tallies = (JSON.parse(live.body) as { tallies: Record<string, number> }).tallies;
      expect(Object.fromEntries(Object.entries(tallies).filter(([, n]) => n > 0))).toEqual(want);
    }
  }
});

test(`the vote limit is a total across the servers: ${VOTE_LIMIT} a minute from one address, wherever they land`, async () => {
  const targets = await stories(10, 5);
  const before = await countVotes();
  const from = loopback(30, 0);
  const votes = await Promise.all(
    Array.from({ length: 30 }, (_, i) => vote(base, targets[i % targets.length]!.id, MOODS[i % MOODS.length]!, from)),
  );
  // Every server took some of the 30: a per-server limit would have let up to 3 × the limit through.
  expect(answeredBy(votes).size).toBe(3);
  expect(votes.filter(acknowledged)).toHaveLength(VOTE_LIMIT);
  expect(votes.filter((v) => v.status === 429)).toHaveLength(30 - VOTE_LIMIT);
  expect(await countVotes()).toBe(before + VOTE_LIMIT);
  // …and another address is not held back by it.
  const other = await vote(base, targets[0]!.id, 'happy', loopback(30, 1));
  expect(acknowledged(other)).toBe(true);
  expect(await talliesOff()).toEqual([]);
});

test('a story published through one server reads on the other two within 1 s', async ({ browser }) => {
  test.setTimeout(90_000);
  await ensureStaffUsers();
  const [publisher, ...readers] = servers;
  const section = '/section/weibo-wire';
  const title = `Cluster harbour story ${unique()}`;
  // The section page is cached on the other servers, without the story.
  for (const server of readers) {
    for (let i = 0; i < 2; i++) {
      const page = await request(server.url + section);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain(title);
    }
  }

  const context = await browser.newContext({ baseURL: publisher!.url });
  const page = await context.newPage();
  await signInThroughForm(page, 'editor');
  await page.goto('/admin/stories/new');
  await page.getByLabel('Headline').fill(title);
  await page.getByLabel('Standfirst').fill('Published on one server, read on the others.');
  await page.getByLabel('Body (Markdown)').fill('The **harbour** lights came on early on every server.');
  await page.getByLabel('Section', { exact: true }).selectOption({ label: '\u00a0\u00a0\u00a0› Weibo Wire' });
  await page.getByLabel('Status').selectOption('published');
  await page.getByRole('button', { name: 'Create story' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const published = Date.now();
  const slug = await page.getByLabel('Slug (address)').inputValue();
  await context.close();

  // Each of the other servers, asked every 50 ms: a request sent within 1 s of the publication gets the
  // section page listing the story. (Its answer may take longer: a render on a busy machine.)
  const seen = await Promise.all(
    readers.map(async (server) => {
      for (;;) {
        const sentAfter = Date.now() - published;
        if (sentAfter > 1000) return undefined;
        if ((await request(server.url + section)).body.includes(title))
          return { sentAfter, answeredAfter: Date.now() - published };
        await new Promise((r) => setTimeout(r, 50));
      }
    }),
  );
  const report = seen.map((s) =>
    s ? `asked after ${s.sentAfter} ms, answered after ${s.answeredAfter} ms` : 'not within 1 s',
  );
  console.log(`section page listing the story on the other servers: ${report.join('; ')}`);
  expect(seen.every(Boolean), report.join('; ')).toBe(true);
  for (const server of readers) {
    const story = await request(`${server.url}/news/${slug}`);
    expect(story.status).toBe(200);
    expect(story.body).toContain(title);
  }
});

test('a scheduled story is released once and audited once, with three servers racing for it', async () => {
  test.setTimeout(60_000);
  const [story] = await stories(1, 20);
  // Every server's release timer (every 10 s, lib/server/scheduled-release.ts) is made to fire at the
  // same moment: the three processes are paused for longer than one period, the story falls due
  // meanwhile, and all three resume together with their timers overdue.
  for (const s of servers) process.kill(s.pid, 'SIGSTOP');
  try {
    await query(`update articles set status = 'scheduled', published_at = $2 where id = $1`, [
      story!.id,
      Date.now() - 1000,
    ]);
    await new Promise((r) => setTimeout(r, 10_500));
  } finally {
    for (const s of servers) process.kill(s.pid, 'SIGCONT');
  }
  const end = Date.now() + 20_000;
  let status = 'scheduled';
  while (status !== 'published' && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    status = (await query<{ status: string }>('select status from articles where id = $1', [story!.id]))[0]!.status;
  }
  expect(status).toBe('published');
  // Let every server finish its tick, then count.
  await new Promise((r) => setTimeout(r, 3000));
  const audits = await query<{ n: string }>(
    `select count(*) as n from audit_log where action = 'story.release' and object_id = $1`,
    [String(story!.id)],
  );
  expect(Number(audits[0]!.n)).toBe(1);
  for (const server of servers) expect((await request(`${server.url}/news/${story!.slug}`)).status).toBe(200);
});

test('one server killed under vote load: nginx carries on, no acknowledged vote lost, tallies exact', async () => {
  test.setTimeout(90_000);
  const targets = await stories(3);
  const victim = servers[2]!;
  const VOTES = 450;
  const CONCURRENCY = 24;
  let killedAt = 0;
  let acks = 0;
  const reads: { status: number; ms: number }[] = [];
  let loading = true;

  // Readers keep loading a story page through nginx during the whole run.
  const reading = (async () => {
    while (loading) {
      const started = Date.now();
      const page = await request(`${base}/news/${targets[0]!.slug}`);
      reads.push({ status: page.status, ms: Date.now() - started });
    }
  })();
  const votes: Vote[] = await pool(VOTES, CONCURRENCY, async (i) => {
    const v = await vote(base, targets[i % 3]!.id, MOODS[i % MOODS.length]!, loopback(20, i));
    if (acknowledged(v) && ++acks === 100 && !killedAt) {
      process.kill(victim.pid, 'SIGKILL');
      killedAt = Date.now();
    }
    return v;
  });
  loading = false;
  await reading;

  expect(killedAt).toBeGreaterThan(0);
  const ok = votes.filter(acknowledged);
  const failed = votes.filter((v) => !acknowledged(v));
  console.log(
    `${ok.length} of ${VOTES} votes acknowledged, ${failed.length} not (${failed.map((v) => v.status).join(' ')}); ${reads.length} page reads`,
  );
  // Only the votes in flight on the killed server may fail, and only as nginx's 502 (never replayed).
  expect(failed.length).toBeLessThanOrEqual(CONCURRENCY);
  expect(failed.filter((v) => v.status !== 502)).toEqual([]);
  // A second after the kill, nginx sends everything to the two others.
  const later = votes.filter((v) => v.startedAt > killedAt + 1000);
  expect(later.length).toBeGreaterThan(50);
  expect(later.filter((v) => !acknowledged(v))).toEqual([]);
  // Pages are idempotent: nginx passes a request the dead server dropped to the next one.
  expect(reads.filter((r) => r.status !== 200)).toEqual([]);

  // Every acknowledged vote is in the database, as acknowledged; the rest at most once.
  const stored = await query<{ reader_id: string; mood: string }>(
    'select reader_id, mood from votes where reader_id = any($1)',
    [ok.map((v) => v.readerId!)],
  );
  expect(stored).toHaveLength(ok.length);
  expect(await talliesOff()).toEqual([]);
  // The two servers left still answer through nginx.
  const after = await Promise.all(Array.from({ length: 6 }, () => request(`${base}/api/health`)));
  expect(after.map((a) => a.status)).toEqual(Array(6).fill(200));
  expect(answeredBy(after).size).toBe(2);
});
