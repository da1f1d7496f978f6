// Capacity on paper (issue 18 §8): how many app server processes, nginx cores and PostgreSQL cores a
// load needs, from the CPU ms per request `npm run bench:cluster` measures. The assumptions are the
// constants below; the README's table is this function's output for one run (decision 058).

/** What one page view asks of the origin, by kind of answer (the bench's kinds). */
export const PAGE_VIEW_MIX: Record<string, number> = {
  'story (100 stories, cached)': 0.7,
  home: 0.15,
  section: 0.1,
  'mood ranking': 0.05,
  // Stylesheet and /reader.js on a first visit; immutable, so browsers keep them after that.
  'static asset (CSS)': 0.2,
  // Every story view: the read beacon, and the live counts when the vote comes near the screen
  // (assumed for half of them). Both are no-store: a CDN passes them through.
  'read beacon (GET /api/read)': 0.7,
  'live counts (GET /api/vote)': 0.35,
};
/** The kinds a CDN in front answers itself (cached with s-maxage), so the origin no longer sees them. */
export const CDN_SERVED = new Set(['story (100 stories, cached)', 'home', 'section', 'mood ranking', 'static asset (CSS)']);
export const VOTE_KIND = 'vote (new reader, JSON)';
/** Busy share of a core we plan for: room for bursts, first renders, garbage collection. */
export const UTILISATION = 0.6;

export type Figures = {
  pages: { kind: string; cpuMsPerRequest: number; postgresCpuMsPerRequest: number }[];
  nginx: { cpuMsPerRequest: number };
  postgresVotes: { scenario: string; postgresCpuMsPerVote: number }[];
};

type Need = { app: number; nginx: number; postgres: number };

function costs(f: Figures, withCdn: boolean): Need & { requests: number } {
  const need = { app: 0, nginx: 0, postgres: 0, requests: 0 };
  for (const [kind, share] of Object.entries(PAGE_VIEW_MIX)) {
    if (withCdn && CDN_SERVED.has(kind)) continue;
    const page = f.pages.find((p) => p.kind === kind);
    if (!page) throw new Error(`no figure for ${kind}`);
    need.app += share * page.cpuMsPerRequest;
    need.postgres += share * page.postgresCpuMsPerRequest;
    need.requests += share;
  }
  need.nginx = need.requests * f.nginx.cpuMsPerRequest;
  return need;
}

/** Cores for `perSecond` events costing `ms` of CPU each, at the planned utilisation. */
const cores = (perSecond: number, ms: number) => (perSecond * ms) / 1000 / UTILISATION;
const round = (n: number) => (n < 1 ? Math.max(1, Math.ceil(n)) : Math.ceil(n)).toLocaleString('en-GB');

/** The README's table: one line per load, app processes / nginx cores / PostgreSQL cores. */
export function capacityTable(f: Figures): string {
  const lines = [
    '| Load | Without a CDN: app processes · nginx cores · PostgreSQL cores | With a CDN (s-maxage): app · nginx · PostgreSQL |',
    '| --- | --- | --- |',
  ];
  const direct = costs(f, false);
  const cdn = costs(f, true);
  const cell = (n: Need, perSecond: number) =>
    `${round(cores(perSecond, n.app))} · ${round(cores(perSecond, n.nginx))} · ${round(cores(perSecond, n.postgres))}`;
  for (const pv of [1_000, 10_000, 100_000])
    lines.push(`| ${pv.toLocaleString('en-GB')} page views/s | ${cell(direct, pv)} | ${cell(cdn, pv)} |`);
  const vote = f.pages.find((p) => p.kind === VOTE_KIND);
  if (!vote) throw new Error('no vote figure');
  // PostgreSQL's own CPU per vote from the 50-connection run spread over stories (no app server in it).
  const pgVote = f.postgresVotes.find((v) => v.scenario.startsWith('spread'))?.postgresCpuMsPerVote ?? vote.postgresCpuMsPerRequest;
  const voteNeed = { app: vote.cpuMsPerRequest, nginx: f.nginx.cpuMsPerRequest, postgres: pgVote };
  for (const vs of [100, 1_000, 10_000])
    lines.push(`| ${vs.toLocaleString('en-GB')} votes/s | ${cell(voteNeed, vs)} | ${cell(voteNeed, vs)} (votes always reach the origin) |`);
  return lines.join('\n');
}
