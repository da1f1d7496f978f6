// Several production servers behind nginx on 127.0.0.1, as deploy/ describes them: one fresh PostgreSQL
// database, one Redis database, one build, N `next start` processes sharing AUTH_SECRET, and nginx
// (the system's package) with a generated configuration that includes deploy/nginx/moodwire-proxy.conf,
// the same proxy settings a site uses. Shared by `npm run test:cluster` and `npm run bench:cluster`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildIsStale, stampBuild } from './build';
import { SERVER_NODE_FLAGS, serverEnv } from './node-flags';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

export type ClusterOptions = {
  /** nginx listens here; server i (1…n) on port + i */
  port: number;
  servers: number;
  databaseName: string;
  /** redis://host:port/db — FLUSHDB'd at the start; unset: a redis-server of the run's own on port + 9 */
  redisUrl?: string;
  distDir: string;
  /** extra environment for every server (limits, …) */
  env?: Record<string, string>;
  log?: (line: string) => void;
};

export type Server = { index: number; port: number; url: string; process: ChildProcess; logFile: string };

export type Cluster = {
  url: string;
  databaseUrl: string;
  redisUrl: string;
  servers: Server[];
  nginxPrefix: string;
  nginxPid: number;
  stop(): Promise<void>;
};

/** The system's redis-server, or undefined when it is not installed. */
export const redisServerBinary = () =>
  [process.env.REDIS_SERVER_PATH, '/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(
    (p) => p && fs.existsSync(p),
  );

/** The system's nginx, or undefined when it is not installed. */
export const nginxBinary = () => ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));

/** Sends one command to Redis in its wire format and returns the first reply line. */
export function redisCommand(redisUrl: string, ...args: string[]): Promise<string> {
  const url = new URL(redisUrl);
  const db = url.pathname.slice(1) || '0';
  const encode = (parts: string[]) =>
    `*${parts.length}\r\n` + parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('');
  const auth = url.password ? encode(url.username ? ['AUTH', url.username, url.password] : ['AUTH', url.password]) : '';
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) });
    let data = '';
    const expected = (auth ? 1 : 0) + 2;
    socket.setTimeout(5000, () => socket.destroy(new Error('Redis did not answer within 5 s')));
    socket.on('connect', () => socket.write(auth + encode(['SELECT', db]) + encode(args)));
    socket.on('data', (chunk) => {
      data += chunk.toString();
      const lines = data.split('\r\n').filter(Boolean);
      const error = lines.find((l) => l.startsWith('-'));
      if (error) {
        socket.destroy();
        reject(new Error(`Redis: ${error.slice(1)}`));
      } else if (lines.length >= expected) {
        socket.end();
        resolve(lines[expected - 1] ?? '');
      }
    });
    socket.on('error', reject);
  });
}

/** Waits until the URL answers with a status below 500 (the server is up), or throws after `ms`. */
export async function waitForUrl(url: string, ms: number, child?: ChildProcess): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** Builds once into distDir (under the machine's build lock) unless that build is fresh for this SITE_URL. */
export function buildOnce(distDir: string, env: NodeJS.ProcessEnv, log: (line: string) => void): void {
  const previous = { site: process.env.SITE_URL };
  process.env.SITE_URL = env.SITE_URL;
  try {
    if (!buildIsStale(root, distDir)) {
      log(`build in ${distDir} is fresh for ${env.SITE_URL}: reused`);
      return;
    }
    log(`building into ${distDir} (waits for /tmp/moodwire-build.lock)…`);
    const started = Date.now();
    const lock = fs.existsSync('/usr/bin/flock') ? ['flock', '/tmp/moodwire-build.lock'] : [];
    const command = [...lock, process.execPath, nextBin, 'build'];
    const result = spawnSync(command[0]!, command.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, MOODWIRE_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr);
      throw new Error(`next build failed (${result.status})`);
    }
    stampBuild(root, distDir);
    log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    if (previous.site === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = previous.site;
  }
}

/** The nginx configuration of the cluster: deploy/nginx/moodwire-proxy.conf behind a plain-http server. */
export function nginxConfig(prefix: string, port: number, serverPorts: number[]): string {
  const proxy = path.join(root, 'deploy', 'nginx', 'moodwire-proxy.conf');
  return `# Generated by scripts/lib/cluster.ts for a test run; see deploy/nginx/moodwire.conf for a site.
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 2048; }
http {
  log_format timed '$remote_addr "$request" $status $request_time s, upstream $upstream_addr '
                   'connect $upstream_connect_time s, answer $upstream_response_time s';
  access_log ${prefix}/access.log timed;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  types { text/html html; }
  default_type application/octet-stream;
  upstream moodwire {
${serverPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 32;
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${port};
    server_name _;
    gzip off;
    # Which server answered, for the tests only (a site does not reveal it).
    add_header X-Upstream $upstream_addr always;
    location / {
      include ${proxy};
    }
  }
}
`;
}

function startServer(index: number, port: number, env: NodeJS.ProcessEnv, logDir: string): Server {
  const logFile = path.join(logDir, `server-${index}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', out, out], env: serverEnv({ ...env, PORT: String(port), HOSTNAME: '127.0.0.1' }) },
  );
  fs.closeSync(out);
  return { index, port, url: `http://127.0.0.1:${port}`, process: child, logFile };
}

/** Stops a child: SIGTERM (the graceful stop), SIGKILL after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A redis-server of the run's own on 127.0.0.1:port, in memory only. */
export async function startRedis(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(redisServerBinary() ?? 'redis-server', [
    ...['--port', String(port), '--bind', '127.0.0.1'],
    ...['--save', '', '--appendonly', 'no'],
  ]);
  const url = `redis://127.0.0.1:${port}/0`;
  for (let i = 0; i < 100; i++) {
    if (await redisCommand(url, 'PING').catch(() => undefined)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop: () => stopChild(child) };
}

/** Creates, migrates and seeds the database (scripts/e2e-postgres.ts); returns its address. */
export function freshDatabase(name: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/e2e-postgres.ts', name], {
    encoding: 'utf8',
    env: process.env,
  });
  if (result.status !== 0) throw new Error(`could not create the database ${name}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const log = o.log ?? ((line: string) => console.log(`[cluster] ${line}`));
  const url = `http://127.0.0.1:${o.port}`;
  const databaseUrl = freshDatabase(o.databaseName);
  log(`database ${o.databaseName}: migrated and seeded`);
  const redis = o.redisUrl ? undefined : await startRedis(o.port + 9);
  const redisUrl = o.redisUrl ?? redis!.url;
  log(`redis ${redisUrl}: ${await redisCommand(redisUrl, 'FLUSHDB')}`);

  // One secret for every server, as a site's EnvironmentFile gives them (deploy/moodwire.env.example).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    AUTH_SECRET: randomBytes(48).toString('base64'),
    SITE_URL: url,
    // nginx is the one proxy in front: the address it appends to X-Forwarded-For is the client's.
    TRUST_PROXY: '1',
    MOODWIRE_DIST_DIR: o.distDir,
    ...o.env,
  };
  delete env.DATABASE_PATH;
  buildOnce(o.distDir, env, log);
  // The build may have stored prerendered pages in Redis for the build's own id: keep them.

  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-cluster-'));
  for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(prefix, dir));
  const servers: Server[] = [];
  let nginx: ChildProcess | undefined;
  const stop = async () => {
    if (nginx) await stopChild(nginx);
    await Promise.all(servers.map((s) => stopChild(s.process)));
    await redis?.stop();
  };
  try {
    for (let i = 1; i <= o.servers; i++) servers.push(startServer(i, o.port + i, env, prefix));
    await Promise.all(servers.map((s) => waitForUrl(`${s.url}/api/health`, 90_000, s.process)));
    log(`${o.servers} servers up on ports ${servers.map((s) => s.port).join(', ')} (logs in ${prefix})`);
    fs.writeFileSync(
      path.join(prefix, 'nginx.conf'),
      nginxConfig(
        prefix,
        o.port,
        servers.map((s) => s.port),
      ),
    );
    nginx = spawn(
      nginxBinary() ?? 'nginx',
      ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    await waitForUrl(`${url}/api/health`, 10_000, nginx);
    log(`nginx on ${url}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, databaseUrl, redisUrl, servers, nginxPrefix: prefix, nginxPid: nginx.pid!, stop };
}
