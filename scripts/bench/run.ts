// npm run bench [-- --quick] [--profile] [--only id,id] [--regenerate] [--rebuild] [--strict] [--db postgres]
//
// Measures Moodwire against its two ceilings in one run, on the generated 10,000-story database:
// (a) a bare node:http server answering with the article's own bytes from memory, and (b) one of
// Moodwire's fully static pages (/copyright). Prints one table, checks the targets of issue 7, and
// writes bench/results.json (bench/results-postgres.json with --db postgres: the same run with the
// server on PostgreSQL, the database moved there by db:copy). See README "Performance" and
// docs/decisions/009.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { redactUrl } from '@/db/engine/config';
import { MOODS } from '@/lib/domain/moods';
import { measurePage } from './assets';
import { BROWSER_HEADERS, runLoad, warmPath, warmPaths, type LoadResult, type LoadSpec } from './load';
import { BENCH_DIR, copyBuildForRun, copyForRun, ensureBenchBuild, ensureBenchDatabase, RUN_DIST_DIR } from './prepare';
import { renderProfile, summarizeProfile } from './profile-summary';
import { bestResult, CONNECTIONS, evaluateTargets, medianResult, renderChecks, renderTable, type Connections, type Results, type Row, type TargetId, type VoteAudit } from './report';
import { rssSampler, startAppServer, startMemoryServer, treeRss, waitForIdle, type RunningServer } from './servers';
import { benchEngine, preparePostgresBench } from './engine';
import type { InsightsTiming } from './insights';
import { postgresVoteStore, sqliteVoteStore, VoteLedger } from './vote-audit';
import { runVoterRounds, type VoterRound } from './voter-rounds';

const APP_PORT = Number(process.env.BENCH_PORT || 3150);
const MEMORY_PORT = APP_PORT + 1;

/**
 * Every target runs `rounds` times, one after the other, and the median round is reported: when
 * other programs load the machine for a while, all targets share the bad moment instead of one.
 */
const MODES = {
  quick: { rounds: 1, seconds: 1.5, serverWarmSeconds: 3, warmSeconds: 0.3, coldStories: 40, longTailStories: 0, firstRendersPerConnection: 1, voterVotes: 300 },
  full: { rounds: 3, seconds: 4, serverWarmSeconds: 8, warmSeconds: 2, coldStories: 40, longTailStories: 500, firstRendersPerConnection: 6, voterVotes: 400 },
} as const;

/**
 * Environment of the server under test. Every simulated reader sends no cookie, so each vote comes
 * from a new reader; all of them come from 127.0.0.1, so the vote limits (lib/votes/settings.ts,
 * 0 = off) are switched off. Variables already set in the caller's environment win.
 */
const BENCH_LIMITS = { VOTE_LIMIT_PER_MINUTE: '0', VOTE_READER_LIMIT_PER_MINUTE: '0' };
/** Opens the do-nothing route handler (app/api/bench-noop) on the server under test. */
const BENCH_FLAG = { MOODWIRE_BENCH: '1' };

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    db: { type: 'string' },
  },
});
const mode = args.quick ? 'quick' : 'full';
const settings = MODES[mode];
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : undefined;

const log = (line: string) => console.log(`[bench] ${line}`);

type Target = {
  id: TargetId;
  label: string;
  /** page: one cached URL; paths: many cached URLs; first-render: URLs never requested before */
  kind: 'page' | 'paths' | 'first-render' | 'vote' | 'bare' | 'memory';
  paths: string[];
  /** for votes: the JS path (Accept: application/json, 200) or the no-JS form path (303) */
  json?: boolean;
};

function voteHeaders(origin: string, json: boolean): Record<string, string> {
  return {
    'content-type': 'application/x-www-form-urlencoded',
    // Browsers send Origin with every POST; a CSRF check may rely on it.
    origin,
    ...(json ? { accept: 'application/json' } : {}),
  };
}

const expectedStatus = (t: Target) => (t.kind === 'vote' ? (t.json ? 200 : 303) : 200);
/** Targets sent as the vote's own POST: the votes, and the bare route handler under them. */
const posts = (t: Target) => t.kind === 'vote' || t.kind === 'bare';

/** undefined when the build under test answers this target as it should, else why not ("HTTP 404"). */
async function probe(origin: string, target: Target, voteBody: () => string): Promise<string | undefined> {
  const res =
    posts(target)
      ? await fetch(origin + target.paths[0], { method: 'POST', redirect: 'manual', headers: voteHeaders(origin, target.json ?? false), body: voteBody() })
      : await fetch(origin + target.paths[0], { redirect: 'manual' });
  await res.arrayBuffer();
  return res.status === expectedStatus(target) ? undefined : `HTTP ${res.status}`;
}

/**
 * The staff insights views, timed in their own process (their modules are server-only: they need the
 * react-server condition) on this run's database, before any load, so nothing else competes.
 */
function timeInsights(databaseFile: string, engineEnv: Record<string, string> = {}): InsightsTiming[] | null {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawnSync(tsx, ['--conditions=react-server', 'scripts/bench/insights.ts', '--db', databaseFile, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000, env: { ...process.env, ...engineEnv } });
  const line = child.stdout?.split('\n').find((l) => l.startsWith('INSIGHTS_JSON '));
  if (child.status !== 0 || !line) {
    log(`insights timings failed (exit ${child.status})`);
    return null;
  }
  return JSON.parse(line.slice('INSIGHTS_JSON '.length)) as InsightsTiming[];
}

/** Targets measured again without Accept-Encoding: every cached GET and the memory ceiling. */
const hasIdentityColumn = (t: Target) => t.kind === 'page' || t.kind === 'paths' || t.kind === 'memory';

function logResult(round: number, label: string, connections: number, result: LoadResult) {
  log(
    `${settings.rounds > 1 ? `round ${round}: ` : ''}${label.padEnd(36)} ${String(connections).padStart(2)} conns ${result.reqPerSec.toFixed(0).padStart(6)} req/s` +
      `  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  ${result.cpuMsPerRequest?.toFixed(2) ?? '?'} CPU ms/req` +
      (result.peakRssBytes ? `  RSS ${(result.peakRssBytes / 1e6).toFixed(0)} MB` : '') +
      (result.errors || result.unexpected ? `  errors ${result.errors}, statuses ${JSON.stringify(result.statuses)}` : ''),
  );
}

/** One GET as sent on the wire (fetch would decompress it): its headers and its bytes. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  log(
    `${mode} mode: ${settings.rounds} round(s) of ${settings.seconds} s per target and connection count (${CONNECTIONS.join(', ')}), after a ${settings.serverWarmSeconds} s warm-up of the whole server`,
  );
  if (loadAtStart > os.cpus().length / 2) {
    log(`note: the machine is busy before we start (load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores): req/s will be low and noisy; CPU ms per request much less so`);
  }

  const cached = ensureBenchDatabase({ regenerate: args.regenerate, log });
  const run = copyForRun(cached.file);
  // --db postgres (scripts/bench/engine.ts): the same database, moved into PostgreSQL.
  const postgres = benchEngine(args.db) === 'postgres' ? await preparePostgresBench(run.file, log) : undefined;
  const insights = !only || only.has('insights') ? timeInsights(run.file, postgres?.env) : null;
  const servers: RunningServer[] = [];
  const stopAll = async () => {
    for (const s of servers.splice(0)) await s.stop();
  };
  const cleanup = () => {
    run.cleanup();
    fs.rmSync(path.join(process.cwd(), RUN_DIST_DIR), { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stopAll().finally(() => (cleanup(), process.exit(130))));

  try {
    const origin = `http://127.0.0.1:${APP_PORT}`;
    const env: NodeJS.ProcessEnv = {
      ...BENCH_LIMITS,
      ...process.env,
      ...BENCH_FLAG,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_PATH: run.file,
      // --db postgres: the server reads and writes PostgreSQL (db/engine picks it by DATABASE_URL).
      ...postgres?.env,
      AUTH_SECRET: process.env.AUTH_SECRET || crypto.randomBytes(32).toString('base64url'),
      SITE_URL: origin,
    };
    log(
      `server environment: ${Object.keys(BENCH_LIMITS).map((k) => `${k}=${env[k]}`).join(' ')}, ` +
        (postgres ? `DATABASE_URL=${redactUrl(postgres.url)}` : `DATABASE_PATH=${run.file}`),
    );
    ensureBenchBuild({ databaseFile: run.file, env, force: args.rebuild, log });
    copyBuildForRun();

    const profileDir = args.profile ? path.join(BENCH_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
    const app = await startAppServer({ port: APP_PORT, env: { ...env, MOODWIRE_DIST_DIR: RUN_DIST_DIR }, cpuProfileDir: profileDir });
    servers.push(app);
    log(`next start is up (pid ${app.pid})${profileDir ? `; CPU profile goes to ${profileDir}` : ''}`);

    // What to request, chosen from the run's database (read alongside the server, WAL allows it). On
    // PostgreSQL the same stories are there (db:copy made it from this file); the votes the server
    // writes are audited where it writes them.
    const db = new Database(run.file, { readonly: true });
    const pgClient = postgres ? new pg.Client({ connectionString: postgres.url, application_name: 'moodwire bench audit' }) : undefined;
    await pgClient?.connect();
    const voteStore = pgClient ? postgresVoteStore(pgClient) : sqliteVoteStore(db);
    const hot = db
      .prepare(
        `select a.id, a.slug, sum(t.count) as votes from articles a join vote_tallies t on t.article_id = a.id
         where a.status = 'published' group by a.id order by votes desc limit 1`,
      )
      .get() as { id: number; slug: string; votes: number };
    // Everything else in a fixed pseudo-random order, so every run reads the same stories.
    const others = (db.prepare("select id, slug from articles where status = 'published' and published_at <= ? and id <> ?").all(Date.now(), hot.id) as { slug: string }[])
      .map((a) => ({ slug: a.slug, key: crypto.createHash('sha1').update(a.slug).digest('hex') }))
      .sort((x, y) => (x.key < y.key ? -1 : 1))
      .map((a) => `/news/${a.slug}`);
    const cold = others.slice(0, settings.coldStories);
    const longTail = others.slice(settings.coldStories, settings.coldStories + settings.longTailStories);
    const neverRead = others.slice(settings.coldStories + settings.longTailStories);
    let neverReadNext = 0;

    const targets: Target[] = [
      { id: 'ceiling-memory', label: 'Ceiling: same bytes from memory', kind: 'memory', paths: ['/'] },
      { id: 'ceiling-static', label: 'Ceiling: static page /copyright', kind: 'page', paths: ['/copyright'] },
      { id: 'home', label: 'Home', kind: 'page', paths: ['/'] },
      { id: 'section', label: 'Section /section/china-news', kind: 'page', paths: ['/section/china-news'] },
      { id: 'article-hot', label: 'Article, hot', kind: 'page', paths: [`/news/${hot.slug}`] },
      // Stories with few votes, all in Next's memory cache after the warm-up.
      { id: 'article-cold', label: `Article, cold (${cold.length} stories)`, kind: 'paths', paths: cold },
      // More stories than the memory cache holds (next.config.ts): most come from Next's disk cache.
      { id: 'article-long-tail', label: `Article, long tail (${longTail.length} stories)`, kind: 'paths', paths: longTail },
      // The default window is the last 7 days; the last 30 days is the heaviest ranking.
      { id: 'moods', label: 'Mood ranking /moods/angry', kind: 'page', paths: ['/moods/angry'] },
      { id: 'moods-month', label: 'Mood ranking, 30 days', kind: 'page', paths: ['/moods/angry?window=month'] },
      { id: 'search', label: 'Search ?q=tariffs', kind: 'page', paths: ['/search?q=tariffs'] },
      { id: 'article-first-render', label: 'Article, first render (uncached)', kind: 'first-render', paths: neverRead },
      { id: 'vote-form', label: 'Vote, no-JS form (303)', kind: 'vote', paths: ['/api/vote'], json: false },
      { id: 'vote-js', label: 'Vote, JS (200 JSON)', kind: 'vote', paths: ['/api/vote'], json: true },
      // The same request to a route handler that does nothing: Next's own cost, the floor under a vote.
      { id: 'route-bare', label: 'Bare route handler (same POST)', kind: 'bare', paths: ['/api/bench-noop'], json: true },
    ];
    const selected = targets.filter((t) => (!only || only.has(t.id) || t.id.startsWith('ceiling-')) && t.paths.length > 0);
    const voteBody = () => `article=${hot.id}&mood=${MOODS[Math.floor(Math.random() * MOODS.length)]}`;

    // Page weight first, on a quiet server: the hot article (live tallies included) and /copyright.
    await warmPath(origin, `/news/${hot.slug}`);
    await warmPath(origin, '/copyright');
    const article = await measurePage(origin, `/news/${hot.slug}`);
    const baseline = await measurePage(origin, '/copyright');

    // Ceiling (a): the article's bytes and headers exactly as Moodwire sent them.
    const sample = await fetch(`${origin}/news/${hot.slug}`);
    const bytes = Buffer.from(await sample.arrayBuffer());
    const articleHeaders: Record<string, string> = {};
    sample.headers.forEach((value, name) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding'].includes(name)) articleHeaders[name] = value;
    });
    const bodyFile = path.join(run.dir, 'article.html');
    fs.writeFileSync(bodyFile, bytes);
    // …and as a browser gets them: the brotli bytes Moodwire sends for a browser's Accept-Encoding.
    const encoded = await rawGet(`${origin}/news/${hot.slug}`, BROWSER_HEADERS);
    if (encoded.headers['content-encoding'] === 'br') fs.writeFileSync(`${bodyFile}.br`, encoded.body);
    else log(`note: the story came back in "${String(encoded.headers['content-encoding'] ?? 'identity')}" for a browser's headers, not brotli`);
    const memory = await startMemoryServer({ port: MEMORY_PORT, bodyFile, headers: articleHeaders });
    servers.push(memory);

    // Availability: a target the build under test lacks is reported, never measured.
    const unavailable = new Map<TargetId, string>();
    for (const t of selected) {
      if (t.kind === 'memory' || t.kind === 'first-render') continue;
      const reason = await probe(origin, t, voteBody);
      if (reason) {
        unavailable.set(t.id, reason);
        log(`${t.label}: not available (${reason})`);
      }
    }
    const measured = selected.filter((t) => !unavailable.has(t.id));

    // The whole server warm first (JIT, caches), with all the pages at once: the first target
    // measured must not be the one that pays for a cold process.
    const pages = measured.filter((t) => t.kind === 'page' || t.kind === 'paths');
    for (const t of pages) {
      if (t.kind === 'page') await warmPath(origin, t.paths[0]!);
      else await warmPaths(origin, t.paths);
    }
    await runLoad({ origin, paths: pages.flatMap((t) => t.paths.slice(0, 5)), expect: [200], connections: 50, seconds: settings.serverWarmSeconds });

    const rss = rssSampler(app.pid);
    const rounds = new Map<TargetId, Partial<Record<Connections, LoadResult[]>>>();
    /** The same GET targets without Accept-Encoding, at 50 connections: the identity column. */
    const identityRounds = new Map<TargetId, LoadResult[]>();
    const ledgers = new Map<TargetId, VoteLedger>();
    const warmed = new Set<TargetId>();
    // One round measures every target once. A single round cannot take a median, so it measures the
    // static ceiling again at the end and keeps the better run: the first target after the warm-up
    // still pays for some of it, and the ceiling must not look lower than it is.
    const schedule = Array.from({ length: settings.rounds }, (_, i) => measured.map((t) => [i + 1, t] as const)).flat();
    const staticCeiling = measured.find((t) => t.id === 'ceiling-static');
    if (settings.rounds === 1 && staticCeiling) schedule.push([1, staticCeiling]);
    for (const [round, target] of schedule) {
      const isVote = target.kind === 'vote';
      const isPost = posts(target);
      const spec: Omit<LoadSpec, 'connections' | 'seconds'> = {
        origin: target.kind === 'memory' ? memory.origin : origin,
        paths: target.paths,
        expect: [expectedStatus(target)],
        serverPid: target.kind === 'memory' ? memory.pid : app.pid,
      };
      if (target.kind === 'first-render') spec.nextPath = () => target.paths[neverReadNext++ % target.paths.length]!;
      if (isPost) Object.assign(spec, { method: 'POST', headers: voteHeaders(origin, target.json ?? false), body: voteBody });

      // Warm-up: every page cached (x-nextjs-cache: HIT), then a burst of this target alone (the
      // vote path and the memory server always get one: the server warm-up did not touch them).
      // Every round: the previous round's long tail and first renders pushed pages out of memory.
      if (target.kind === 'page') await warmPath(origin, target.paths[0]!);
      if (target.kind === 'paths') await warmPaths(origin, target.paths);
      if (!warmed.has(target.id)) {
        const burst = isPost || target.kind === 'memory' ? Math.max(0.5, settings.warmSeconds) : settings.warmSeconds;
        if (target.kind !== 'first-render' && burst > 0) await runLoad({ ...spec, connections: 50, seconds: burst });
        if (target.kind === 'page') await warmPath(origin, target.paths[0]!);
        warmed.add(target.id);
      }

      let ledger = ledgers.get(target.id);
      if (isVote && !ledger) ledgers.set(target.id, (ledger = new VoteLedger(voteStore, target.id as VoteAudit['id'])));
      if (ledger) spec.onResponse = (status, headers) => status === expectedStatus(target) && ledger.record(headers);

      for (const connections of CONNECTIONS) {
        const waited = await waitForIdle(app.pid);
        if (waited > 2000) log(`(waited ${(waited / 1000).toFixed(1)} s for the server to finish earlier requests)`);
        await ledger?.begin();
        rss.setActive(target.kind !== 'memory');
        const amount = target.kind === 'first-render' ? connections * settings.firstRendersPerConnection : undefined;
        const result = await runLoad({ ...spec, connections, seconds: settings.seconds, amount });
        const peakRss = rss.setActive(false);
        if (target.kind !== 'memory') result.peakRssBytes = peakRss;
        if (ledger) {
          // Requests the load generator dropped at the end of the run are still being answered.
          await waitForIdle(app.pid);
          await ledger.end();
        }
        const byConnections = rounds.get(target.id) ?? {};
        (byConnections[connections] ??= []).push(result);
        rounds.set(target.id, byConnections);
        logResult(round, target.label, connections, result);
      }
      if (hasIdentityColumn(target)) {
        await waitForIdle(app.pid);
        rss.setActive(target.kind !== 'memory');
        const result = await runLoad({ ...spec, identity: true, connections: 50, seconds: settings.seconds });
        const peakRss = rss.setActive(false);
        if (target.kind !== 'memory') result.peakRssBytes = peakRss;
        identityRounds.set(target.id, [...(identityRounds.get(target.id) ?? []), result]);
        logResult(round, `${target.label} (identity)`, 50, result);
      }
    }
    rss.stop();

    // Voters reading with their cookies: three identical rounds, memory read after each (issue 22).
    let voterRounds: VoterRound[] | null = null;
    if (!only || only.has('voter-rounds')) {
      voterRounds = await runVoterRounds({ origin, articleId: hot.id, slug: hot.slug, pid: app.pid, rounds: 3, votes: settings.voterVotes, connections: 50 });
      const MB = (n: number | null) => (n === null ? '?' : (n / 1e6).toFixed(1));
      for (const v of voterRounds) {
        log(
          `voters reading, round ${v.round}: ${v.requests} votes each followed by the story (${v.reqPerSec.toFixed(0)}/s); heap after a full collection ${MB(v.heapAfterBytes)} MB, RSS ${MB(v.rssAfterBytes)} MB` +
            (v.errors || v.unexpected ? `, errors ${v.errors}, unexpected statuses ${v.unexpected}` : ''),
        );
      }
    }
    const serverTrouble = app.trouble();
    for (const line of app.errorSamples()) log(`server error line: ${line}`);
    const finalMemory = treeRss(app.pid);
    const audits = await Promise.all([...ledgers.values()].map((l) => l.result(hot.id)));
    db.close();
    await pgClient?.end();
    await stopAll();

    const rows: Row[] = selected.map((t) => {
      const results: Row['results'] = {};
      for (const c of CONNECTIONS) {
        const all = rounds.get(t.id)?.[c];
        if (all?.length) results[c] = t.id === 'ceiling-static' && settings.rounds === 1 ? bestResult(all) : medianResult(all);
      }
      const identity = identityRounds.get(t.id);
      const identity50 = identity?.length ? (t.id === 'ceiling-static' && settings.rounds === 1 ? bestResult(identity) : medianResult(identity)) : undefined;
      return { id: t.id, label: t.label, request: t.kind === 'paths' || t.kind === 'first-render' ? `${t.paths.length} stories` : t.paths[0]!, unavailable: unavailable.get(t.id), results, identity50 };
    });
    const results: Results = { rows, peakRssBytes: rss.peak() || null, article, baseline, votes: audits, insights, voterRounds, serverTrouble };
    const checks = evaluateTargets(results);
    const extraJs = article.jsGzip - baseline.jsGzip;
    const articleOnly = article.scripts.filter((s) => !baseline.scripts.some((b) => b.url === s.url));
    const loadAtEnd = os.loadavg()[0]!;
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

    console.log('');
    console.log(renderTable(results));
    console.log('');
    console.log(
      `Server memory: peak RSS under load ${results.peakRssBytes ? (results.peakRssBytes / 1e6).toFixed(0) : '?'} MB (sampled every 200 ms); lifetime peak (VmHWM) ${finalMemory ? (finalMemory.peak / 1e6).toFixed(0) : '?'} MB`,
    );
    console.log(`Article ${article.path}: HTML ${kB(article.htmlBytes)}, ${kB(article.htmlGzip)} gzipped`);
    console.log(
      `JavaScript, gzipped: article ${kB(article.jsGzip)} in ${article.scripts.length} files; /copyright (no client components) ${kB(baseline.jsGzip)}; difference ${kB(extraJs)}` +
        (articleOnly.length ? ` (${articleOnly.map((s) => `${s.url} ${kB(s.gzip)}`).join(', ')})` : ''),
    );
    for (const a of audits) {
      console.log(
        `Votes, ${a.id}: ${a.accepted} accepted, ${a.rowsAdded} rows added, ${a.lost} lost (matched by ${a.method}), ${a.unanswered} written for requests cut off at the end of a run; tallies ${a.talliesConsistent ? 'consistent' : 'INCONSISTENT'}`,
      );
    }
    if (insights) {
      console.log('Staff insights, server-side (every query of the view; median of 15 runs, CPU median beside it):');
      for (const t of insights) console.log(`  ${t.label.padEnd(58)} ${t.medianMs.toFixed(1).padStart(7)} ms  (p95 ${t.p95Ms.toFixed(1)} ms, CPU ${t.cpuMedianMs.toFixed(1)} ms)`);
    }
    console.log(`Database: ${postgres ? `PostgreSQL (${redactUrl(postgres.url)})` : 'SQLite (one file)'}`);
    console.log(`Machine: ${os.cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start and ${loadAtEnd.toFixed(1)} at the end; Node ${process.version}`);
    console.log('');
    console.log(renderChecks(checks));

    const profiles = profileDir && fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    for (const p of profiles) console.log('\n' + renderProfile(summarizeProfile(path.join(profileDir!, p))));

    const output = {
      finishedAt: new Date().toISOString(),
      mode,
      ...settings,
      connections: CONNECTIONS,
      wallSeconds: (Date.now() - started) / 1000,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAtEnd },
      engine: postgres ? 'postgres' : 'sqlite',
      database: cached.meta.summary,
      hotArticle: { slug: hot.slug, votes: hot.votes },
      serverEnv: Object.fromEntries(Object.keys(BENCH_LIMITS).map((k) => [k, env[k]])),
      articleHeaders,
      ...results,
      rounds: Object.fromEntries(rounds),
      lifetimePeakRssBytes: finalMemory?.peak ?? null,
      checks,
      profiles: profiles.map((p) => path.join(profileDir!, p)),
    };
    // Each engine keeps its own results, so the README can set them side by side.
    const resultsFile = postgres ? 'results-postgres.json' : 'results.json';
    fs.writeFileSync(path.join(BENCH_DIR, resultsFile), JSON.stringify(output, null, 2));
    log(`wrote bench/${resultsFile}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
    if (args.strict && checks.some((c) => c.status === 'MISS')) process.exitCode = 1;
  } finally {
    await stopAll();
    cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
