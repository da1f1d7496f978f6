// The results table and the issue's targets, as pure functions of the measurements.
import type { PageWeight } from './assets';
import type { InsightsTiming } from './insights';
import type { LoadResult } from './load';
import type { VoterRound } from './voter-rounds';

export const CONNECTIONS = [10, 50] as const;
export type Connections = (typeof CONNECTIONS)[number];

export type TargetId =
  | 'home'
  | 'section'
  | 'article-hot'
  | 'article-cold'
  | 'article-long-tail'
  | 'article-first-render'
  | 'moods'
  | 'moods-month'
  | 'search'
  | 'vote-form'
  | 'vote-js'
  | 'route-bare'
  | 'ceiling-memory'
  | 'ceiling-static';

export type Row = {
  id: TargetId;
  label: string;
  /** what was requested, for the record */
  request: string;
  /** set when the build under test does not have this page or endpoint, e.g. "HTTP 404" */
  unavailable?: string;
  /** requests sent with a browser's headers (Accept-Encoding included): what the targets apply to */
  results: Partial<Record<Connections, LoadResult>>;
  /** the same requests without Accept-Encoding, at 50 connections (cached GETs and the memory ceiling) */
  identity50?: LoadResult;
};

export type VoteAudit = {
  id: 'vote-form' | 'vote-js';
  /** answers that said the vote was taken (303 without JS, 200 with) */
  accepted: number;
  /** vote rows the database gained during the measured runs */
  rowsAdded: number;
  /** accepted answers whose reader has no vote row: the lost writes */
  lost: number;
  /** how `lost` was established */
  method: 'reader cookie' | 'row count';
  /** rows written for requests whose answer the load generator stopped waiting for at the end */
  unanswered: number;
  /** vote_tallies and vote_hourly still equal COUNT(*) of the votes, for the stories voted on */
  talliesConsistent: boolean;
};

export type Results = {
  rows: Row[];
  /** server-side times of the staff insights views (scripts/bench/insights.ts); absent when not run */
  insights?: InsightsTiming[] | null;
  peakRssBytes: number | null;
  article: PageWeight | null;
  baseline: PageWeight | null;
  votes: VoteAudit[];
  /** voters reading with their cookies, three identical rounds (scripts/bench/voter-rounds.ts) */
  voterRounds?: VoterRound[] | null;
  /** what the server printed over the whole run that says it leaks listeners or calls itself */
  serverTrouble?: { listenerWarnings: number; selfRequestFailures: number; errorLines: number } | null;
};

export type Check = { name: string; target: string; measured: string; status: 'PASS' | 'MISS' | 'n/a'; margin: string };

/** The round with the median req/s, its errors replaced by the sum over all rounds. */
export function medianResult(rounds: LoadResult[]): LoadResult {
  const sorted = [...rounds].sort((a, b) => a.reqPerSec - b.reqPerSec);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    ...median,
    errors: rounds.reduce((s, x) => s + x.errors, 0),
    unexpected: rounds.reduce((s, x) => s + x.unexpected, 0),
  };
}

/** The run with the most req/s, its errors replaced by the sum over all runs. */
export function bestResult(runs: LoadResult[]): LoadResult {
  const best = runs.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a));
  return { ...best, errors: runs.reduce((s, x) => s + x.errors, 0), unexpected: runs.reduce((s, x) => s + x.unexpected, 0) };
}

const row = (r: Results, id: TargetId) => r.rows.find((x) => x.id === id);
const rps = (r: Results, id: TargetId, c: Connections) => {
  const x = row(r, id);
  return x && !x.unavailable ? x.results[c]?.reqPerSec : undefined;
};

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function ratioCheck(r: Results, name: string, id: TargetId, vs: TargetId, min: number, vsName: string): Check {
  const target = `≥ ${pct(min)} of ${vsName} req/s at 50 connections`;
  const x = row(r, id);
  if (!x || x.unavailable) return { name, target, measured: `not available (${x?.unavailable ?? 'not run'})`, status: 'n/a', margin: '' };
  const a = rps(r, id, 50);
  const b = rps(r, vs, 50);
  if (a === undefined || b === undefined || b === 0) return { name, target, measured: 'not measured', status: 'n/a', margin: '' };
  const ratio = a / b;
  return {
    name,
    target,
    measured: `${pct(ratio)} (${a.toFixed(0)} vs ${b.toFixed(0)} req/s)`,
    status: ratio >= min ? 'PASS' : 'MISS',
    margin: `${ratio >= min ? '+' : '−'}${Math.abs((ratio - min) * 100).toFixed(0)} points`,
  };
}

function maxCheck(name: string, target: string, value: number | null | undefined, max: number, format: (n: number) => string): Check {
  if (value === null || value === undefined) return { name, target, measured: 'not measured', status: 'n/a', margin: '' };
  const ok = value <= max;
  return { name, target, measured: format(value), status: ok ? 'PASS' : 'MISS', margin: `${format(Math.abs(max - value))} ${ok ? 'to spare' : 'over'}` };
}

export function evaluateTargets(r: Results): Check[] {
  const checks: Check[] = [
    ratioCheck(r, 'Article (hot)', 'article-hot', 'ceiling-static', 0.8, 'static page'),
    ratioCheck(r, 'Article (cold)', 'article-cold', 'ceiling-static', 0.8, 'static page'),
  ];
  const hot10 = row(r, 'article-hot')?.results[10];
  checks.push(maxCheck('Article (hot) p99', 'p99 ≤ 100 ms at 10 connections', hot10?.p99, 100, (n) => `${n.toFixed(0)} ms`));
  checks.push(ratioCheck(r, 'Article (long tail)', 'article-long-tail', 'ceiling-static', 0.5, 'static page'));
  const first = row(r, 'article-first-render');
  checks.push(
    maxCheck('Article, first render: server CPU', '≤ 15 ms per story', first && !first.unavailable ? first.results[50]?.cpuMsPerRequest : undefined, 15, (n) => `${n.toFixed(1)} ms`),
  );
  checks.push(ratioCheck(r, 'Home', 'home', 'ceiling-static', 0.6, 'static page'));
  checks.push(ratioCheck(r, 'Section', 'section', 'ceiling-static', 0.6, 'static page'));
  checks.push(ratioCheck(r, 'Mood ranking (7 days)', 'moods', 'ceiling-static', 0.6, 'static page'));
  checks.push(ratioCheck(r, 'Mood ranking (30 days)', 'moods-month', 'ceiling-static', 0.6, 'static page'));
  checks.push(ratioCheck(r, 'Vote (no-JS form)', 'vote-form', 'article-hot', 0.5, 'hot article'));
  checks.push(ratioCheck(r, 'Vote (JS)', 'vote-js', 'article-hot', 0.5, 'hot article'));
  // Not a target: how close the vote comes to a route handler that does nothing (Next's own cost).
  const floor = ratioCheck(r, 'Vote (JS) against a bare route handler', 'vote-js', 'route-bare', 0, 'bare route handler');
  const bare = ratioCheck(r, 'Bare route handler', 'route-bare', 'article-hot', 0.5, 'hot article');
  checks.push({ ...floor, target: 'for the record', status: 'n/a', margin: '' }, { ...bare, name: 'Bare route handler (Next alone)', target: `for the record: ${bare.target}`, status: 'n/a', margin: '' });
  for (const id of ['vote-form', 'vote-js'] as const) {
    const audit = r.votes.find((v) => v.id === id);
    const name = `Lost writes, ${id === 'vote-form' ? 'no-JS form' : 'JS'}`;
    if (!audit) {
      checks.push({ name, target: '0', measured: `not available (${row(r, id)?.unavailable ?? 'not run'})`, status: 'n/a', margin: '' });
      continue;
    }
    const ok = audit.lost === 0 && audit.talliesConsistent;
    checks.push({
      name,
      target: '0, tallies = COUNT(*)',
      measured: `${audit.lost} of ${audit.accepted} accepted (${audit.method}); tallies ${audit.talliesConsistent ? 'consistent' : 'INCONSISTENT'}`,
      status: ok ? 'PASS' : 'MISS',
      margin: ok ? '' : `${audit.lost} lost`,
    });
  }
  checks.push(maxCheck('Server RSS under load', '≤ 300 MB', r.peakRssBytes, 300e6, mb));
  checks.push(...voterChecks(r));
  checks.push(maxCheck('Article HTML, gzipped', '≤ 30 kB', r.article?.htmlGzip, 30_000, kb));
  const extra = r.article && r.baseline ? r.article.jsGzip - r.baseline.jsGzip : undefined;
  checks.push(maxCheck('Article JS above a page without client code', '≤ 30 kB gzipped', extra, 30_000, kb));
  for (const t of r.insights ?? []) checks.push(maxCheck(`Insights: ${t.label}`, 'median < 200 ms server-side', t.medianMs, 200, (n) => `${n.toFixed(0)} ms`));
  const bad = r.rows.flatMap((x) => [...Object.values(x.results), x.identity50]).reduce((s, x) => s + (x?.errors ?? 0) + (x?.unexpected ?? 0), 0);
  checks.push({ name: 'Errors and unexpected statuses', target: '0', measured: String(bad), status: bad === 0 ? 'PASS' : 'MISS', margin: '' });
  return checks;
}

/**
 * Issue 22: no listener warning, failed self-request or error line during the whole run (the vote and
 * read loads included), and no growth of the server's memory across three identical rounds of voters
 * reading, after a warm-up round that filled the bounded caches: the heap after a full collection may
 * end round 3 at most VOTER_HEAP_GROWTH above round 1 (a leak of a kilobyte per vote would add more
 * than that every round). RSS is reported beside it; it also follows V8's and the allocator's moods.
 */
export const VOTER_HEAP_GROWTH = 4e6;

function voterChecks(r: Results): Check[] {
  const checks: Check[] = [];
  const t = r.serverTrouble;
  checks.push(
    t
      ? {
          name: 'Listener warnings, self-requests, error lines',
          target: '0 during the run',
          measured: `${t.listenerWarnings} MaxListenersExceededWarning, ${t.selfRequestFailures} failed self-requests, ${t.errorLines} error lines`,
          status: t.listenerWarnings + t.selfRequestFailures + t.errorLines === 0 ? 'PASS' : 'MISS',
          margin: '',
        }
      : { name: 'Listener warnings, self-requests, error lines', target: '0 during the run', measured: 'not measured', status: 'n/a', margin: '' },
  );
  const rounds = r.voterRounds ?? [];
  const first = rounds[0]?.heapAfterBytes;
  const last = rounds.at(-1)?.heapAfterBytes;
  const name = `Memory across ${rounds.length || 3} rounds of voters reading`;
  const target = `heap after GC: round ${rounds.length || 3} ≤ round 1 + ${mb(VOTER_HEAP_GROWTH)}`;
  if (rounds.length < 2 || first == null || last == null) {
    checks.push({ name, target, measured: 'not measured', status: 'n/a', margin: '' });
  } else {
    const growth = last - first;
    const ok = growth <= VOTER_HEAP_GROWTH;
    const mb1 = (n: number | null) => (n === null ? '?' : (n / 1e6).toFixed(1));
    checks.push({
      name,
      target,
      measured: `heap ${rounds.map((x) => mb1(x.heapAfterBytes)).join(' → ')} MB; RSS ${rounds.map((x) => mb1(x.rssAfterBytes)).join(' → ')} MB`,
      status: ok ? 'PASS' : 'MISS',
      margin: `${mb1(Math.abs(VOTER_HEAP_GROWTH - growth))} MB ${ok ? 'to spare' : 'over'}`,
    });
  }
  const bad = rounds.reduce((s, x) => s + x.errors + x.unexpected, 0);
  if (rounds.length)
    checks.push({
      name: 'Voters reading: errors and unexpected statuses',
      target: '0 (vote 303, story 200)',
      measured: String(bad),
      status: bad === 0 ? 'PASS' : 'MISS',
      margin: '',
    });
  return checks;
}

/** A Markdown table; `right` marks the numeric columns. */
function table(header: string[], lines: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [fmt(header), rule, ...lines.map(fmt)].join('\n');
}

/** One Markdown table: it reads in a terminal and pastes into the README as it is. */
export function renderTable(r: Results): string {
  const lines: string[][] = [];
  for (const x of r.rows) {
    if (x.unavailable) {
      lines.push([`${x.label}: not available (${x.unavailable})`, '', '', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    for (const c of CONNECTIONS) {
      const m = x.results[c];
      if (!m) continue;
      const memory = rps(r, 'ceiling-memory', c);
      const stat = rps(r, 'ceiling-static', c);
      const identity = c === 50 ? x.identity50 : undefined;
      const identityStatic = row(r, 'ceiling-static')?.identity50?.reqPerSec;
      lines.push([
        x.label,
        String(c),
        m.reqPerSec.toFixed(0),
        m.p50.toFixed(1),
        m.p99.toFixed(1),
        m.cpuMsPerRequest === null ? '' : m.cpuMsPerRequest.toFixed(2),
        `${m.errors} / ${m.unexpected}`,
        memory ? pct(m.reqPerSec / memory) : '',
        stat ? pct(m.reqPerSec / stat) : '',
        identity ? identity.reqPerSec.toFixed(0) : '',
        identity?.cpuMsPerRequest != null ? identity.cpuMsPerRequest.toFixed(2) : '',
        identity && identityStatic ? pct(identity.reqPerSec / identityStatic) : '',
      ]);
    }
  }
  return table(
    ['Target', 'Conns', 'Req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'Errors / bad status', 'vs memory', 'vs static', 'Identity req/s', 'Identity CPU ms', 'Identity vs static'],
    lines,
    [false, true, true, true, true, true, true, true, true, true, true, true],
  );
}

export function renderChecks(checks: Check[]): string {
  return table(
    ['Target', 'Goal', 'Measured', 'Result', 'Margin'],
    checks.map((c) => [c.name, c.target, c.measured, c.status, c.margin]),
    [false, false, false, false, false],
  );
}

/** The fields of a results file the side-by-side table reads, with what run.ts adds around them. */
export type EngineResults = Results & {
  engine?: 'sqlite' | 'postgres';
  finishedAt?: string;
  mode?: string;
  machine?: { loadAverageStart?: number; loadAverageEnd?: number } | Record<string, unknown>;
};

/**
 * SQLite and PostgreSQL side by side (issue 17 §6), from two runs' results files: req/s and server CPU
 * per request at both connection counts, the votes' lost writes, the staff insights and peak RSS.
 */
export function renderEngines(sqlite: EngineResults, postgres: EngineResults): string {
  const lines: string[][] = [];
  const cell = (r: EngineResults, id: TargetId, c: Connections) => r.rows.find((x) => x.id === id)?.results[c];
  for (const x of sqlite.rows) {
    if (x.id === 'ceiling-memory') continue;
    for (const c of CONNECTIONS) {
      const a = cell(sqlite, x.id, c);
      const b = cell(postgres, x.id, c);
      if (!a && !b) continue;
      lines.push([
        x.label,
        String(c),
        a ? a.reqPerSec.toFixed(0) : '',
        a?.cpuMsPerRequest != null ? a.cpuMsPerRequest.toFixed(2) : '',
        b ? b.reqPerSec.toFixed(0) : '',
        b?.cpuMsPerRequest != null ? b.cpuMsPerRequest.toFixed(2) : '',
        a && b ? pct(b.reqPerSec / a.reqPerSec) : '',
      ]);
    }
  }
  for (const id of ['vote-form', 'vote-js'] as const) {
    const audit = (r: EngineResults) => {
      const v = r.votes.find((x) => x.id === id);
      return v ? `${v.lost} of ${v.accepted}${v.talliesConsistent ? '' : ', tallies off'}` : '';
    };
    if (audit(sqlite) || audit(postgres))
      lines.push([`Lost writes, ${id === 'vote-js' ? 'JS vote' : 'no-JS vote'}`, '', audit(sqlite), '', audit(postgres), '', '']);
  }
  for (const t of sqlite.insights ?? []) {
    const other = postgres.insights?.find((x) => x.id === t.id);
    lines.push([`Insights: ${t.label} (median ms)`, '', t.medianMs.toFixed(0), '', other ? other.medianMs.toFixed(0) : '', '', '']);
  }
  const mb = (n: number | null | undefined) => (n ? `${Math.round(n / 1e6)} MB` : ''); // as run.ts prints it
  lines.push(['Peak RSS of the app server', '', mb(sqlite.peakRssBytes), '', mb(postgres.peakRssBytes), '', '']);
  return table(
    ['Target', 'Conns', 'SQLite req/s', 'SQLite app CPU ms/req', 'PostgreSQL req/s', 'PostgreSQL app CPU ms/req', 'PostgreSQL vs SQLite'],
    lines,
    [false, true, true, true, true, true, true],
  );
}
