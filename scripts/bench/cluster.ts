// npm run bench:cluster — the measured figures behind the README's capacity table (issue 18 §8):
//  1. CPU ms per request of one production server on PostgreSQL + Redis, per kind of answer (story,
//     home, section, mood ranking, a static asset, a vote), from /proc while autocannon loads it
//     through 127.0.0.1; and nginx's own CPU ms per page passed through it;
//  2. the PostgreSQL vote ceiling: votes/s through the app's own vote transaction (castVote) on 50
//     connections, spread over the stories and on one viral story, with the rows counted after (0 lost);
//  3. Redis GET latency for a cached page's worth of bytes.
// The load average is printed with every figure: on a shared machine they are upper bounds.
// Environment as scripts/test-cluster.ts (CLUSTER_PORT, CLUSTER_REDIS_URL); BENCH_CLUSTER_DATABASE
// names the database (default moodwire_bench_cluster); results go to bench/cluster-<time>.json.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MOODS } from '../../lib/domain/moods';
import { freshDatabase, startCluster, startRedis } from '../lib/cluster';
import { capacityTable, type Figures } from './capacity';
import { runLoad, warmPaths, type LoadResult } from './load';
import { treeCpuMs, waitForIdle } from './servers';

const port = Number(process.env.CLUSTER_PORT || 3170);
const redisUrl = process.env.CLUSTER_REDIS_URL?.trim() || undefined;
const databaseName = process.env.BENCH_CLUSTER_DATABASE?.trim() || 'moodwire_bench_cluster';
const SECONDS = Number(process.env.BENCH_CLUSTER_SECONDS || 8);
const CONNECTIONS = 16;

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
const results: Record<string, unknown> = { startedAt: new Date().toISOString(), cores: os.cpus().length };
const log = (line: string) => console.log(`[bench:cluster] ${line}`);

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * CPU time of the PostgreSQL server processes of this database's connections so far (local server
 * only): unlike req/s, it hardly depends on what else the machine is doing.
 */
async function backendCpuMs(databaseUrl: string): Promise<number> {
  const pids = await sql<{ pid: number }>(
    databaseUrl,
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return pids.reduce((sum, { pid }) => sum + (treeCpuMs(pid) ?? 0), 0);
}

type PageFigure = {
  kind: string;
  cpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  reqPerSec: number;
  p99: number;
  requests: number;
  load: string;
};

function figure(kind: string, r: LoadResult, pgCpuMs: number, loadAvg: string): PageFigure {
  if (r.unexpected > 0 || r.errors > 0)
    throw new Error(`${kind}: ${r.unexpected} unexpected answers, ${r.errors} errors (${JSON.stringify(r.statuses)})`);
  const f = {
    kind,
    cpuMsPerRequest: Number((r.cpuMsPerRequest ?? NaN).toFixed(2)),
    // A server process that ended during the run takes its time with it: never below 0.
    postgresCpuMsPerRequest: Number((Math.max(0, pgCpuMs) / r.requests).toFixed(3)),
    reqPerSec: Math.round(r.reqPerSec),
    p99: r.p99,
    requests: r.requests,
    load: loadAvg,
  };
  log(`${kind}: ${f.cpuMsPerRequest} CPU ms/request (PostgreSQL ${f.postgresCpuMsPerRequest}), ${f.reqPerSec} req/s, p99 ${f.p99} ms (load ${loadAvg})`);
  return f;
}

/** 1. CPU per request of one server, per kind of answer, and of nginx per page passed through. */
async function serverFigures(): Promise<string> {
  const cluster = await startCluster({
    port,
    servers: 1,
    databaseName,
    redisUrl,
    distDir: '.next-cluster',
    // Counted like every vote, never reached: the bench sends all its votes from one address.
    env: { VOTE_LIMIT_PER_MINUTE: '1000000', VOTE_READER_LIMIT_PER_MINUTE: '1000000' },
    log,
  });
  try {
    const server = cluster.servers[0]!;
    const pid = server.process.pid!;
    const stories = await sql<{ id: number; slug: string }>(
      cluster.databaseUrl,
      `select id, slug from articles where status = 'published' order by published_at desc limit 100`,
    );
    const [section] = await sql<{ slug: string }>(cluster.databaseUrl, 'select slug from sections order by id limit 1');
    const home = await (await fetch(`${server.url}/`)).text();
    const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(home)?.[1];
    if (!stylesheet) throw new Error('no stylesheet link on the home page');
    const kinds: { kind: string; paths: string[] }[] = [
      { kind: 'story (100 stories, cached)', paths: stories.map((s) => `/news/${s.slug}`) },
      { kind: 'home', paths: ['/'] },
      { kind: 'section', paths: [`/section/${section!.slug}`] },
      { kind: 'mood ranking', paths: ['/moods/happy'] },
      { kind: 'static asset (CSS)', paths: [stylesheet] },
      // What a story view costs the origin even with a CDN in front: both are answered no-store.
      { kind: 'read beacon (GET /api/read)', paths: stories.map((s) => `/api/read?story=${s.id}`) },
      { kind: 'live counts (GET /api/vote)', paths: stories.map((s) => `/api/vote?article=${s.id}`) },
    ];
    const pages: PageFigure[] = [];
    for (const k of kinds) {
      await warmPaths(server.url, k.paths);
      await waitForIdle(pid);
      const loadAvg = load();
      const pgBefore = await backendCpuMs(cluster.databaseUrl);
      const r = await runLoad({
        origin: server.url,
        paths: k.paths,
        expect: [200],
        connections: CONNECTIONS,
        seconds: SECONDS,
        serverPid: pid,
      });
      pages.push(figure(k.kind, r, (await backendCpuMs(cluster.databaseUrl)) - pgBefore, loadAvg));
    }

    // Votes: each a new reader on one of the 100 stories, as the page's script sends it.
    await waitForIdle(pid);
    const before = Number((await sql<{ n: string }>(cluster.databaseUrl, 'select count(*) as n from votes'))[0]!.n);
    const loadAvg = load();
    const pgBefore = await backendCpuMs(cluster.databaseUrl);
    const votes = await runLoad({
      origin: server.url,
      method: 'POST',
      paths: ['/api/vote'],
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: () =>
        new URLSearchParams({
          article: String(stories[Math.floor(Math.random() * stories.length)]!.id),
          mood: MOODS[Math.floor(Math.random() * MOODS.length)]!,
        }).toString(),
      expect: [200],
      connections: CONNECTIONS,
      seconds: SECONDS,
      serverPid: pid,
    });
    pages.push(figure('vote (new reader, JSON)', votes, (await backendCpuMs(cluster.databaseUrl)) - pgBefore, loadAvg));
    await waitForIdle(pid);
    const after = Number((await sql<{ n: string }>(cluster.databaseUrl, 'select count(*) as n from votes'))[0]!.n);
    // autocannon stops at the end of the run without waiting for the votes in flight, which still
    // count: every acknowledged vote is a row, and at most one per connection more.
    const acknowledged = votes.statuses['200'] ?? 0;
    if (after - before < acknowledged || after - before > acknowledged + CONNECTIONS)
      throw new Error(`votes: ${acknowledged} acknowledged, ${after - before} rows`);

    // nginx's share: the same cached story pages through nginx, its CPU per request.
    await waitForIdle(pid);
    const nginxLoad = load();
    const nginxBefore = treeCpuMs(cluster.nginxPid);
    const through = await runLoad({
      origin: cluster.url,
      paths: kinds[0]!.paths,
      expect: [200],
      connections: CONNECTIONS,
      seconds: SECONDS,
      serverPid: pid,
    });
    const nginxMs = ((treeCpuMs(cluster.nginxPid) ?? 0) - (nginxBefore ?? 0)) / through.requests;
    log(`nginx: ${nginxMs.toFixed(3)} CPU ms per story page passed on (load ${nginxLoad})`);
    results.pages = pages;
    results.nginx = { cpuMsPerRequest: Number(nginxMs.toFixed(3)), requests: through.requests, load: nginxLoad };
  } finally {
    await cluster.stop();
  }
  return cluster.databaseUrl;
}

/** 2. Votes/s PostgreSQL takes through the app's vote transaction on 50 connections; none lost. */
async function voteCeiling(databaseUrl: string): Promise<void> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATABASE_POOL_SIZE = '50';
  delete process.env.DATABASE_PATH;
  const { castVote } = await import('../../db/queries/votes');
  const { closeEngine } = await import('../../db/engine');
  const stories = await sql<{ id: number }>(
    databaseUrl,
    `select id from articles where status = 'published' order by published_at desc limit 100`,
  );
  const count = async () => Number((await sql<{ n: string }>(databaseUrl, 'select count(*) as n from votes'))[0]!.n);
  const scenarios = [
    { name: 'spread over 100 stories', pick: () => stories[Math.floor(Math.random() * stories.length)]!.id },
    { name: 'one viral story', pick: () => stories[0]!.id },
  ];
  const figures = [];
  try {
    const oneVote = (articleId: number) =>
    castVote({
      articleId,
      readerId: randomBytes(16).toString('base64url'),
      newReader: true,
      mood: MOODS[Math.floor(Math.random() * MOODS.length)]!,
      intent: 'toggle',
      ipHash: randomBytes(16).toString('hex'),
      limits: { perIpPerMinute: 1_000_000, perReaderPerMinute: 1_000_000 },
    });
  for (const scenario of scenarios) {
      // 50 connections open before the clock starts.
      await Promise.all(Array.from({ length: 50 }, () => oneVote(scenario.pick())));
      const before = await count();
      const loadAvg = load();
      let acknowledged = 0;
      let failed = 0;
      const pgCpuBefore = await backendCpuMs(databaseUrl);
      const appCpuBefore = process.cpuUsage();
      const started = Date.now();
      const end = started + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (Date.now() < end) {
            try {
              const r = await oneVote(scenario.pick());
              if (r.ok && r.changed) acknowledged++;
              else failed++;
            } catch {
              failed++;
            }
          }
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      const appCpu = process.cpuUsage(appCpuBefore);
      const pgCpuMs = (await backendCpuMs(databaseUrl)) - pgCpuBefore;
      const rows = (await count()) - before;
      const f = {
        scenario: scenario.name,
        connections: 50,
        votesPerSecond: Math.round(acknowledged / seconds),
        acknowledged,
        failed,
        lost: acknowledged - rows,
        /** PostgreSQL server CPU per vote: the ceiling of one core is 1000 / this */
        postgresCpuMsPerVote: Number((pgCpuMs / acknowledged).toFixed(2)),
        /** this process (the app's vote code and the pg client) per vote */
        clientCpuMsPerVote: Number(((appCpu.user + appCpu.system) / 1000 / acknowledged).toFixed(2)),
        load: loadAvg,
      };
      log(
        `PostgreSQL votes, ${f.scenario}: ${f.votesPerSecond}/s on 50 connections, ${f.lost} lost, ${failed} failed; ` +
          `PostgreSQL ${f.postgresCpuMsPerVote} CPU ms/vote, client ${f.clientCpuMsPerVote} (load ${loadAvg})`,
      );
      if (f.lost !== 0) throw new Error(`${f.lost} acknowledged votes are missing`);
      figures.push(f);
    }
  } finally {
    await closeEngine();
  }
  results.postgresVotes = figures;
}

/** 3. Redis GET latency for a story's cache entry (~45 kB slim, decision 051), one connection. */
async function redisLatency(): Promise<void> {
  const own = redisUrl ? undefined : await startRedis(port + 9);
  try {
    await redisGets(new URL(redisUrl ?? own!.url));
  } finally {
    await own?.stop();
  }
}

async function redisGets(url: URL): Promise<void> {
  const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let buffer = Buffer.alloc(0);
  let waiting: ((reply: Buffer) => void) | undefined;
  // One reply at a time: a simple string/integer line, or a bulk string of known length.
  const complete = (): number => {
    const eol = buffer.indexOf('\r\n');
    if (eol < 0) return 0;
    if (buffer[0] !== 0x24) return eol + 2;
    const length = Number(buffer.subarray(1, eol).toString());
    if (length < 0) return eol + 2;
    return buffer.length >= eol + 2 + length + 2 ? eol + 2 + length + 2 : 0;
  };
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    const n = complete();
    if (n && waiting) {
      const reply = buffer.subarray(0, n);
      buffer = buffer.subarray(n);
      const w = waiting;
      waiting = undefined;
      w(reply);
    }
  });
  const command = (...args: (string | Buffer)[]) =>
    new Promise<Buffer>((resolve) => {
      waiting = resolve;
      const parts = args.map((a) => (typeof a === 'string' ? Buffer.from(a) : a));
      socket.write(
        Buffer.concat([
          Buffer.from(`*${parts.length}\r\n`),
          ...parts.flatMap((p) => [Buffer.from(`$${p.length}\r\n`), p, Buffer.from('\r\n')]),
        ]),
      );
    });
  await command('SELECT', url.pathname.slice(1) || '0');
  const value = randomBytes(45_000);
  await command('SET', 'moodwire:bench:page', value);
  const times: number[] = [];
  const loadAvg = load();
  for (let i = 0; i < 5000; i++) {
    const t = process.hrtime.bigint();
    const reply = await command('GET', 'moodwire:bench:page');
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (reply.length < value.length) throw new Error('short reply from Redis');
  }
  await command('DEL', 'moodwire:bench:page');
  socket.end();
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.floor(q * (times.length - 1))]!.toFixed(3));
  const f = { bytes: value.length, gets: times.length, p50: at(0.5), p99: at(0.99), load: loadAvg };
  log(`Redis GET of 45 kB: p50 ${f.p50} ms, p99 ${f.p99} ms (load ${loadAvg})`);
  results.redisGet = f;
}

// --only servers,postgres,redis: some of the three parts (default all).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : undefined;
const part = (name: string) => !only || only.includes(name);
log(`load average at the start: ${load()} on ${os.cpus().length} cores`);
const databaseUrl = part('servers') ? await serverFigures() : freshDatabase(databaseName);
if (part('postgres')) await voteCeiling(databaseUrl);
if (part('redis')) await redisLatency();
results.finishedAt = new Date().toISOString();
if (results.pages && results.nginx && results.postgresVotes) {
  results.capacity = capacityTable(results as unknown as Figures);
  console.log(`\n${results.capacity as string}\n`);
}
fs.mkdirSync('bench', { recursive: true });
const file = `bench/cluster-${(results.startedAt as string).replace(/[:.]/g, '-')}.json`;
fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
log(`written to ${file}`);
