// npm run bench:uploads: six hero photos near the 40-megapixel cap uploaded at the same moment, with
// the server's resident memory sampled every 25 ms (issue 15 §8). The server is `next start` with the
// flags `npm start` uses, on a fresh seeded database and a build of its own (bench/uploads-build,
// remade when the sources change). Prints the resting and peak RSS and writes bench/uploads.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { insertUser } from '../../db/accounts';
import { migrateDatabase, openDatabase } from '../../db/client';
import { hashPassword } from '../../lib/password';
import { buildIsStale, stampBuild } from '../lib/build';
import { seedDemo } from '../lib/seed-demo';
import { NEXT_BIN, startAppServer, treeRss, waitForIdle } from './servers';

const root = process.cwd();
const PORT = Number(process.env.BENCH_UPLOADS_PORT || 3160);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DIST_DIR = 'bench/uploads-build';
const TARGET_MB = 300; // the benchmark's memory target (scripts/bench/report.ts)
const MARGIN_MB = 60;
const ADMIN = { email: 'bench-admin@uploads.test', password: 'Kestrel-Basalt-Marigold-93' };
const W = 7744; // 7744 × 5152 = 39.9 megapixels, just under the 40-megapixel cap
const H = 5152;
const mb = (bytes: number) => bytes / 1e6;

/** Three smooth JPEGs (~1.2 MB) and three blocky PNGs (~0.3 MB: tiny files, a full 40 MP to decode). */
async function photos(): Promise<Photo[]> {
  const out: Photo[] = [];
  for (let i = 0; i < 6; i++) {
    const seed = Buffer.alloc(16 * 12 * 3);
    for (let j = 0; j < seed.length; j++) seed[j] = (j * 37 + i * 101) % 256;
    const image = sharp(seed, { raw: { width: 16, height: 12, channels: 3 } });
    out.push(
      i % 2 === 0
        ? {
            name: `smooth-${i}.jpg`,
            type: 'image/jpeg',
            bytes: await image.resize(W, H, { kernel: 'cubic' }).jpeg({ quality: 85 }).toBuffer(),
          }
        : {
            name: `blocks-${i}.png`,
            type: 'image/png',
            bytes: await image.resize(W, H, { kernel: 'nearest' }).png({ compressionLevel: 9 }).toBuffer(),
          },
    );
  }
  return out;
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden inputs of the form marked data-action=name in a page's HTML. */
function hiddenInputs(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`data-action="${action}"`);
  if (start < 0) throw new Error(`no form ${action} on the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g))
    fields[decode(m[1]!)] = decode(m[2] ?? '');
  return fields;
}

async function signIn(): Promise<string> {
  const page = await (await fetch(`${ORIGIN}/admin/login`)).text();
  const form = new FormData();
  for (const [k, v] of Object.entries(hiddenInputs(page, 'auth.sign-in'))) form.append(k, v);
  form.append('email', ADMIN.email);
  form.append('password', ADMIN.password);
  const res = await fetch(`${ORIGIN}/admin/login`, {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN },
    redirect: 'manual',
  });
  const cookie = res.headers
    .getSetCookie()
    .filter((c) => c.includes('session-token'))
    .map((c) => c.split(';')[0]!)
    .join('; ');
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

type Photo = { name: string; type: string; bytes: Buffer };

/** The upload form of a story, filled in as the editor's browser would send it (without JavaScript). */
async function uploadForm(cookie: string, storyId: number, photo: Photo): Promise<FormData> {
  const page = await (await fetch(`${ORIGIN}/admin/stories/${storyId}`, { headers: { cookie } })).text();
  const form = new FormData();
  for (const [k, v] of Object.entries(hiddenInputs(page, 'story.upload-hero'))) form.append(k, v);
  form.append('photo', new File([new Uint8Array(photo.bytes)], photo.name, { type: photo.type }));
  form.append('alt', `Benchmark photo ${photo.name}`);
  return form;
}

async function upload(cookie: string, storyId: number, form: FormData) {
  const started = performance.now();
  const res = await fetch(`${ORIGIN}/admin/stories/${storyId}`, {
    method: 'POST',
    body: form,
    headers: { cookie, origin: ORIGIN, accept: 'text/html' },
    redirect: 'manual',
  });
  const html = await res.text();
  const saved = /Photo saved \((\d+)×(\d+)/.exec(html);
  const refused = /role="alert"[^>]*>([^<]*)</.exec(html)?.[1];
  return { status: res.status, saved: saved?.[0], refused, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-bench-uploads-'));
  const databasePath = path.join(dir, 'site.db');
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  seedDemo(db);
  await insertUser(db, { email: ADMIN.email, name: 'Bench Admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) });
  const stories = (db.$client.prepare("select id from articles where status = 'published' order by id limit 7").all() as { id: number }[]).map(
    (r) => r.id,
  );
  db.$client.close();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_PATH: databasePath,
    SITE_URL: ORIGIN,
    MOODWIRE_DIST_DIR: DIST_DIR,
    LOG_LEVEL: 'warn',
  };
  // The build's absolute links and the origin check follow SITE_URL (checked in buildIsStale too).
  process.env.SITE_URL = ORIGIN;
  if (buildIsStale(root, DIST_DIR)) {
    console.log(`building into ${DIST_DIR}…`);
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('next build failed');
    stampBuild(root, DIST_DIR);
  }
  const images = await photos();
  console.log(`photos: ${images.map((p) => `${p.name} ${(p.bytes.length / 1e6).toFixed(2)} MB`).join(', ')} (${W}×${H})`);

  const server = await startAppServer({ port: PORT, env });
  try {
    const cookie = await signIn();
    // Warm up: the upload action, sharp and the story page are loaded once.
    const small = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
    const warm = await upload(
      cookie,
      stories[6]!,
      await uploadForm(cookie, stories[6]!, { name: 'warm.jpg', type: 'image/jpeg', bytes: small }),
    );
    if (!warm.saved) throw new Error(`warm-up upload failed: ${warm.status} ${warm.refused ?? ''}`);
    // The forms are read before the clock starts: only the six uploads are measured.
    const forms = await Promise.all(images.map((photo, i) => uploadForm(cookie, stories[i]!, photo)));
    await waitForIdle(server.pid);
    await new Promise((r) => setTimeout(r, 2000));
    const resting = treeRss(server.pid)!.rss;

    let peak = resting;
    const timer = setInterval(() => {
      const now = treeRss(server.pid);
      if (now && now.rss > peak) peak = now.rss;
    }, 25);
    const started = performance.now();
    const results = await Promise.all(forms.map((form, i) => upload(cookie, stories[i]!, form)));
    const wall = performance.now() - started;
    clearInterval(timer);
    const lifetime = treeRss(server.pid)!.peak;

    for (const [i, r] of results.entries())
      console.log(`  ${images[i]!.name}: ${r.status} ${r.saved ?? `refused: ${r.refused ?? '?'}`} in ${(r.ms / 1000).toFixed(1)} s`);
    const mediaDirs = fs.readdirSync(path.join(dir, 'media')).length;
    const summary = {
      photos: images.length,
      megapixels: +((W * H) / 1e6).toFixed(1),
      saved: results.filter((r) => r.saved).length,
      restingRssMb: +mb(resting).toFixed(0),
      peakRssMb: +mb(peak).toFixed(0),
      lifetimePeakRssMb: +mb(lifetime).toFixed(0),
      wallSeconds: +(wall / 1000).toFixed(1),
      mediaFolders: mediaDirs,
      targetMb: TARGET_MB,
      marginMb: MARGIN_MB,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
    };
    console.log(
      `RSS at rest ${summary.restingRssMb} MB, peak during the six uploads ${summary.peakRssMb} MB ` +
        `(lifetime peak ${summary.lifetimePeakRssMb} MB); ${summary.saved}/6 saved in ${summary.wallSeconds} s; ` +
        `${mediaDirs} media folders for 7 photos`,
    );
    fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench', 'uploads.json'), JSON.stringify(summary, null, 2) + '\n');
    const ok = summary.peakRssMb <= TARGET_MB + MARGIN_MB && summary.saved === 6;
    console.log(
      `${ok ? 'PASS' : 'MISS'}: peak ${summary.peakRssMb} MB against ${TARGET_MB} MB + ${MARGIN_MB} MB margin, ${summary.saved}/6 photos saved`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
