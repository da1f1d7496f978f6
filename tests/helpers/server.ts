// Starts a production server of its own (the build must exist) on a copy of a database, for tests
// that stop, kill or starve it. Only ever listens on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TestServer = {
  url: string;
  port: number;
  databasePath: string;
  dir: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
};

type StartOptions = {
  port: number;
  env?: Record<string, string>;
  /** what a ready server's /api/health answers (a read-only or full database answers 503) */
  readyStatus?: number;
} & (
  | { sourceDatabase: string }
  | { reuse: Pick<TestServer, 'dir' | 'databasePath'> }
  /** a PostgreSQL database several servers share, and the build made on it (default .next-pg) */
  | { databaseUrl: string; distDir?: string }
);

/**
 * Starts on a fresh copy of `sourceDatabase`, again on the files of a server that was stopped
 * (`reuse`), or on a PostgreSQL database (`databaseUrl`), which other servers may share.
 */
export async function startServer(options: StartOptions): Promise<TestServer> {
  const { port, env = {}, readyStatus = 200 } = options;
  let dir: string;
  let databasePath: string;
  let databaseEnv: Record<string, string>;
  if ('databaseUrl' in options) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-server-'));
    databasePath = '';
    databaseEnv = { DATABASE_URL: options.databaseUrl, MOODWIRE_DIST_DIR: options.distDir || '.next-pg' };
  } else if ('reuse' in options) {
    ({ dir, databasePath } = options.reuse);
    databaseEnv = { DATABASE_PATH: databasePath };
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-server-'));
    databasePath = path.join(dir, 'site.db');
    const source = new (await import('better-sqlite3')).default(options.sourceDatabase, { readonly: true });
    source.prepare('vacuum into ?').run(databasePath);
    source.close();
    databaseEnv = { DATABASE_PATH: databasePath };
  }
  // Another server on this port would answer the readiness check below in this one's place.
  const squatter = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    (res) => res.status,
    () => undefined,
  );
  if (squatter !== undefined)
    throw new Error(`port ${port} is already served by another process (answered ${squatter})`);
  let output = '';
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      env: {
        ...process.env,
        ...databaseEnv,
        NEXT_TELEMETRY_DISABLED: '1',
        SITE_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (signal === 'SIGKILL' ? 9 : 15) : null))),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === readyStatus) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, databasePath, dir, process: child, exited, output: () => output };
}
