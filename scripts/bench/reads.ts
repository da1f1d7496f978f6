// npm run bench:reads [-- --rate 2000 --seconds 10 --stories 200] — the cost of counting reads
// (issue 20 §1, decision 042) at a hot story's read rate: the counter of the server (lib/reads/counter.ts)
// and its batched writes, on a fresh seeded database of the configured engine (SQLite file, or
// PostgreSQL when DATABASE_URL is set: give it an empty database). One story takes `hot` of the reads,
// the rest are spread over `stories` others. Prints the CPU cost per read, the flushes (one transaction
// each) with their time, and the rows written, and writes bench/reads.json.
//
// Must run with --conditions=react-server (the modules import 'server-only').
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    hot: { type: 'string', default: '0.5' },
    flush: { type: 'string', default: '5' },
  },
});
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const HOT_SHARE = Number(args.hot);
const FLUSH_MS = Number(args.flush) * 1000;
const log = (line: string) => console.log(`[bench:reads] ${line}`);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

async function main() {
  if (![RATE, SECONDS, HOT_SHARE, FLUSH_MS].every((n) => Number.isFinite(n) && n > 0) || HOT_SHARE > 1)
    throw new Error('--rate, --seconds, --flush must be positive numbers and --hot a share from 0 to 1');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-bench-reads-'));
  try {
    const now = Date.now();
    if (process.env.DATABASE_URL) {
      const { seedDemoPostgres } = await import('../lib/seed-demo');
      const { getEngine } = await import('../../db/engine');
      await getEngine().migrate();
      await seedDemoPostgres(process.env.DATABASE_URL, { now });
    } else {
      process.env.DATABASE_PATH = path.join(dir, 'bench.db');
      const { migrateDatabase, openDatabase } = await import('../../db/client');
      const { seedDemo } = await import('../lib/seed-demo');
      const db = openDatabase(process.env.DATABASE_PATH);
      migrateDatabase(db);
      seedDemo(db, { now });
      db.$client.close();
    }
    const { db, engineKind, closeEngine } = await import('../../db/engine');
    const { articleReads, articles } = await import('../../db/schema');
    const { eq, sql } = await import('drizzle-orm');
    const counter = await import('../../lib/reads/counter');
    const ids = (await db().select({ id: articles.id }).from(articles).where(eq(articles.status, 'published'))).map(
      (r) => r.id,
    );
    const [hot, ...rest] = ids;
    if (hot === undefined) throw new Error('no published story to read');
    log(`${engineKind()}: ${RATE} reads/s for ${SECONDS} s, ${HOT_SHARE * 100}% on story #${hot}, flush every ${FLUSH_MS / 1000} s`);

    // Reads arrive in 10 ms ticks (as many as the rate owes by then), each from a different address
    // (none is a repeat), as a server would see them; the counter's own time is measured per tick.
    const tick = 10;
    const countCpu: number[] = [];
    // Flushes run while reads keep coming, as on the server.
    const flushes: { ms: number; reads: number }[] = [];
    const running: Promise<void>[] = [];
    let sent = 0;
    const begin = performance.now();
    let nextFlush = begin + FLUSH_MS;
    const end = begin + SECONDS * 1000;
    let reader = 0;
    while (performance.now() < end) {
      const started = performance.now();
      const n = Math.floor(((started - begin) * RATE) / 1000) - sent;
      const c0 = process.cpuUsage();
      for (let i = 0; i < n; i++) {
        const story = Math.random() < HOT_SHARE || rest.length === 0 ? hot : rest[reader % rest.length]!;
        counter.countRead(story, { addressHash: `reader-${reader++}` });
      }
      const c = process.cpuUsage(c0);
      if (n > 0) countCpu.push((c.user + c.system) / n);
      sent += n;
      if (performance.now() >= nextFlush) {
        nextFlush += FLUSH_MS;
        const t0 = performance.now();
        running.push(counter.flushReads().then((reads) => void flushes.push({ ms: performance.now() - t0, reads })));
      }
      const wait = tick - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await Promise.all(running);
    const t0 = performance.now();
    const last = await counter.flushReads();
    flushes.push({ ms: performance.now() - t0, reads: last });

    const [stored] = await db()
      .select({ reads: sql<number>`coalesce(sum(count), 0)`, rows: sql<number>`count(*)` })
      .from(articleReads);
    countCpu.sort((a, b) => a - b);
    const flushMs = flushes.map((f) => f.ms).sort((a, b) => a - b);
    const result = {
      engine: engineKind(),
      rate: RATE,
      seconds: SECONDS,
      readsSent: sent,
      readsStored: Number(stored?.reads ?? 0),
      rowsStored: Number(stored?.rows ?? 0),
      transactions: flushes.filter((f) => f.reads > 0).length,
      cpuMicrosecondsPerRead: { median: quantile(countCpu, 0.5), p95: quantile(countCpu, 0.95) },
      flushMs: { median: quantile(flushMs, 0.5), max: flushMs.at(-1) ?? 0 },
      cpuShareOfOneCore: (countCpu.reduce((a, b) => a + b, 0) / countCpu.length) * RATE * 1e-6,
    };
    log(
      `${result.readsSent} reads sent, ${result.readsStored} stored in ${result.rowsStored} rows by ${result.transactions} transactions`,
    );
    log(
      `counting: ${result.cpuMicrosecondsPerRead.median.toFixed(2)} µs CPU per read (p95 ${result.cpuMicrosecondsPerRead.p95.toFixed(2)}), ` +
        `${(result.cpuShareOfOneCore * 100).toFixed(2)}% of one core at ${RATE} reads/s`,
    );
    log(`flush: median ${result.flushMs.median.toFixed(1)} ms, max ${result.flushMs.max.toFixed(1)} ms`);
    if (result.readsStored !== result.readsSent) throw new Error('reads were lost or doubled');
    fs.mkdirSync('bench', { recursive: true });
    fs.writeFileSync(path.join('bench', 'reads.json'), `${JSON.stringify(result, null, 2)}\n`);
    await closeEngine();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
