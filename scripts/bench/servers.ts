// The processes a benchmark run starts: Moodwire's `next start`, and the in-memory ceiling server.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS, serverEnv } from '../lib/node-flags';

const root = process.cwd();
export const NEXT_BIN = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * THE command that starts Moodwire for a benchmark: the same `next start` as scripts/start.ts and the
 * Playwright web server, started directly by `node` so that the child's PID is the server's and its
 * memory can be read from /proc. Keep it aligned with scripts/start.ts (flags, preloads).
 */
export function appServerCommand({ port, cpuProfileDir }: { port: number; cpuProfileDir?: string }): string[] {
  const profiling = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  // --expose-gc only makes gc() callable: app/api/bench-memory collects before it reads the heap.
  return [...profiling, ...SERVER_NODE_FLAGS, '--expose-gc', NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'];
}

export type RunningServer = {
  name: string;
  pid: number;
  origin: string;
  /** the last lines the process printed, for error messages */
  output: () => string;
  /**
   * Lines printed so far that say a server hook or Next leaks listeners or calls itself over HTTP
   * (MaxListenersExceededWarning, "Failed to proxy"), and lines logged at level error (issue 22).
   */
  trouble: () => { listenerWarnings: number; selfRequestFailures: number; errorLines: number };
  /** the first error line of each distinct cause (five at most), so a run that has them says why */
  errorSamples: () => string[];
  stop: () => Promise<void>;
};

function track(name: string, child: ChildProcess, origin: string): RunningServer {
  const lines: string[] = [];
  const trouble = { listenerWarnings: 0, selfRequestFailures: 0, errorLines: 0 };
  const samples: string[] = [];
  const keep = (chunk: Buffer) => {
    const fresh = chunk.toString().split('\n').filter(Boolean);
    for (const line of fresh) {
      if (line.includes('MaxListenersExceededWarning')) trouble.listenerWarnings++;
      if (line.includes('Failed to proxy')) trouble.selfRequestFailures++;
      if (line.includes('"level":50')) {
        trouble.errorLines++;
        // One line per distinct cause: the first failure, not the refusals it caused, is the news.
        const cause = /"cause":\{"message":"([^"]*)"/.exec(line)?.[1] ?? line;
        if (samples.length < 5 && !samples.some((l) => l.includes(cause))) samples.push(line.slice(0, 600));
      }
    }
    lines.push(...fresh);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    pid: child.pid!,
    origin,
    output: () => lines.join('\n'),
    trouble: () => ({ ...trouble }),
    errorSamples: () => [...samples],
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT lets `next start` exit through process.exit, which is when --cpu-prof writes its profile.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForHttp(server: RunningServer, child: ChildProcess, readyPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${server.name} exited with code ${child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(server.origin + readyPath, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await server.stop();
  throw new Error(`${server.name} did not answer ${readyPath} within ${timeoutMs / 1000} s:\n${server.output()}`);
}

export async function startAppServer({
  port,
  env,
  cpuProfileDir,
}: {
  port: number;
  env: NodeJS.ProcessEnv;
  cpuProfileDir?: string;
}): Promise<RunningServer> {
  if (cpuProfileDir) fs.mkdirSync(cpuProfileDir, { recursive: true });
  const child = spawn(process.execPath, appServerCommand({ port, cpuProfileDir }), {
    cwd: root,
    env: serverEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = track('next start', child, `http://127.0.0.1:${port}`);
  // /copyright is prerendered by the build, so the first answer does not depend on a render.
  await waitForHttp(server, child, '/copyright', 60_000);
  return server;
}

/** The ceiling: a bare node:http server answering every request with the same bytes from memory. */
export async function startMemoryServer({ port, bodyFile, headers }: { port: number; bodyFile: string; headers: Record<string, string> }): Promise<RunningServer> {
  const script = path.join(root, 'scripts', 'bench', 'memory-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(port), bodyFile, JSON.stringify(headers)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = track('memory server', child, `http://127.0.0.1:${port}`);
  await waitForHttp(server, child, '/', 20_000);
  return server;
}

function treePids(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safeReaddir(`/proc/${pids[i]}/task`)) {
      const children = safeRead(`/proc/${pids[i]}/task/${task}/children`).trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    }
  }
  return pids;
}

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the project runs on

/**
 * CPU time (user + system) a process tree has used so far, in ms, from /proc/<pid>/stat. Unlike
 * req/s it hardly moves when other programs share the machine, so it shows what a request costs.
 */
export function treeCpuMs(pid: number): number | undefined {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return undefined;
  let ticks = 0;
  for (const p of treePids(pid)) {
    const stat = safeRead(`/proc/${p}/stat`);
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime, stime (fields 14 and 15)
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Waits until the server has no work left: autocannon stops at the end of a run, but the server
 * still answers what was queued (and a slow page can queue seconds of work), which would otherwise
 * be billed to the next target. Idle = at most 10 ms of CPU (one clock tick) in a 200 ms window.
 */
export async function waitForIdle(pid: number, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let last = treeCpuMs(pid);
  while (Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 200));
    const now = treeCpuMs(pid);
    if (now === undefined || last === undefined || now - last <= 10) break;
    last = now;
  }
  return Date.now() - started;
}

/** Resident memory of a process and all its descendants, in bytes, from /proc (Linux only). */
export function treeRss(pid: number): { rss: number; peak: number } | undefined {
  if (!fs.existsSync(`/proc/${pid}/status`)) return undefined;
  let rss = 0;
  let peak = 0;
  for (const p of treePids(pid)) {
    const status = safeRead(`/proc/${p}/status`);
    rss += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    peak += Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }
  return { rss, peak };
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Samples a process tree's RSS every `intervalMs` while enabled; keeps the highest value. */
export function rssSampler(pid: number, intervalMs = 200) {
  let peak = 0;
  let windowPeak = 0;
  let active = false;
  const sample = () => {
    const now = treeRss(pid);
    if (now && now.rss > peak) peak = now.rss;
    if (now && now.rss > windowPeak) windowPeak = now.rss;
  };
  const timer = setInterval(() => active && sample(), intervalMs);
  timer.unref();
  return {
    /** count samples only while load is applied; turning it off returns the peak since it was turned on */
    setActive: (on: boolean): number => {
      sample();
      active = on;
      const result = windowPeak;
      if (on) windowPeak = 0;
      return result;
    },
    peak: () => peak,
    stop: () => clearInterval(timer),
  };
}
