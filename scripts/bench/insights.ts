// npm run bench:insights [-- --db file] [--json] — times the staff insights and moderation views on the
// benchmark database (1,000,000 votes): every query a page runs, server side, as the page runs them.
// With DATABASE_URL=postgres://… it times them on that PostgreSQL database instead (fill it from the
// benchmark file with `npm run db:copy`).
// `npm run bench` runs it too (on its own copy of the database, before the load tests) and checks
// the < 200 ms target of issue 6. Wall time is what staff wait for; CPU time stays meaningful when
// other programs share the machine.
//
// Must run with --conditions=react-server (the query modules import 'server-only').
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { SectionNode } from '@/db/queries/sections';

export type InsightsTiming = { id: string; label: string; runs: number; medianMs: number; p95Ms: number; maxMs: number; cpuMedianMs: number; rows: string };

const RUNS = Number(process.env.BENCH_INSIGHTS_RUNS || 15);
const WARM = 2;

const { values: args } = parseArgs({ options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
const log = (line: string) => (args.json ? console.error(`[bench:insights] ${line}`) : console.log(`[bench:insights] ${line}`));

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function time(id: string, label: string, fn: () => Promise<string>): Promise<InsightsTiming> {
  let rows = '';
  for (let i = 0; i < WARM; i++) rows = await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    rows = await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const t = { id, label, runs: RUNS, medianMs: quantile(wall, 0.5), p95Ms: quantile(wall, 0.95), maxMs: wall.at(-1)!, cpuMedianMs: quantile(cpu, 0.5), rows };
  log(`${label.padEnd(58)} median ${t.medianMs.toFixed(1).padStart(6)} ms  p95 ${t.p95Ms.toFixed(1).padStart(6)} ms  CPU ${t.cpuMedianMs.toFixed(1).padStart(6)} ms  (${rows})`);
  return t;
}

async function main() {
  let file = args.db;
  let cleanup = () => {};
  const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL?.trim() ?? '');
  if (!file && !postgres) {
    const { copyForRun, ensureBenchDatabase } = await import('./prepare');
    const cached = ensureBenchDatabase({ regenerate: false, log });
    const run = copyForRun(cached.file);
    file = run.file;
    cleanup = run.cleanup;
  }
  try {
    if (file) process.env.DATABASE_PATH = file;
    const { engineKind, rows } = await import('@/db/engine');
    const { sql } = await import('drizzle-orm');
    const { getStoryForInsights } = await import('@/db/queries/insights');
    const { listPausedStories, listVoteBursts, listVoteSpikes } = await import('@/db/queries/moderation');
    const { loadDashboard, loadStoryReport } = await import('@/lib/insights/reports');
    const { MAX_SPAN_DAYS, parseInsightsWindow } = await import('@/lib/insights/window');
    const { moderationSettings } = await import('@/lib/moderation/settings');

    const now = Date.now();
    const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;
    const hot = await one<{ id: number; n: number }>(
      sql`select article_id as id, sum(count) as n from vote_tallies group by 1 order by 2 desc limit 1`,
    );
    const median = await one<{ id: number; n: number }>(
      sql`select article_id as id, n from (select article_id, sum(count) as n from vote_tallies group by 1) t order by n limit 1 offset (select count(distinct article_id) / 2 from vote_tallies)`,
    );
    // The section with the most stories under it (a top-level desk), for the section filter, and the
    // sections under it (what the dashboard's section filter resolves to).
    const section = await one<SectionNode>(
      sql`select s.id, s.slug, s.name, s.description, s.parent_id as "parentId", s.position from sections s where s.parent_id is null order by (select count(*) from articles a where a.section_id = s.id) desc limit 1`,
    );
    const sectionIds = (
      await rows<{ id: number }>(sql`with recursive under(id) as (select cast(${section.id} as integer)
        union all select s.id from sections s join under u on s.parent_id = u.id) select id from under`)
    ).map((r) => r.id);
    const counts = await one<Record<string, number>>(
      sql`select (select count(*) from votes) as votes, (select count(*) from vote_hourly) as hourly, (select count(*) from share_clicks) as shares`,
    );
    log(`${engineKind()} database: ${counts.votes} votes, ${counts.hourly} vote_hourly rows, ${counts.shares} share_clicks rows; hottest story #${hot.id} (${hot.n} votes), median story #${median.id} (${median.n})`);

    const dashboard = (params: { window: string; from?: string; to?: string; section?: boolean }) => async () => {
      const w = parseInsightsWindow(params, now, '7d');
      if (!w.ok) throw new Error(w.message);
      const d = await loadDashboard(
        params.section
          ? { window: w.window, section, sectionIds }
          : { window: w.window },
      );
      return `${d.total} votes, ${d.buckets.length} buckets, ${d.leaders.length} leaders, ${d.movers.length} movers`;
    };
    const story = (id: number, window: string) => async () => {
      const w = parseInsightsWindow({ window }, now, '30d');
      if (!w.ok) throw new Error(w.message);
      if (!(await getStoryForInsights(id))) throw new Error(`no story ${id}`);
      const r = await loadStoryReport(id, w.window, now);
      return `${r.total} votes, ${r.buckets.length} buckets, ${r.readers.readers} readers`;
    };
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const settings = moderationSettings();

    const cases: [string, string, () => Promise<string>][] = [
      ['dash-today', 'Dashboard, today (hourly)', dashboard({ window: 'today' })],
      ['dash-7d', 'Dashboard, 7 days', dashboard({ window: '7d' })],
      ['dash-30d', 'Dashboard, 30 days', dashboard({ window: '30d' })],
      ['dash-longest', `Dashboard, custom ${MAX_SPAN_DAYS} days (the longest allowed)`, dashboard({ window: 'custom', from: day(now - (MAX_SPAN_DAYS - 1) * 86_400_000), to: day(now) })],
      ['dash-30d-section', `Dashboard, 30 days, section ${section.slug}`, dashboard({ window: '30d', section: true })],
      ['story-hot-30d', `Story insights, hottest story, 30 days`, story(hot.id, '30d')],
      ['story-hot-today', `Story insights, hottest story, today (hourly)`, story(hot.id, 'today')],
      ['story-median-30d', `Story insights, median story, 30 days`, story(median.id, '30d')],
      ['moderation', 'Moderation (bursts, spikes, paused stories)', async () => {
        const [b, s, p] = await Promise.all([listVoteBursts(settings, now), listVoteSpikes(settings, now), listPausedStories()]);
        return `${b.length} bursts, ${s.length} spikes, ${p.length} paused`;
      }],
    ];
    const timings: InsightsTiming[] = [];
    for (const [id, label, fn] of cases) timings.push(await time(id, label, fn));
    log(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; ${RUNS} runs each after ${WARM} warm-up runs`);
    if (args.json) console.log(`INSIGHTS_JSON ${JSON.stringify(timings)}`);
  } finally {
    const { closeEngine } = await import('@/db/engine');
    await closeEngine();
    cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
