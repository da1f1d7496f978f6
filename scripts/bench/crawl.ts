// npm run bench:crawl [-- --stories N] [--connections C] [--rereads P] [--profile]
//
// A search engine after a deploy (issue 16 §3): every published story of the benchmark database
// requested once, with a crawler's headers, from a fresh copy of the bench build, so each request is a
// story's first render. Prints the wall time, the server's CPU per story and its peak RSS, and what
// the renders left in Next's disk cache. Uses the bench's cached database and build (npm run bench
// makes them).
//
// --rereads P: then P more passes over the same stories in the same order, the long tail read back
// from Next's disk cache. With more stories than Next's memory cache holds (a few hundred), reading
// them in a fixed cycle misses that least-recently-used cache every time: the server CPU per read
// is that of a story read from disk (issue 16).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { renderProfile, summarizeProfile } from './profile-summary';
import { BENCH_DIR, copyBuildForRun, copyForRun, ensureBenchBuild, ensureBenchDatabase, RUN_DIST_DIR } from './prepare';
import { rssSampler, startAppServer, treeCpuMs, treeRss } from './servers';

const PORT = Number(process.env.BENCH_PORT || 3150);
/** What Googlebot sends: it takes gzip and brotli. */
const CRAWLER = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
};

const { values: args } = parseArgs({
  options: {
    stories: { type: 'string' },
    connections: { type: 'string', default: '4' },
    rereads: { type: 'string', default: '0' },
    profile: { type: 'boolean', default: false },
  },
});
const log = (line: string) => console.log(`[crawl] ${line}`);

async function main() {
  const cached = ensureBenchDatabase({ regenerate: false, log });
  const run = copyForRun(cached.file);
  const origin = `http://127.0.0.1:${PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_PATH: run.file,
    AUTH_SECRET: process.env.AUTH_SECRET || crypto.randomBytes(32).toString('base64url'),
    SITE_URL: origin,
  };
  ensureBenchBuild({ databaseFile: run.file, env, force: false, log });
  copyBuildForRun();
  const profileDir = args.profile ? path.join(BENCH_DIR, 'profiles', `crawl-${new Date().toISOString().replace(/[:.]/g, '-')}`) : undefined;
  const app = await startAppServer({ port: PORT, env: { ...env, MOODWIRE_DIST_DIR: RUN_DIST_DIR }, cpuProfileDir: profileDir });
  try {
    const db = new Database(run.file, { readonly: true });
    const slugs = (db.prepare("select slug from articles where status = 'published' and published_at <= ? order by id").all(Date.now()) as { slug: string }[]).map((a) => a.slug);
    db.close();
    const wanted = args.stories ? Math.min(Number(args.stories), slugs.length) : slugs.length;
    const connections = Math.max(1, Number(args.connections));
    log(`${wanted} of ${slugs.length} published stories, ${connections} at a time, fresh build (pid ${app.pid})`);
    const rss = rssSampler(app.pid);
    rss.setActive(true);
    const cpuBefore = treeCpuMs(app.pid) ?? 0;
    const started = Date.now();
    let next = 0;
    let failed = 0;
    let bytes = 0;
    const worker = async () => {
      while (next < wanted) {
        const slug = slugs[next++]!;
        const res = await fetch(`${origin}/news/${slug}`, { headers: CRAWLER, redirect: 'manual' });
        bytes += Number(res.headers.get('content-length') ?? 0);
        await res.arrayBuffer();
        if (res.status !== 200) failed++;
        if (next % 1000 === 0) log(`${next} stories, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    const seconds = (Date.now() - started) / 1000;
    const cpuMs = (treeCpuMs(app.pid) ?? 0) - cpuBefore;
    const peak = rss.setActive(false);
    rss.stop();
    const memory = treeRss(app.pid);
    log(
      `crawled ${wanted} stories in ${seconds.toFixed(1)} s (${(wanted / seconds).toFixed(1)} stories/s), ${failed} not 200; ` +
        `server CPU ${(cpuMs / wanted).toFixed(1)} ms per story; ${(bytes / wanted / 1000).toFixed(1)} kB sent per story (compressed); ` +
        `peak RSS ${(peak / 1e6).toFixed(0)} MB (VmHWM ${memory ? (memory.peak / 1e6).toFixed(0) : '?'} MB)`,
    );
    const disk = diskUse(path.join(process.cwd(), RUN_DIST_DIR, 'server', 'route-cache'));
    log(`Next's disk cache after the crawl: ${(disk.bytes / wanted / 1000).toFixed(1)} kB in ${(disk.files / wanted).toFixed(1)} files per story`);
    const passes = Math.max(0, Number(args.rereads));
    if (passes > 0) {
      const cpuAtStart = treeCpuMs(app.pid) ?? 0;
      const readsStarted = Date.now();
      let reads = 0;
      const answers = new Map<string, number>();
      for (let pass = 0; pass < passes; pass++) {
        next = 0;
        const reader = async () => {
          while (next < wanted) {
            const slug = slugs[next++]!;
            const res = await fetch(`${origin}/news/${slug}`, { headers: CRAWLER, redirect: 'manual' });
            await res.arrayBuffer();
            reads++;
            if (res.status !== 200) failed++;
            const cache = res.headers.get('x-nextjs-cache') ?? 'no x-nextjs-cache';
            answers.set(cache, (answers.get(cache) ?? 0) + 1);
          }
        };
        await Promise.all(Array.from({ length: connections }, reader));
      }
      const readSeconds = (Date.now() - readsStarted) / 1000;
      const readCpuMs = (treeCpuMs(app.pid) ?? 0) - cpuAtStart;
      log(
        `read back ${reads} times (${passes} passes in crawl order) in ${readSeconds.toFixed(1)} s (${(reads / readSeconds).toFixed(0)} reads/s), ` +
          `${[...answers].map(([k, n]) => `${n} ${k}`).join(', ')}, ${failed} not 200 in all; server CPU ${(readCpuMs / reads).toFixed(2)} ms per read`,
      );
    }
    log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end`);
  } finally {
    await app.stop();
    run.cleanup();
    fs.rmSync(path.join(process.cwd(), RUN_DIST_DIR), { recursive: true, force: true });
  }
  const profiles = profileDir && fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
  for (const p of profiles) console.log('\n' + renderProfile(summarizeProfile(path.join(profileDir!, p))));
}

/** Bytes and files under a directory (none when it does not exist). */
function diskUse(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        bytes += fs.statSync(full).size;
        files++;
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { bytes, files };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
