// npm run test:cluster — three production servers behind nginx on one PostgreSQL database and one Redis,
// and the proofs of issue 18 §7 (tests/cluster/cluster.spec.ts, run by Playwright's runner with
// playwright.cluster.config.ts). Exit code 0 when every proof passed.
//
// Environment: TEST_DATABASE_URL (the PostgreSQL server; a database CLUSTER_DATABASE_NAME is made on
// it, default moodwire_cluster), CLUSTER_REDIS_URL (a Redis database to use, flushed first; default a
// redis-server of the run's own on CLUSTER_PORT + 9, in memory only),
// CLUSTER_PORT (nginx; the servers on the next three ports; default 3170), CLUSTER_DIST_DIR (the build
// the servers serve, default .next-cluster; made when missing, older than the sources or made for
// another SITE_URL, which is http://127.0.0.1:CLUSTER_PORT).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { adminQuery } from '../tests/helpers/pg-admin';
import { nginxBinary, redisCommand, redisServerBinary, startCluster } from './lib/cluster';

const port = Number(process.env.CLUSTER_PORT || 3170);
const redisUrl = process.env.CLUSTER_REDIS_URL?.trim() || undefined;
const databaseName = process.env.CLUSTER_DATABASE_NAME?.trim() || 'moodwire_cluster';
/** The per-address vote limit the servers run with: the limit test expects exactly this many. */
const CLUSTER_VOTE_LIMIT = 5;

/** Why the cluster cannot run here (no PostgreSQL, Redis or nginx), or undefined when it can. */
async function missing(): Promise<string | undefined> {
  if (!nginxBinary()) return 'nginx is not installed (apt-get install -y nginx-light)';
  try {
    await adminQuery('select 1');
  } catch (error) {
    return `PostgreSQL not reachable at TEST_DATABASE_URL (${(error as Error).message})`;
  }
  if (!redisUrl)
    return redisServerBinary() ? undefined : 'redis-server is not installed (apt-get install -y redis-server)';
  try {
    await redisCommand(redisUrl, 'PING');
  } catch (error) {
    return `Redis not reachable at ${redisUrl} (${(error as Error).message})`;
  }
  return undefined;
}

// --check: say in one line why the cluster cannot run, and exit 1; exit 0 when it can (scripts/test.sh).
const problem = await missing();
if (process.argv[2] === '--check') {
  if (problem) console.log(problem);
  process.exit(problem ? 1 : 0);
}
if (problem) {
  console.error(`[cluster] ${problem}`);
  process.exit(1);
}

const started = Date.now();
const cluster = await startCluster({
  port,
  servers: 3,
  databaseName,
  redisUrl,
  distDir: process.env.CLUSTER_DIST_DIR?.trim() || '.next-cluster',
  env: { VOTE_LIMIT_PER_MINUTE: String(CLUSTER_VOTE_LIMIT), VOTE_READER_LIMIT_PER_MINUTE: '3' },
});
let status = 1;
try {
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/@playwright/test/cli.js',
      'test',
      '--config',
      'playwright.cluster.config.ts',
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        CLUSTER_URL: cluster.url,
        CLUSTER_DATABASE_URL: cluster.databaseUrl,
        CLUSTER_SERVERS: JSON.stringify(cluster.servers.map((s) => ({ url: s.url, pid: s.process.pid }))),
        CLUSTER_VOTE_LIMIT: String(CLUSTER_VOTE_LIMIT),
        // The staff helpers (tests/helpers/staff.ts) write their accounts into this database.
        E2E_DATABASE_URL: cluster.databaseUrl,
      },
      timeout: 300_000,
    },
  );
  status = run.status ?? 1;
} finally {
  await cluster.stop();
}
// The servers' and nginx's logs stay for a failed run.
if (status === 0) fs.rmSync(cluster.nginxPrefix, { recursive: true, force: true });
else console.log(`[cluster] server and nginx logs: ${cluster.nginxPrefix}`);
console.log(`[cluster] ${status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(status);
