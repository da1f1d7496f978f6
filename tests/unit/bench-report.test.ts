// The benchmark's verdicts: what counts as a pass, a miss, or a target the build does not have yet.
import { describe, expect, it } from 'vitest';
import { scriptUrls } from '@/scripts/bench/assets';
import type { LoadResult } from '@/scripts/bench/load';
import {
  bestResult,
  evaluateTargets,
  medianResult,
  renderEngines,
  renderTable,
  type Results,
  type Row,
} from '@/scripts/bench/report';

const load = (reqPerSec: number, extra: Partial<LoadResult> = {}): LoadResult => ({
  connections: 50,
  seconds: 2,
  requests: reqPerSec * 2,
  reqPerSec,
  p50: 5,
  p99: 40,
  errors: 0,
  unexpected: 0,
  statuses: { 200: reqPerSec * 2 },
  cpuMsPerRequest: 0.5,
  ...extra,
});

const page = (htmlGzip: number, jsGzip: number) => ({
  path: '/x',
  htmlBytes: htmlGzip * 5,
  htmlGzip,
  scripts: [],
  jsGzip,
});

function results(rows: Row[], extra: Partial<Results> = {}): Results {
  return {
    rows,
    peakRssBytes: 200e6,
    article: page(9_000, 150_000),
    baseline: page(5_000, 142_000),
    votes: [],
    ...extra,
  };
}

const row = (id: Row['id'], at50: number, at10 = at50, p99at10 = 40): Row => ({
  id,
  label: id,
  request: '/',
  results: { 10: load(at10, { connections: 10, p99: p99at10 }), 50: load(at50) },
});

const find = (checks: ReturnType<typeof evaluateTargets>, name: string) => checks.find((c) => c.name === name)!;

describe('benchmark targets', () => {
  it('pass the article at 80% of the static page and miss it below, with the margin in points', () => {
    const base = [row('ceiling-memory', 20_000), row('ceiling-static', 1_000)];
    expect(find(evaluateTargets(results([...base, row('article-hot', 850)])), 'Article (hot)')).toMatchObject({
      status: 'PASS',
      margin: '+5 points',
    });
    expect(find(evaluateTargets(results([...base, row('article-hot', 700)])), 'Article (hot)')).toMatchObject({
      status: 'MISS',
      margin: '−10 points',
    });
  });

  it('judge p99 at 10 connections against 100 ms', () => {
    const base = [row('ceiling-static', 1_000)];
    expect(
      find(evaluateTargets(results([...base, row('article-hot', 900, 900, 99)])), 'Article (hot) p99').status,
    ).toBe('PASS');
    expect(
      find(evaluateTargets(results([...base, row('article-hot', 900, 900, 140)])), 'Article (hot) p99'),
    ).toMatchObject({ status: 'MISS', margin: '40 ms over' });
  });

  it('report a target the build lacks as not available, never as a pass or a number', () => {
    const rows = [
      row('ceiling-static', 1_000),
      row('article-hot', 900),
      { id: 'vote-form', label: 'Vote', request: '/api/vote', unavailable: 'HTTP 404', results: {} } as Row,
    ];
    const checks = evaluateTargets(results(rows));
    expect(find(checks, 'Vote (no-JS form)')).toMatchObject({ status: 'n/a', measured: 'not available (HTTP 404)' });
    expect(find(checks, 'Lost writes, no-JS form')).toMatchObject({
      status: 'n/a',
      measured: 'not available (HTTP 404)',
    });
    expect(renderTable(results(rows))).toContain('Vote: not available (HTTP 404)');
  });

  it('compare votes with the hot article, and fail any lost write or inconsistent tally', () => {
    const rows = [row('ceiling-static', 1_000), row('article-hot', 900), row('vote-js', 400)];
    const audit = {
      id: 'vote-js' as const,
      accepted: 800,
      rowsAdded: 800,
      lost: 0,
      method: 'reader cookie' as const,
      unanswered: 0,
      talliesConsistent: true,
    };
    let checks = evaluateTargets(results(rows, { votes: [audit] }));
    expect(find(checks, 'Vote (JS)')).toMatchObject({ status: 'MISS', margin: '−6 points' });
    expect(find(checks, 'Lost writes, JS').status).toBe('PASS');
    checks = evaluateTargets(results(rows, { votes: [{ ...audit, lost: 2 }] }));
    expect(find(checks, 'Lost writes, JS')).toMatchObject({ status: 'MISS', margin: '2 lost' });
    checks = evaluateTargets(results(rows, { votes: [{ ...audit, talliesConsistent: false }] }));
    expect(find(checks, 'Lost writes, JS').status).toBe('MISS');
  });

  it('measure the article’s JavaScript above the page without client components, and its gzipped HTML', () => {
    const checks = evaluateTargets(
      results([row('ceiling-static', 1_000)], { article: page(31_000, 180_000), baseline: page(5_000, 142_000) }),
    );
    expect(find(checks, 'Article JS above a page without client code')).toMatchObject({
      status: 'MISS',
      measured: '38.0 kB',
    });
    expect(find(checks, 'Article HTML, gzipped')).toMatchObject({ status: 'MISS', margin: '1.0 kB over' });
  });

  it('count every error and unexpected status of every run', () => {
    const rows = [
      row('ceiling-static', 1_000),
      { ...row('home', 900), results: { 50: load(900, { errors: 1, unexpected: 3 }) } },
    ];
    expect(find(evaluateTargets(results(rows)), 'Errors and unexpected statuses')).toMatchObject({
      status: 'MISS',
      measured: '4',
    });
  });

  it('take the median round, with the errors of all rounds', () => {
    const median = medianResult([load(300), load(100, { errors: 2 }), load(200, { unexpected: 1 })]);
    expect(median.reqPerSec).toBe(200);
    expect(median.errors).toBe(2);
    expect(median.unexpected).toBe(1);
    const best = bestResult([load(300), load(100, { errors: 2 })]);
    expect(best.reqPerSec).toBe(300);
    expect(best.errors).toBe(2);
  });
});

describe('scripts a page makes the browser load', () => {
  it('are the script sources and script preloads, once each, without nomodule polyfills or inline scripts', () => {
    const html = `<head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>
      <script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/polyfills.js" noModule=""></script>
      <link rel="stylesheet" href="/_next/static/css/x.css"/><link rel="modulepreload" as="script" href="/b.js?x=1&amp;y=2">
      </head><body><script>self.__next_f.push([1,"x"])</script><script async src='/_next/static/chunks/c.js'></script></body>`;
    expect(scriptUrls(html)).toEqual(['/_next/static/chunks/a.js', '/b.js?x=1&y=2', '/_next/static/chunks/c.js']);
  });
});

describe('voters reading (issue 22)', () => {
  const round = (n: number, heapMb: number) => ({
    round: n,
    requests: 300,
    reqPerSec: 40,
    errors: 0,
    unexpected: 0,
    rssAfterBytes: 250e6,
    heapAfterBytes: heapMb * 1e6,
  });
  const checks = (extra: Partial<Results>) => evaluateTargets(results([], extra));

  it('passes a heap that stays put across the three rounds and misses one that grows', () => {
    const flat = [round(1, 74), round(2, 75.5), round(3, 75)];
    expect(find(checks({ voterRounds: flat }), 'Memory across 3 rounds of voters reading').status).toBe('PASS');
    const growing = [round(1, 74), round(2, 78), round(3, 82)];
    expect(find(checks({ voterRounds: growing }), 'Memory across 3 rounds of voters reading')).toMatchObject({
      status: 'MISS',
      margin: '4.0 MB over',
    });
    expect(find(checks({}), 'Memory across 3 rounds of voters reading').status).toBe('n/a');
  });

  it('misses a single listener warning, failed self-request or error line printed during the run', () => {
    const name = 'Listener warnings, self-requests, error lines';
    expect(
      find(checks({ serverTrouble: { listenerWarnings: 0, selfRequestFailures: 0, errorLines: 0 } }), name).status,
    ).toBe('PASS');
    for (const trouble of [
      { listenerWarnings: 1, selfRequestFailures: 0, errorLines: 0 },
      { listenerWarnings: 0, selfRequestFailures: 1, errorLines: 0 },
      { listenerWarnings: 0, selfRequestFailures: 0, errorLines: 1 },
    ])
      expect(find(checks({ serverTrouble: trouble }), name).status).toBe('MISS');
  });
});

describe('both engines side by side (issue 17 §6)', () => {
  it('sets each target of the two runs on one line, with the lost writes, insights and peak RSS', () => {
    const insight = (medianMs: number) => [
      {
        id: 'dash-today',
        label: 'Dashboard, today',
        runs: 15,
        medianMs,
        p95Ms: medianMs,
        maxMs: medianMs,
        cpuMedianMs: medianMs,
        rows: '',
      },
    ];
    const vote = (lost: number, talliesConsistent = true) => [
      {
        id: 'vote-js' as const,
        accepted: 900,
        rowsAdded: 900 - lost,
        lost,
        method: 'reader cookie' as const,
        unanswered: 0,
        talliesConsistent,
      },
    ];
    const sqlite = results([row('article-hot', 1000), row('vote-js', 400)], {
      votes: vote(0),
      insights: insight(7),
      peakRssBytes: 290e6,
    });
    const postgres = results([row('article-hot', 900), row('vote-js', 100)], {
      votes: vote(3, false),
      insights: insight(13),
      peakRssBytes: 310e6,
    });
    const cells = renderEngines(sqlite, postgres)
      .split('\n')
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    const line = (label: string, conns = '') => cells.find((c) => c[0]!.startsWith(label) && c[1] === conns)!.slice(2);
    expect(line('article-hot', '50')).toEqual(['1000', '0.50', '900', '0.50', '90%']);
    expect(line('vote-js', '50')).toEqual(['400', '0.50', '100', '0.50', '25%']);
    expect(line('Lost writes, JS vote').slice(0, 3)).toEqual(['0 of 900', '', '3 of 900, tallies off']);
    expect(cells.some((c) => c[0] === 'Lost writes, no-JS vote')).toBe(false);
    expect(line('Insights: Dashboard, today').slice(0, 3)).toEqual(['7', '', '13']);
    expect(line('Peak RSS').slice(0, 3)).toEqual(['290 MB', '', '310 MB']);
  });
});
