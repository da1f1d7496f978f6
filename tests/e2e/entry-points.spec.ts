// The same protections however Next is started (issue 18 §5, decisions 053 and 054): the standalone
// server that `npm run build:standalone` writes, and `next dev`, checked as a browser meets them. The
// main suite covers `next start` (security-headers, compression, fuzz, shutdown, votes-api specs).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { HIDE_IN_WECHAT } from '@/lib/server/trusted-inline-scripts.cjs';
import { REQUIRED } from '@/lib/server/protections-registry.cjs';
import { startServer, type TestServer } from '../helpers/server';

const port = Number(process.env.E2E_PORT || 3100);
const standalonePort = port + 10;
const devPort = port + 11;
const sourceDatabase = process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`;
// In data/test (ignored by git and the linters), apart from the build the main suite serves.
const STANDALONE_DIST = 'data/test/standalone-build';
const STANDALONE_DIR = path.join(process.cwd(), STANDALONE_DIST, 'standalone');
const DEV_DIST = 'data/test/dev-build';
const STORY = 'wechat-outage-leaves-millions-cut-off';
const OLD_ADDRESS = '/news/wechat-outage-an-old-address';
const WECHAT_HASH = `'sha256-${crypto.createHash('sha256').update(HIDE_IN_WECHAT, 'utf8').digest('base64')}'`;
const NODE_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=8'];
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** The fixed headers and a policy that admits no inline script but the listed sources. */
function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(headers[name], `${name} on ${where}`).toBe(value);
  expect(headers['permissions-policy'], where).toContain('camera=()');
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers['x-powered-by'], where).toBeUndefined();
  return csp;
}

/** Collects the CSP violations a page reports, from before its first script. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  return violations;
}

async function malformedAddressIs400(request: APIRequestContext, base: string) {
  for (const address of ['/news/%E0%A4%A', '/news/%00x']) {
    const res = await request.get(`${base}${address}`);
    expect(res.status(), address).toBe(400);
    expect(await res.text()).toContain('this address is not valid');
    expectSecurityHeaders(res.headers(), address);
  }
}

test.describe.serial('the standalone server (npm run build:standalone)', () => {
  let server: TestServer;

  test.beforeAll(async () => {
    // Next's build of a whole site: minutes, under the lock every build on this machine shares.
    test.setTimeout(20 * 60_000);
    const built = process.env.E2E_REUSE_STANDALONE === '1' && fs.existsSync(path.join(STANDALONE_DIR, 'server.js'));
    if (!built) {
      const lock = spawnSync('sh', ['-c', 'command -v flock'], { encoding: 'utf8' }).stdout.trim();
      const build = ['node_modules/.bin/tsx', 'scripts/build-standalone.ts'];
      const result = spawnSync(lock || build[0]!, lock ? ['/tmp/moodwire-build.lock', ...build] : build.slice(1), {
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_PATH: sourceDatabase,
          SITE_URL: `http://127.0.0.1:${standalonePort}`,
          MOODWIRE_DIST_DIR: STANDALONE_DIST,
          NEXT_TELEMETRY_DISABLED: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      // The script says how to run what it built, by the entry's name.
      expect(result.stdout).toContain('node --max-old-space-size=160 --max-semi-space-size=8 moodwire-server.js');
    }
    server = await startServer({
      port: standalonePort,
      sourceDatabase,
      command: { args: [...NODE_FLAGS, 'moodwire-server.js'], cwd: STANDALONE_DIR },
      // Three votes a minute from one address: the fourth shows whether the client address is known.
      env: { VOTE_LIMIT_PER_MINUTE: '3', VOTE_READER_LIMIT_PER_MINUTE: '100', LOG_LEVEL: 'info' },
    });
    const db = new Database(server.databasePath);
    db.prepare('insert into redirects (from_path, to_path, created_at) values (?, ?, ?)').run(
      OLD_ADDRESS,
      `/news/${STORY}`,
      Date.now(),
    );
    db.close();
  });

  test.afterAll(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
    if (server) fs.rmSync(server.dir, { recursive: true, force: true });
  });

  test('/api/health lists every protection, and says how the server was started', async ({ request }) => {
    const res = await request.get(`${server.url}/api/health`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.protections).toEqual({ entry: 'standalone', active: REQUIRED, missing: [] });
    expect(JSON.stringify(body)).not.toMatch(/secret|password|127\.0\.0\.1/i);
  });

  test('a reader page: hash CSP, security headers, compressed, without Next’s runtime, its own script running', async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    const res = await page.goto(`${server.url}/news/${STORY}`);
    expect(res?.status()).toBe(200);
    const headers = await res!.allHeaders();
    const csp = expectSecurityHeaders(headers, 'story');
    expect(csp).toContain(`script-src 'self' ${WECHAT_HASH};`);
    expect(csp).not.toContain("'nonce-");
    expect(headers['content-encoding']).toBe('br');
    expect(headers['cross-origin-opener-policy']).toBeUndefined();
    const html = await res!.text();
    expect(html).toContain('<h1');
    expect(/<script[^>]+src="\/_next\//.test(html), 'a framework bundle').toBe(false);
    expect(html.includes('self.__next_f'), 'inlined flight data').toBe(false);
    // /reader.js (copied from public/ by the build script) took over the vote form.
    await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('static files carry the headers too', async ({ request }) => {
    const story = await (await request.get(`${server.url}/news/${STORY}`)).text();
    const stylesheet = /<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/.exec(story)?.[1];
    expect(stylesheet).toBeTruthy();
    for (const file of ['/reader.js', stylesheet!, '/images/stories/beijing-summer-survival-list.svg']) {
      const res = await request.get(`${server.url}${file}`);
      expect(res.status(), file).toBe(200);
      expectSecurityHeaders(res.headers(), file);
    }
  });

  test('a staff page: a nonce CSP made for the answer, Next’s scripts carrying it and running', async ({ page }) => {
    const violations = await watchViolations(page);
    const res = await page.goto(`${server.url}/admin/login`);
    expect(res?.status()).toBe(200);
    const headers = await res!.allHeaders();
    const csp = expectSecurityHeaders(headers, '/admin/login');
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    const html = await res!.text();
    expect(html).toContain(`nonce="${nonce}"`);
    // Another answer, another nonce.
    const again = await page.request.get(`${server.url}/admin/login`);
    expect(again.headers()['content-security-policy']).not.toContain(nonce!);
    // The sign-in form is hydrated by React (its scripts ran under the policy).
    await expect(page.locator('form')).toBeVisible();
    await page.waitForFunction(() => document.querySelectorAll('script[src^="/_next/"]').length > 0);
    expect(violations).toEqual([]);
  });

  test('a malformed address answers 400, not 500', async ({ request }) => {
    await malformedAddressIs400(request, server.url);
  });

  test('votes are limited per client address (the address stamp is there)', async ({ request }) => {
    const db = new Database(server.databasePath, { readonly: true });
    const { id } = db.prepare('select id from articles where slug = ?').get(STORY) as { id: number };
    db.close();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request.post(`${server.url}/api/vote`, {
        form: { article: String(id), mood: 'touched', current: '' },
        headers: { cookie: 'e2e=1' },
        maxRedirects: 0,
      });
      statuses.push(res.status());
    }
    expect(statuses).toEqual([303, 303, 303, 429]);
  });

  test('a renamed story’s old address answers 301 to the new one', async ({ request }) => {
    const res = await request.get(`${server.url}${OLD_ADDRESS}?from=feed`, { maxRedirects: 0 });
    expect(res.status()).toBe(301);
    expect(res.headers()['location']).toBe(`/news/${STORY}?from=feed`);
  });

  test('SIGTERM lets in-flight requests finish, then stops cleanly', async () => {
    const db = new Database(server.databasePath, { readonly: true });
    const slugs = (
      db.prepare("select slug from articles where status = 'published' limit 12").all() as { slug: string }[]
    ).map((r) => r.slug);
    db.close();
    const requests = slugs.map((slug) =>
      fetch(`${server.url}/news/${slug}`).then(
        async (res) => res.status,
        () => 0,
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    server.process.kill('SIGTERM');
    const statuses = await Promise.all(requests);
    // The graceful stop's own exit (Next's handler would leave with the requests cut off).
    expect(await server.exited).toBe(143);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(fs.existsSync(`${server.databasePath}-wal`)).toBe(false);
  });

  test('a bare `node server.js` refuses to start, saying why', () => {
    const result = spawnSync(process.execPath, ['server.js'], {
      cwd: STANDALONE_DIR,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        PORT: String(standalonePort),
        HOSTNAME: '127.0.0.1',
        DATABASE_PATH: server.databasePath,
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('started without its protections');
    expect(result.stderr).toContain('moodwire-server.js');
  });
});

test('`next dev` serves with the same headers, CSP and malformed-address 400s', async ({ request }) => {
  // Bounded: the first answers compile their routes, slowly on a loaded machine.
  test.setTimeout(6 * 60_000);
  const server = await startServer({
    port: devPort,
    sourceDatabase,
    startTimeoutMs: 4 * 60_000,
    command: {
      args: ['node_modules/next/dist/bin/next', 'dev', '--port', String(devPort), '--hostname', '127.0.0.1'],
      cwd: process.cwd(),
    },
    env: { MOODWIRE_DIST_DIR: DEV_DIST },
  });
  try {
    const health = await (await request.get(`${server.url}/api/health`)).json();
    expect(health.protections).toEqual({ entry: 'next dev', active: REQUIRED, missing: [] });
    const story = await request.get(`${server.url}/news/${STORY}`, { timeout: 4 * 60_000 });
    expect(story.status()).toBe(200);
    const csp = expectSecurityHeaders(story.headers(), 'story under next dev');
    expect(csp).toContain("default-src 'self'");
    expect((await story.text()).includes('self.__next_f'), 'inlined flight data').toBe(false);
    await malformedAddressIs400(request, server.url);
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
});
