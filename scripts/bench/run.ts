// npm run bench [-- --quick] [--profile] [--only id,id] [--regenerate] [--rebuild] [--strict]
//
// Measures Moodwire against its two ceilings in one run, on the generated 10,000-story database:
// (a) a bare node:http server answering with the article's own bytes from memory, and (b) one of
// Moodwire's fully static pages (/copyright). Prints one table, checks the targets of issue 7, and
// writes bench/results.json. See README "Performance" and docs/decisions/009.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { MOODS } from '@/db/schema';
import { measurePage, type PageWeight } from './assets';
import { runLoad, warmPath, warmPaths, type LoadResult, type LoadSpec } from './load';
import { BENCH_DIR, copyBuildForRun, copyForRun, ensureBenchBuild, ensureBenchDatabase, RUN_DIST_DIR } from './prepare';
import { renderProfile, summarizeProfile } from './profile-summary';
import { CONNECTIONS, evaluateTargets, renderChecks, renderTable, type Results, type Row, type TargetId, type VoteAudit } from './report';
import { rssSampler, startAppServer, startMemoryServer, treeRss, type RunningServer } from './servers';

const APP_PORT = Number(process.env.BENCH_PORT || 3150);
const MEMORY_PORT = APP_PORT + 1;

const MODES = {
  quick: { seconds: 2, warmSeconds: 1, coldStories: 50 },
  full: { seconds: 10, warmSeconds: 3, coldStories: 500 },
} as const;

/**
 * Environment of the server under test. Every simulated reader sends no cookie, so each vote comes
 * from a new reader; all of them come from 127.0.0.1, so the per-address vote limit is switched off.
 * Any variable already set in the caller's environment wins.
 */
const BENCH_LIMITS = { VOTE_LIMIT_PER_MINUTE: '0' };

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
const mode = args.quick ? 'quick' : 'full';
const settings = MODES[mode];
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : undefined;

const log = (line: string) => console.log(`[bench] ${line}`);

type Target = {
  id: TargetId;
  label: string;
  kind: 'page' | 'paths' | 'first-render' | 'vote' | 'memory';
  paths: string[];
  /** for votes: ask for JSON (the JS path) or not (the no-JS form path) */
  json?: boolean;
};

async function probe(origin: string, target: Target, voteBody: () => string): Promise<string | undefined> {
  const res =
    target.kind === 'vote'
      ? await fetch(origin + target.paths[0], {
          method: 'POST',
          redirect: 'manual',
          headers: voteHeaders(origin, target.json ?? false),
          body: voteBody(),
        })
      : await fetch(origin + target.paths[0], { redirect: 'manual' });
  await res.arrayBuffer();
  const ok = target.kind === 'vote' ? (target.json ? res.status === 200 : res.status === 303) : res.status === 200;
  return ok ? undefined : `HTTP ${res.status}`;
}

function voteHeaders(origin: string, json: boolean): Record<string, string> {
  return {
    'content-type': 'application/x-www-form-urlencoded',
    // Browsers send Origin with every POST; a CSRF check may rely on it.
    origin,
    ...(json ? { accept: 'application/json' } : {}),
  };
}

function countVotesSince(db: Database.Database, id: number): { rows: number; readers: Set<string>; maxId: number } {
  const rows = db.prepare('select id, reader_id as readerId from votes where id > ?').all(id) as { id: number; readerId: string }[];
  return { rows: rows.length, readers: new Set(rows.map((r) => r.readerId)), maxId: rows.reduce((m, r) => Math.max(m, r.id), id) };
}

/** vote_tallies = COUNT(*) by mood of non-voided votes; vote_hourly = the same by the hour first cast. */
function talliesConsistent(db: Database.Database, articleId: number): boolean {
  const counts = db
    .prepare('select mood, count(*) as n from votes where article_id = ? and voided_at is null group by mood')
    .all(articleId) as { mood: string; n: number }[];
  const tallies = db.prepare('select mood, count as n from vote_tallies where article_id = ? and count > 0').all(articleId) as { mood: string; n: number }[];
  const hourlyFromVotes = db
    .prepare('select (created_at / 3600000) * 3600000 as hour, mood, count(*) as n from votes where article_id = ? and voided_at is null group by 1, 2')
    .all(articleId) as { hour: number; mood: string; n: number }[];
  const hourly = db.prepare('select hour, mood, count as n from vote_hourly where article_id = ? and count > 0').all(articleId) as typeof hourlyFromVotes;
  const key = (r: { mood: string; n: number; hour?: number }) => `${r.hour ?? ''}|${r.mood}|${r.n}`;
  const same = (a: string[], b: string[]) => a.length === b.length && a.sort().every((x, i) => x === b.sort()[i]);
  return same(counts.map(key), tallies.map(key)) && same(hourlyFromVotes.map(key), hourly.map(key));
}

async function main() {
  const started = Date.now();
  const load1 = os.loadavg()[0]!;
  log(`${mode} mode: ${settings.seconds} s per run after ${settings.warmSeconds} s of warm-up, at ${CONNECTIONS.join(' and ')} connections`);
  if (load1 > 0.7) log(`note: the machine is already busy (load average ${load1.toFixed(2)}); absolute numbers will be low, ratios less so`);

  const cached = ensureBenchDatabase({ regenerate: args.regenerate, log });
  const run = copyForRun(cached.file);
  const servers: RunningServer[] = [];
  const stopAll = async () => {
    for (const s of servers.splice(0)) await s.stop();
  };
  process.once('SIGINT', () => {
    void stopAll().finally(() => {
      run.cleanup();
      process.exit(130);
    });
  });

  try {
    const origin = `http://127.0.0.1:${APP_PORT}`;
    const env: NodeJS.ProcessEnv = {
      ...BENCH_LIMITS,
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_PATH: run.file,
      AUTH_SECRET: process.env.AUTH_SECRET || crypto.randomBytes(32).toString('base64url'),
      SITE_URL: origin,
    };
    log(`server environment: ${Object.keys(BENCH_LIMITS).map((k) => `${k}=${env[k]}`).join(' ')}; DATABASE_PATH=${run.file}`);
    ensureBenchBuild({ databaseFile: run.file, env, force: args.rebuild, log });
    copyBuildForRun();

    const profileDir = args.profile ? path.join(BENCH_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
    const app = await startAppServer({ port: APP_PORT, env: { ...env, MOODWIRE_DIST_DIR: RUN_DIST_DIR }, cpuProfileDir: profileDir });
    servers.push(app);
    log(`next start is up (pid ${app.pid})${profileDir ? `, profiling into ${profileDir}` : ''}`);

    // What to request: chosen from the run's database, which the harness reads alongside the server.
    const db = new Database(run.file, { readonly: true });
    const hot = db
      .prepare(
        `select a.id, a.slug, sum(t.count) as votes from articles a join vote_tallies t on t.article_id = a.id
         where a.status = 'published' group by a.id order by votes desc limit 1`,
      )
      .get() as { id: number; slug: string; votes: number };
    const publicStories = (
      db.prepare("select id, slug from articles where status = 'published' and published_at <= ? order by id").all(Date.now()) as { id: number; slug: string }[]
    ).filter((a) => a.id !== hot.id);
    // A fixed shuffle, so every run reads the same stories.
    const seeded = crypto.createHash('sha256');
    const order = publicStories
      .map((a) => ({ a, k: seeded.copy().update(a.slug).digest('hex') }))
      .sort((x, y) => (x.k < y.k ? -1 : 1))
      .map((x) => x.a);
    const cold = order.slice(0, settings.coldStories);
    const firstRender = order.slice(settings.coldStories);
    let firstRenderNext = 0;

    const targets: Target[] = [
      { id: 'ceiling-memory', label: 'Ceiling: same bytes from memory', kind: 'memory', paths: ['/'] },
      { id: 'ceiling-static', label: 'Ceiling: static page /copyright', kind: 'page', paths: ['/copyright'] },
      { id: 'home', label: 'Home', kind: 'page', paths: ['/'] },
      { id: 'section', label: 'Section /section/china-news', kind: 'page', paths: ['/section/china-news'] },
      { id: 'article-hot', label: 'Article, hot', kind: 'page', paths: [`/news/${hot.slug}`] },
      { id: 'article-cold', label: `Article, cold (${cold.length} long-tail stories)`, kind: 'paths', paths: cold.map((a) => `/news/${a.slug}`) },
      { id: 'moods', label: 'Mood ranking /moods/angry', kind: 'page', paths: ['/moods/angry'] },
      { id: 'moods-week', label: 'Mood ranking, week', kind: 'page', paths: ['/moods/angry?window=week'] },
      { id: 'search', label: 'Search', kind: 'page', paths: ['/search?q=tariffs'] },
      { id: 'article-first-render', label: 'Article, first render (uncached)', kind: 'first-render', paths: firstRender.map((a) => `/news/${a.slug}`) },
      { id: 'vote-form', label: 'Vote, no-JS form (303)', kind: 'vote', paths: ['/api/vote'], json: false },
      { id: 'vote-js', label: 'Vote, JS (200 JSON)', kind: 'vote', paths: ['/api/vote'], json: true },
    ];
    const selected = targets.filter((t) => !only || only.has(t.id) || t.id.startsWith('ceiling-'));
    const voteBody = () => `article=${hot.id}&mood=${MOODS[Math.floor(Math.random() * MOODS.length)]}`;

    // Weights first, on a quiet server. The article is the hot one, with its live tallies.
    await warmPath(origin, `/news/${hot.slug}`);
    await warmPath(origin, '/copyright');
    const article: PageWeight = await measurePage(origin, `/news/${hot.slug}`);
    const baseline: PageWeight = await measurePage(origin, '/copyright');

    // Ceiling (a): the article's bytes and headers exactly as Moodwire sent them.
    const sample = await fetch(`${origin}/news/${hot.slug}`);
    const bytes = Buffer.from(await sample.arrayBuffer());
    const headers: Record<string, string> = {};
    sample.headers.forEach((value, name) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding'].includes(name)) headers[name] = value;
    });
    const bodyFile = path.join(run.dir, 'article.html');
    fs.writeFileSync(bodyFile, bytes);
    const memory = await startMemoryServer({ port: MEMORY_PORT, bodyFile, headers });
    servers.push(memory);

    const rss = rssSampler(app.pid);
    const rows: Row[] = [];
    const audits: VoteAudit[] = [];
    for (const target of selected) {
      const row: Row = { id: target.id, label: target.label, request: target.kind === 'paths' || target.kind === 'first-render' ? `${target.paths.length} paths` : target.paths[0]!, results: {} };
      rows.push(row);
      const targetOrigin = target.kind === 'memory' ? memory.origin : origin;
      if (target.kind !== 'memory' && target.kind !== 'first-render') {
        row.unavailable = await probe(origin, target, voteBody);
        if (row.unavailable) {
          log(`${target.label}: not available (${row.unavailable})`);
          continue;
        }
      }
      if (target.kind === 'first-render' && target.paths.length < 2000) {
        row.unavailable = 'too few unrendered stories';
        continue;
      }

      const spec: Omit<LoadSpec, 'connections' | 'seconds'> = { origin: targetOrigin, paths: target.paths, expect: [200] };
      if (target.kind === 'first-render') spec.nextPath = () => target.paths[firstRenderNext++ % target.paths.length]!;
      let accepted = 0;
      const cookies: string[] = [];
      if (target.kind === 'vote') {
        spec.method = 'POST';
        spec.headers = voteHeaders(origin, target.json ?? false);
        spec.body = voteBody;
        spec.expect = [target.json ? 200 : 303];
      }

      // Warm-up: every page cached (x-nextjs-cache: HIT), then a short burst for the JIT.
      if (target.kind === 'page') await warmPath(origin, target.paths[0]!);
      if (target.kind === 'paths') await warmPaths(origin, target.paths);
      if (target.kind !== 'first-render') await runLoad({ ...spec, connections: 50, seconds: settings.warmSeconds });
      if (target.kind === 'page') await warmPath(origin, target.paths[0]!);

      let since = 0;
      if (target.kind === 'vote') {
        since = (db.prepare('select coalesce(max(id), 0) as id from votes').get() as { id: number }).id;
        spec.onResponse = (status, h) => {
          if (!spec.expect.includes(status)) return;
          accepted++;
          const set = h['set-cookie'];
          cookies.push(Array.isArray(set) ? set.join('\n') : (set ?? ''));
        };
      }
      for (const connections of CONNECTIONS) {
        rss.setActive(target.kind !== 'memory');
        const result: LoadResult = await runLoad({ ...spec, connections, seconds: settings.seconds });
        rss.setActive(false);
        row.results[connections] = result;
        log(
          `${target.label.padEnd(44)} ${String(connections).padStart(2)} conns: ${result.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms` +
            (result.errors || result.unexpected ? `  errors ${result.errors}, unexpected ${JSON.stringify(result.statuses)}` : ''),
        );
      }
      if (target.kind === 'vote') {
        // Let requests the load generator abandoned at the end of the run finish on the server.
        await new Promise((r) => setTimeout(r, 1000));
        const after = countVotesSince(db, since);
        const matched = cookies.filter((c) => c.split(/[^A-Za-z0-9_-]+/).some((token) => token && after.readers.has(token))).length;
        const byCookie = matched > 0;
        audits.push({
          id: target.id as VoteAudit['id'],
          accepted,
          rowsAdded: after.rows,
          lost: byCookie ? accepted - matched : Math.max(0, accepted - after.rows),
          method: byCookie ? 'reader cookie' : 'row count',
          unanswered: byCookie ? after.rows - matched : Math.max(0, after.rows - accepted),
          talliesConsistent: talliesConsistent(db, hot.id),
        });
      }
    }
    rss.stop();
    const finalMemory = treeRss(app.pid);
    db.close();
    await stopAll();

    const results: Results = { rows, peakRssBytes: rss.peak() || null, article, baseline, votes: audits };
    const checks = evaluateTargets(results);
    const extraJs = article.jsGzip - baseline.jsGzip;
    const articleOnly = article.scripts.filter((s) => !baseline.scripts.some((b) => b.url === s.url));

    console.log('');
    console.log(renderTable(results));
    console.log('');
    console.log(`Server memory: peak RSS under load ${(results.peakRssBytes ?? 0) / 1e6 > 0 ? ((results.peakRssBytes ?? 0) / 1e6).toFixed(0) : '?'} MB (sampled every 200 ms); lifetime peak (VmHWM) ${finalMemory ? (finalMemory.peak / 1e6).toFixed(0) : '?'} MB`);
    console.log(`Article ${article.path}: HTML ${(article.htmlBytes / 1000).toFixed(1)} kB, ${(article.htmlGzip / 1000).toFixed(1)} kB gzipped`);
    console.log(
      `JavaScript, gzipped: article ${(article.jsGzip / 1000).toFixed(1)} kB in ${article.scripts.length} files; /copyright (no client components) ${(baseline.jsGzip / 1000).toFixed(1)} kB; difference ${(extraJs / 1000).toFixed(1)} kB` +
        (articleOnly.length ? ` (${articleOnly.map((s) => `${s.url} ${(s.gzip / 1000).toFixed(1)} kB`).join(', ')})` : ''),
    );
    for (const a of audits) {
      console.log(
        `Votes ${a.id}: ${a.accepted} accepted, ${a.rowsAdded} rows added, ${a.lost} lost (by ${a.method}), ${a.unanswered} written for requests cut off at the end of a run; tallies ${a.talliesConsistent ? 'consistent' : 'INCONSISTENT'}`,
      );
    }
    console.log('');
    console.log(renderChecks(checks));

    const profiles = profileDir && fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    for (const p of profiles) console.log('\n' + renderProfile(summarizeProfile(path.join(profileDir!, p))));

    const output = {
      finishedAt: new Date().toISOString(),
      mode,
      seconds: settings.seconds,
      warmSeconds: settings.warmSeconds,
      connections: CONNECTIONS,
      wallSeconds: (Date.now() - started) / 1000,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverageAtStart: load1 },
      database: cached.meta.summary,
      hotArticle: { slug: hot.slug, votes: hot.votes },
      serverEnv: Object.fromEntries(Object.keys(BENCH_LIMITS).map((k) => [k, env[k]])),
      articleHeaders: headers,
      ...results,
      lifetimePeakRssBytes: finalMemory?.peak ?? null,
      checks,
      profiles: profiles.map((p) => path.join(profileDir!, p)),
    };
    fs.writeFileSync(path.join(BENCH_DIR, 'results.json'), JSON.stringify(output, null, 2));
    log(`wrote bench/results.json; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
    if (args.strict && checks.some((c) => c.status === 'MISS')) process.exitCode = 1;
  } finally {
    await stopAll();
    run.cleanup();
    fs.rmSync(path.join(process.cwd(), RUN_DIST_DIR), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
