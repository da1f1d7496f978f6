// Load generation with autocannon's programmatic API, and the warm-up that makes every page cached.
import autocannon from 'autocannon';
import { treeCpuMs } from './servers';

/**
 * What a browser sends with every page request (issue 16 §1): the targets apply to these answers,
 * compressed as a browser gets them. `identity: true` leaves Accept-Encoding out, as the bench did
 * before, for the identity column.
 */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-US,en;q=0.9',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

export type LoadSpec = {
  origin: string;
  method?: 'GET' | 'POST';
  /** one path, or several picked at random for each request */
  paths: string[];
  /** overrides `paths`: the path of each next request (e.g. stories never requested before) */
  nextPath?: () => string;
  headers?: Record<string, string>;
  /** send no Accept-Encoding (the identity figures); otherwise a browser's headers go with `headers` */
  identity?: boolean;
  /** a new body for each request (votes: a random mood) */
  body?: () => string;
  /** statuses that count as success, e.g. [200] or [303] */
  expect: number[];
  connections: number;
  seconds: number;
  /** a fixed number of requests instead of a duration (stories never rendered: each render is slow) */
  amount?: number;
  /** called for every response, with its headers (names lower-cased) */
  onResponse?: (status: number, headers: Record<string, string | string[]>) => void;
  /** the server's PID, to measure the CPU time it spends per request */
  serverPid?: number;
};

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** connection errors and timeouts */
  errors: number;
  /** answers whose status is not one of `expect` */
  unexpected: number;
  statuses: Record<string, number>;
  /** server CPU time (user + system) per answered request, when `serverPid` was given */
  cpuMsPerRequest: number | null;
  /** the server's peak resident memory during the run, when measured */
  peakRssBytes?: number;
};

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const { paths, nextPath } = spec;
  const request: autocannon.Request = {
    method: spec.method ?? 'GET',
    path: paths[0],
    headers: requestHeaders(spec),
    setupRequest: (req) => ({
      ...req,
      path: nextPath ? nextPath() : paths.length === 1 ? paths[0] : paths[Math.floor(Math.random() * paths.length)],
      ...(spec.body ? { body: spec.body() } : {}),
    }),
  };
  if (spec.onResponse) {
    const callback = spec.onResponse;
    request.onResponse = (status, _body, _context, headers) => {
      const lower: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) lower[k.toLowerCase()] = v as string | string[];
      callback(status, lower);
    };
  }
  const cpuBefore = spec.serverPid ? treeCpuMs(spec.serverPid) : undefined;
  const result = await autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.amount ? { amount: spec.amount } : {}),
    requests: [request],
    timeout: 20,
  });
  const cpuAfter = spec.serverPid ? treeCpuMs(spec.serverPid) : undefined;
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = Number((stat as { count: number | string }).count);
  const requests = Object.values(statuses).reduce((s, n) => s + n, 0);
  const unexpected = Object.entries(statuses)
    .filter(([code]) => !spec.expect.includes(Number(code)))
    .reduce((s, [, n]) => s + n, 0);
  return {
    connections: spec.connections,
    seconds: result.duration,
    requests,
    reqPerSec: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    unexpected,
    statuses,
    cpuMsPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && requests > 0 ? (cpuAfter - cpuBefore) / requests : null,
  };
}

/** A browser's headers under the spec's own (a vote's Accept wins), without Accept-Encoding for identity. */
export function requestHeaders(spec: Pick<LoadSpec, 'headers' | 'identity'>): Record<string, string> {
  const browser: Record<string, string> = { ...BROWSER_HEADERS };
  if (spec.identity) delete browser['accept-encoding'];
  return { ...browser, ...spec.headers };
}

/** GETs a path until Next says the answer came from its cache (x-nextjs-cache: HIT). */
export async function warmPath(origin: string, path: string, { attempts = 40 } = {}): Promise<{ status: number; cache: string | null }> {
  let last: { status: number; cache: string | null } = { status: 0, cache: null };
  for (let i = 0; i < attempts; i++) {
    const res = await fetch(origin + path, { redirect: 'manual', headers: BROWSER_HEADERS });
    await res.arrayBuffer();
    last = { status: res.status, cache: res.headers.get('x-nextjs-cache') };
    // A dynamic page has no cache header at all; a couple of requests warm its code paths.
    if (last.status !== 200 || last.cache === 'HIT' || (last.cache === null && i >= 2)) return last;
    // MISS or STALE: Next regenerates in the background; give it a moment.
    await new Promise((r) => setTimeout(r, last.cache === 'STALE' ? 150 : 20));
  }
  return last;
}

/** Warms many paths, a few at a time. */
export async function warmPaths(origin: string, paths: string[], concurrency = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const { status, cache } = await warmPath(origin, path);
      if (status !== 200) throw new Error(`warm-up: ${path} answered ${status}`);
      if (cache !== 'HIT' && cache !== null) throw new Error(`warm-up: ${path} is not cached (x-nextjs-cache: ${cache})`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
