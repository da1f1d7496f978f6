import { expect, test } from '@playwright/test';
import { openE2eDatabase, plantArticle } from '../helpers/e2e-db';

const MUST = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];

test('security headers on pages, 404s, static files and build assets; no X-Powered-By', async ({ request }) => {
  // Reader pages load no framework bundle (decision 016); the sign-in page does.
  const signIn = await request.get('/admin/login');
  const html = await signIn.text();
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  for (const path of [
    '/',
    '/news/wechat-outage-leaves-millions-cut-off',
    '/about',
    '/news/no-such-story',
    '/images/stories/beijing-summer-survival-list.svg',
    '/reader.js',
    chunk!,
  ]) {
    const res = await request.get(path);
    const headers = res.headers();
    for (const name of MUST) expect(headers[name], `${name} on ${path}`).toBeTruthy();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("base-uri 'self'");
    expect(headers['x-powered-by'], path).toBeUndefined();
    expect(headers['strict-transport-security'], 'no HSTS on plain http').toBeUndefined();
  }
  // The staff area is isolated from other windows; reader pages are not, so a reader arriving in a new
  // tab keeps the tab's renderer instead of waiting for a fresh one (decision 010).
  expect(signIn.headers()['cross-origin-opener-policy']).toBe('same-origin');
  for (const path of ['/', '/news/wechat-outage-leaves-millions-cut-off', '/section/china-news', '/search?q=wechat']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['cross-origin-opener-policy'], path).toBeUndefined();
  }
});

test('an injected inline script never runs, while the page’s own scripts do', async ({ page }) => {
  const db = openE2eDatabase();
  const slug = `csp-tripwire-${Date.now()}`;
  plantArticle(db, {
    slug,
    title: 'CSP tripwire story',
    bodyHtml:
      '<p>Before.</p><script>window.__pwned = "inline"</script><img src="/nope.png" onerror="window.__pwned = \'handler\'">' +
      '<script>self.__next_f.push([1,"x"]);window.__pwned = "mimic"</script><a id="js-link" href="javascript:window.__pwned=\'url\'">x</a><p>After.</p>',
  });
  db.close();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(e.violatedDirective),
    );
  });
  const res = await page.goto(`/news/${slug}`);
  expect(res?.status()).toBe(200);
  await page.locator('#js-link').click();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
  // The page's own scripts were allowed: /reader.js took over the vote form (decision 016), and the
  // WeChat pre-paint script is admitted by its hash.
  await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
});
