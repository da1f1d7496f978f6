// What the insights pages and their CSV exports show, built once from the queries: the same rows feed
// the charts, the tables under them and the downloads, so a CSV never disagrees with its page.
import 'server-only';
import {
  countStoryReaders,
  getStoryMoodTotals,
  listMostSharedStories,
  listSharesByNetwork,
  listStoryRankings,
  listStorySharesByDay,
  listStoryVotesByBucket,
  listVotesByBucketWithPrevious,
  totalsOf,
  type BucketRow,
  type InsightsScope,
  type MoodLeaderRow,
  type MoverRow,
  type SharedStoryRow,
} from '@/db/queries/insights';
import { listSections, sectionAndDescendantIds, type SectionNode } from '@/db/queries/sections';
import type { RawSearchParams } from '@/lib/admin/search-params';
import { param } from '@/lib/admin/search-params';
import { MOODS, MOOD_LABELS, percentages, sumTallies, type Tallies } from '@/lib/domain/moods';
import { NETWORK_LABELS, SHARE_NETWORKS, type ShareNetwork } from '@/lib/domain/share-networks';
import {
  bucketIso,
  bucketLabel,
  bucketStarts,
  bucketTick,
  parseInsightsWindow,
  utcDay,
  type InsightsWindow,
  type WindowKind,
} from './window';

export type Table = { columns: string[]; rows: (string | number)[][]; numeric: boolean[] };
export type Format = 'html' | 'csv';

export const networkLabel = (n: string) => NETWORK_LABELS[n as ShareNetwork] ?? n;

// ---------- filters ----------

export type DashboardFilter = { window: InsightsWindow; section?: SectionNode; sectionIds?: number[] };
export type FilterResult =
  { ok: true; filter: DashboardFilter } | { ok: false; field: 'window' | 'from' | 'to' | 'section'; message: string };

/** The dashboard's filters from its query string: a window, and optionally a section (with its subsections). */
export async function resolveDashboardFilter(
  params: RawSearchParams,
  now: number = Date.now(),
  fallback: WindowKind = '7d',
): Promise<FilterResult> {
  const window = parseInsightsWindow(
    { window: param(params, 'window', 20), from: param(params, 'from', 20), to: param(params, 'to', 20) },
    now,
    fallback,
  );
  if (!window.ok) return window;
  const slug = param(params, 'section', 100);
  if (!slug) return { ok: true, filter: { window: window.window } };
  const all = await listSections();
  const section = all.find((s) => s.slug === slug);
  if (!section) return { ok: false, field: 'section', message: 'There is no such section: choose one from the list.' };
  return { ok: true, filter: { window: window.window, section, sectionIds: sectionAndDescendantIds(all, section.id) } };
}

const scopeOf = (f: DashboardFilter): InsightsScope => ({ ...f.window, sectionIds: f.sectionIds });

// ---------- dashboard ----------

export type Dashboard = {
  filter: DashboardFilter;
  buckets: { start: number; tallies: Tallies; total: number; previous: number }[];
  totals: Tallies;
  total: number;
  previousTotal: number;
  shares: { network: string; count: number }[];
  leaders: MoodLeaderRow[];
  shared: SharedStoryRow[];
  movers: MoverRow[];
};

/** Every bucket of the window, with zeros where nothing was counted. */
function fillBuckets(window: InsightsWindow, rows: BucketRow[]): BucketRow[] {
  const byStart = new Map(rows.map((r) => [r.start, r]));
  return bucketStarts(window).map(
    (start) =>
      byStart.get(start) ?? { start, tallies: Object.fromEntries(MOODS.map((m) => [m, 0])) as Tallies, total: 0 },
  );
}

export async function loadDashboard(filter: DashboardFilter): Promise<Dashboard> {
  const w = filter.window;
  const scope = { ...scopeOf(filter), previousFrom: w.previous.from };
  // Independent reads: on PostgreSQL they run side by side on the pool.
  const [votes, rankings, shares, shared] = await Promise.all([
    listVotesByBucketWithPrevious(scope),
    listStoryRankings(scope, { leaders: 5, movers: 10, minVotes: 5 }),
    listSharesByNetwork(scope),
    listMostSharedStories(scope, 10),
  ]);
  const current = fillBuckets(w, votes.current);
  // The previous period's buckets, moved onto this period's (whole days or hours, so they line up).
  const offset = w.from - w.previous.from;
  const previousByStart = new Map(votes.previous.map((r) => [r.start + offset, r.total]));
  const buckets = current.map((b) => ({ ...b, previous: previousByStart.get(b.start) ?? 0 }));
  const totals = totalsOf(current);
  return {
    filter,
    buckets,
    totals,
    total: sumTallies(totals),
    previousTotal: votes.previous.reduce((n, r) => n + r.total, 0),
    shares,
    leaders: rankings.leaders,
    shared,
    movers: rankings.movers,
  };
}

export const DASHBOARD_TABLES = [
  'mood-timeline',
  'votes-timeline',
  'shares',
  'top-by-mood',
  'most-shared',
  'movers',
] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

const when = (start: number, w: InsightsWindow, format: Format) =>
  format === 'csv' ? bucketIso(start, w.bucket) : bucketLabel(start, w.bucket);
const pct = (n: number) => Math.round(n * 10) / 10;

export function dashboardTable(d: Dashboard, table: DashboardTable, format: Format): Table {
  const w = d.filter.window;
  const unit = w.bucket === 'hour' ? 'Hour (UTC)' : 'Day (UTC)';
  switch (table) {
    case 'mood-timeline':
      return {
        columns: [unit, ...MOODS.map((m) => MOOD_LABELS[m]), 'Total'],
        rows: d.buckets.map((b) => [when(b.start, w, format), ...MOODS.map((m) => b.tallies[m]), b.total]),
        numeric: [false, ...MOODS.map(() => true), true],
      };
    case 'votes-timeline':
      return {
        columns: [unit, 'Votes', 'Previous period', 'Previous period from'],
        rows: d.buckets.map((b) => [
          when(b.start, w, format),
          b.total,
          b.previous,
          when(b.start - (w.from - w.previous.from), w, format),
        ]),
        numeric: [false, true, true, false],
      };
    case 'shares':
      return {
        columns: ['Network', 'Shares'],
        rows: d.shares.map((s) => [networkLabel(s.network), s.count]),
        numeric: [false, true],
      };
    case 'top-by-mood':
      return {
        columns: ['Mood', 'Rank', 'Story', 'Section', 'Votes of this mood', 'All votes in period', 'Story number'],
        rows: d.leaders.map((l) => [
          MOOD_LABELS[l.mood],
          l.rank,
          l.title,
          l.sectionName,
          l.moodVotes,
          l.totalVotes,
          l.id,
        ]),
        numeric: [false, true, false, false, true, true, true],
      };
    case 'most-shared':
      return {
        columns: ['Story', 'Section', 'Shares', 'Shared most to', 'Shares there', 'Story number'],
        rows: d.shared.map((s) => [
          s.title,
          s.sectionName,
          s.shares,
          networkLabel(s.topNetwork),
          s.topNetworkShares,
          s.id,
        ]),
        numeric: [false, false, true, false, true, true],
      };
    case 'movers':
      return {
        columns: [
          'Story',
          'Section',
          'Shift (points)',
          'Rising mood',
          'Rise (points)',
          'Falling mood',
          'Fall (points)',
          'Votes',
          'Votes in previous period',
          'Story number',
        ],
        rows: d.movers.map((m) => [
          m.title,
          m.sectionName,
          pct(m.shift),
          MOOD_LABELS[m.rising],
          pct(m.risingPoints),
          MOOD_LABELS[m.falling],
          pct(m.fallingPoints),
          m.votes,
          m.previousVotes,
          m.id,
        ]),
        numeric: [false, false, true, false, true, false, true, true, true, true],
      };
  }
}

// ---------- one story ----------

export type StoryReport = {
  window: InsightsWindow;
  tallies: Tallies;
  total: number;
  buckets: BucketRow[];
  windowTotals: Tallies;
  shareDays: { day: string; counts: Record<string, number>; total: number }[];
  networks: string[];
  shareTotals: Record<string, number>;
  readers: { readers: number; voided: number; recentAddresses: number };
};

export async function loadStoryReport(
  id: number,
  window: InsightsWindow,
  now: number = Date.now(),
): Promise<StoryReport> {
  const [tallies, bucketRows, shareRows, readers] = await Promise.all([
    getStoryMoodTotals(id),
    listStoryVotesByBucket(id, window),
    listStorySharesByDay(id, window),
    countStoryReaders(id, now),
  ]);
  const buckets = fillBuckets(window, bucketRows);
  const networks = SHARE_NETWORKS.filter((n) => shareRows.some((r) => r.network === n)) as string[];
  for (const r of shareRows) if (!networks.includes(r.network)) networks.push(r.network);
  const days: string[] = [];
  for (let t = Date.parse(`${window.fromDay}T00:00:00Z`); utcDay(t) <= window.toDay; t += 86_400_000)
    days.push(utcDay(t));
  const byDay = new Map(days.map((d) => [d, { day: d, counts: {} as Record<string, number>, total: 0 }]));
  const shareTotals: Record<string, number> = {};
  for (const r of shareRows) {
    const d = byDay.get(r.day);
    if (!d) continue;
    d.counts[r.network] = (d.counts[r.network] ?? 0) + r.count;
    d.total += r.count;
    shareTotals[r.network] = (shareTotals[r.network] ?? 0) + r.count;
  }
  return {
    window,
    tallies,
    total: sumTallies(tallies),
    buckets,
    windowTotals: totalsOf(buckets),
    shareDays: [...byDay.values()],
    networks,
    shareTotals,
    readers,
  };
}

export const STORY_TABLES = ['moods', 'mood-timeline', 'shares-timeline'] as const;
export type StoryTable = (typeof STORY_TABLES)[number];

export function storyTable(r: StoryReport, table: StoryTable, format: Format): Table {
  const w = r.window;
  switch (table) {
    case 'moods': {
      const p = percentages(r.tallies);
      return {
        columns: ['Mood', 'Votes', 'Share (%)'],
        rows: MOODS.map((m) => [MOOD_LABELS[m], r.tallies[m], p[m]]),
        numeric: [false, true, true],
      };
    }
    case 'mood-timeline':
      return {
        columns: [w.bucket === 'hour' ? 'Hour (UTC)' : 'Day (UTC)', ...MOODS.map((m) => MOOD_LABELS[m]), 'Total'],
        rows: r.buckets.map((b) => [when(b.start, w, format), ...MOODS.map((m) => b.tallies[m]), b.total]),
        numeric: [false, ...MOODS.map(() => true), true],
      };
    case 'shares-timeline':
      return {
        columns: ['Day (UTC)', ...r.networks.map(networkLabel), 'Total'],
        rows: r.shareDays.map((d) => [
          format === 'csv' ? d.day : bucketLabel(Date.parse(`${d.day}T00:00:00Z`), 'day'),
          ...r.networks.map((n) => d.counts[n] ?? 0),
          d.total,
        ]),
        numeric: [false, ...r.networks.map(() => true), true],
      };
  }
}

export { bucketTick };
