// Issue 15 §6, as a new user meets it: `npm start` on another port with no SITE_URL. The site's address
// is then the one the server listens on, start-up says so in one line, every absolute link (canonical,
// Open Graph, JSON-LD, feeds, sitemap, share links, the WeChat QR code) carries it, and every write
// from the site's own pages is accepted: the vote, share reports, the contact form, sign-in.
// Runs scripts/start.ts itself (migrate, seed, build into its own folder, next start) on a fresh data
// folder, port E2E_PORT+8, bound to 127.0.0.1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { WECHAT_SLUG } from '../helpers/demo';
import { sendContactForm } from '../helpers/contact';

const PORT = Number(process.env.E2E_PORT || 3100) + 8;
const BASE = `http://127.0.0.1:${PORT}`;
const ARTICLE = `/news/${WECHAT_SLUG}`;
const ADMIN = { email: 'first-admin@site-address.test', password: 'Lantern-Orchard-Copper-47' };
// Its own build folder (inside the project, as Next requires; data/ is ignored and emptied by npm test).
const DIST_DIR = 'data/test/site-address-build';

let dir: string;
let stop: () => Promise<void>;
let output = '';
let databasePath: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-site-address-'));
  databasePath = path.join(dir, 'site.db');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOSTNAME: '127.0.0.1',
    DATABASE_PATH: databasePath,
    MOODWIRE_DIST_DIR: DIST_DIR,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.SITE_URL;
  delete env.AUTH_SECRET;
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  stop = async () => {
    // The whole group: tsx, the start script and the Next server it spawned.
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 540_000;
  for (;;) {
    const up = await fetch(`${BASE}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  await stop?.();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const shareCount = (network: string) => {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (
      db
        .prepare(
          'select coalesce(sum(s.count), 0) as n from share_clicks s join articles a on a.id = s.article_id where a.slug = ? and s.network = ?',
        )
        .get(WECHAT_SLUG, network) as { n: number }
    ).n;
  } finally {
    db.close();
  }
};

test('start-up says in one line which address it assumed', () => {
  const lines = output.split('\n').filter((l) => l.includes('SITE_URL is not set'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`the site's address is taken to be ${BASE},`);
});

test('every absolute link carries the address the server listens on', async ({ page }) => {
  const html = await (await fetch(`${BASE}${ARTICLE}`)).text();
  expect(html).toContain(`<link rel="canonical" href="${BASE}${ARTICLE}"/>`);
  expect(html).toContain(`<meta property="og:url" content="${BASE}${ARTICLE}"/>`);
  expect(html).toContain(`"url":"${BASE}${ARTICLE}"`);
  for (const p of ['/', ARTICLE, '/feed.xml', '/atom.xml', '/sitemap.xml', '/robots.txt']) {
    const body = await (await fetch(`${BASE}${p}`)).text();
    expect(body, p).toContain(BASE);
    expect(body, p).not.toContain('localhost:3000');
  }
  const share = await fetch(`${BASE}/share/x/${WECHAT_SLUG}`, { redirect: 'manual' });
  expect(share.status).toBe(302);
  expect(new URL(share.headers.get('location')!).searchParams.get('url')).toBe(`${BASE}${ARTICLE}`);

  // The WeChat QR code, as a phone would read it off the screen.
  await page.goto(`${BASE}${ARTICLE}`);
  await page.getByRole('region', { name: 'Share this page' }).locator('summary', { hasText: 'WeChat' }).click();
  const qr = page.getByRole('img', { name: 'QR code of this story’s address' });
  await expect(qr).toBeVisible();
  const png = PNG.sync.read(await qr.screenshot({ scale: 'device' }));
  const code = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  expect(code?.data).toBe(`${BASE}${ARTICLE}`);
});

async function openStory(page: Page) {
  await page.goto(`${BASE}${ARTICLE}`);
  await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
}

test('the site’s own pages can write: the vote, copy link and WeChat reports, the contact form, sign-in', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await openStory(page);
  const voted = page.waitForResponse((r) => r.url().endsWith('/api/vote') && r.request().method() === 'POST');
  await page.locator('#mood-vote').getByRole('button', { name: 'Touched', exact: true }).click();
  expect((await voted).status()).toBe(200);

  const bar = page.getByRole('region', { name: 'Share this page' });
  for (const [network, open] of [
    ['copy', () => bar.getByRole('button', { name: 'Copy link' }).click()],
    ['wechat', () => bar.locator('summary', { hasText: 'WeChat' }).click()],
  ] as const) {
    const before = shareCount(network);
    const reported = page.waitForResponse((r) => r.url().endsWith('/api/share'));
    await open();
    expect((await reported).status(), network).toBe(204);
    expect(shareCount(network)).toBe(before + 1);
  }
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${BASE}${ARTICLE}`);

  await page.goto(`${BASE}/contact`);
  await sendContactForm(page, {
    name: 'Ana Reader',
    email: 'ana@example.com',
    subject: 'From another port',
    message: 'Does this reach you?',
  });
  await expect(page.getByText(/Your message has reached the newsroom/)).toBeVisible();

  await page.goto(`${BASE}/admin/login`);
  await page.getByLabel('E-mail').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hello,/ })).toBeVisible();
});
