// Starts a production server of its own (the build must exist) on a copy of a database, for tests
// that stop, kill or starve it. Only ever listens on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TestServer = { url: string; port: number; databasePath: string; dir: string; process: ChildProcess; exited: Promise<number | null>; output: () => string };

export async function startServer({ port, sourceDatabase, env = {} }: { port: number; sourceDatabase: string; env?: Record<string, string> }): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-server-'));
  const databasePath = path.join(dir, 'site.db');
  const source = new (await import('better-sqlite3')).default(sourceDatabase, { readonly: true });
  source.prepare('vacuum into ?').run(databasePath);
  source.close();
  let output = '';
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, DATABASE_PATH: databasePath, NEXT_TELEMETRY_DISABLED: '1', SITE_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (signal === 'SIGKILL' ? 9 : 15) : null))));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, databasePath, dir, process: child, exited, output: () => output };
}
