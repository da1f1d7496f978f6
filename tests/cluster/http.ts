// Requests for the cluster proofs: each on a connection of its own from a chosen loopback address, so
// that nginx sees that address as the client (127.0.0.0/8 is all local on Linux) and the servers, with
// TRUST_PROXY=1, count the vote limit for it, exactly as for readers on the Internet.
import http from 'node:http';
import pg from 'pg';
import type { Mood } from '../../lib/domain/moods';

export type Answer = {
  /** 0 when no HTTP answer came (connection refused or reset, timeout) */
  status: number;
  /** nginx's $upstream_addr: the server(s) that answered, "a, b" when nginx went on to a second */
  upstream: string;
  body: string;
  setCookies: string[];
  error?: string;
};

export type Options = { method?: string; body?: string; headers?: Record<string, string>; from?: string };

export function request(url: string, o: Options = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      {
        method: o.method ?? 'GET',
        headers: { ...(o.body ? { 'content-length': String(Buffer.byteLength(o.body)) } : {}), ...o.headers },
        localAddress: o.from,
        agent: false,
        timeout: 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            upstream: String(res.headers['x-upstream'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            setCookies: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', (e) => resolve({ status: 0, upstream: '', body: '', setCookies: [], error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out after 20 s')));
    req.on('error', (e) => resolve({ status: 0, upstream: '', body: '', setCookies: [], error: e.message }));
    req.end(o.body);
  });
}

/** The n-th loopback address of a block: block 10, n 0 → 127.10.0.1; n 250 → 127.10.1.1. */
export const loopback = (block: number, n: number) => `127.${block}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;

export type Vote = Answer & { readerId?: string; mood: Mood; articleId: number; startedAt: number };

/** A new reader's vote, as the page's script sends it (JSON answer), from the address `from`. */
export async function vote(base: string, articleId: number, mood: Mood, from: string): Promise<Vote> {
  const startedAt = Date.now();
  const answer = await request(`${base}/api/vote`, {
    method: 'POST',
    from,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      origin: base,
    },
    body: new URLSearchParams({ article: String(articleId), mood, current: '' }).toString(),
  });
  // r1.<reader id>.<signature> (lib/votes/reader-cookie.ts)
  const cookie = answer.setCookies.find((c) => c.startsWith('mw_reader='));
  const readerId = cookie ? /^mw_reader=r1\.([A-Za-z0-9_-]{22})\./.exec(cookie)?.[1] : undefined;
  return { ...answer, readerId, mood, articleId, startedAt };
}

/** A vote the server acknowledged: 200 with the new tallies, and the reader's cookie. */
export const acknowledged = (v: Vote) => v.status === 200 && v.body.includes('"ok":true') && !!v.readerId;

/** Runs `task(i)` for i in 0…count-1, at most `concurrency` at a time. */
export async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

export async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.CLUSTER_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Every tally and every hourly rollup that differs from COUNT(*) of live votes (empty when all are
 * exact), over the whole database.
 */
export async function talliesOff(): Promise<string[]> {
  const rows = await query<{ what: string; article_id: number; mood: string; kept: string; counted: string }>(`
    with live as (
      select article_id, mood, count(*) as n from votes where voided_at is null group by article_id, mood
    ), tallies as (
      select article_id, mood, sum(count) as n from vote_tallies group by article_id, mood
    ), hourly as (
      select article_id, mood, sum(count) as n from vote_hourly group by article_id, mood
    )
    select 'tally' as what, coalesce(t.article_id, l.article_id) as article_id, coalesce(t.mood, l.mood) as mood,
           coalesce(t.n, 0) as kept, coalesce(l.n, 0) as counted
      from tallies t full join live l using (article_id, mood) where coalesce(t.n, 0) <> coalesce(l.n, 0)
    union all
    select 'hourly', coalesce(h.article_id, l.article_id), coalesce(h.mood, l.mood), coalesce(h.n, 0), coalesce(l.n, 0)
      from hourly h full join live l using (article_id, mood) where coalesce(h.n, 0) <> coalesce(l.n, 0)`);
  return rows.map((r) => `${r.what} of story ${r.article_id} ${r.mood}: kept ${r.kept}, counted ${r.counted}`);
}

export type ClusterServer = { url: string; pid: number };
export const clusterServers = (): ClusterServer[] => JSON.parse(process.env.CLUSTER_SERVERS ?? '[]');
export const clusterUrl = () => process.env.CLUSTER_URL ?? '';
