// Issue 8, items 3 and 4, the rules themselves: cookie flags and names, the absolute lifetime, the
// per-user "valid after" time, and what counts as a request from our own pages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossSiteProblem } from '@/lib/auth/origin';
import { siteUrl } from '@/lib/domain/routes';
import { sessionCookieSettings, sessionLifetimeMs, sessionProblem } from '@/lib/auth/session-policy';

const H = 3_600_000;

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax; Secure with a __Secure- name only on an https site', () => {
    const https = sessionCookieSettings('https://news.example.org');
    expect(https).toEqual({
      useSecureCookies: true,
      name: '__Secure-authjs.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
    });
    const http = sessionCookieSettings('http://127.0.0.1:3000');
    expect(http).toEqual({
      useSecureCookies: false,
      name: 'authjs.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false },
    });
  });
});

describe('session lifetime and validity', () => {
  const user = { disabled: false, sessionsValidAfter: 1_000 };
  it('lasts 12 hours from sign-in by default, SESSION_LIFETIME_HOURS otherwise', () => {
    expect(sessionLifetimeMs({})).toBe(12 * H);
    expect(sessionLifetimeMs({ SESSION_LIFETIME_HOURS: '2' })).toBe(2 * H);
    expect(() => sessionLifetimeMs({ SESSION_LIFETIME_HOURS: '-1' })).toThrow(/SESSION_LIFETIME_HOURS/);
    const issuedAt = 10_000;
    expect(sessionProblem({ issuedAt }, user, issuedAt + 12 * H - 1, 12 * H)).toBeUndefined();
    expect(sessionProblem({ issuedAt }, user, issuedAt + 12 * H + 1, 12 * H)).toBe('expired');
  });
  it('ends when the user is gone or disabled, or for a session issued at or before "valid after"', () => {
    expect(sessionProblem({ issuedAt: 5_000 }, undefined, 6_000, H)).toBe('no-user');
    expect(sessionProblem({ issuedAt: 5_000 }, { ...user, disabled: true }, 6_000, H)).toBe('disabled');
    expect(sessionProblem({ issuedAt: 1_000 }, user, 6_000, H)).toBe('ended');
    expect(sessionProblem({ issuedAt: 0 }, { ...user, sessionsValidAfter: 0 }, 6_000, H)).toBe('ended');
    expect(sessionProblem({ issuedAt: 1_001 }, user, 6_000, H)).toBeUndefined();
  });
});

describe('the origin check of every write', () => {
  const site = 'https://news.example.org';
  const env = { SITE_URL: site, PORT: '3180' };
  const h = (init: Record<string, string>) => new Headers(init);
  const check = (init: Record<string, string>, e: Record<string, string> = env, allowMissing = false) =>
    crossSiteProblem(h(init), { env: e, allowMissing });

  it('accepts the site’s own address: scheme, host and port', () => {
    expect(check({ origin: site, host: 'internal:3180' })).toBeUndefined();
    expect(check({ origin: site, 'sec-fetch-site': 'same-origin' })).toBeUndefined();
    expect(check({ origin: 'HTTPS://News.Example.org' })).toBeUndefined();
  });

  it('refuses another scheme, another port, a look-alike, a missing, null or malformed Origin, and cross-site fetch metadata', () => {
    expect(check({ host: 'news.example.org' })).toBe('missing-origin');
    expect(check({ origin: 'null', host: 'news.example.org' })).toBe('missing-origin');
    expect(check({ origin: 'not a url', host: 'news.example.org' })).toBe('bad-origin');
    expect(check({ origin: 'https://news.example.org/path' })).toBe('bad-origin');
    expect(check({ origin: 'https://evil.example', host: 'news.example.org' })).toBe('foreign-origin');
    expect(check({ origin: 'https://news.example.org.evil.example', host: 'news.example.org' })).toBe('foreign-origin');
    expect(check({ origin: 'http://news.example.org', host: 'news.example.org' })).toBe('foreign-origin');
    expect(check({ origin: 'https://news.example.org:8443', host: 'news.example.org:8443' })).toBe('foreign-origin');
    expect(check({ origin: site, 'sec-fetch-site': 'cross-site' })).toBe('cross-site');
    expect(check({ origin: site, 'sec-fetch-site': 'same-site' })).toBe('cross-site');
  });

  it('accepts this server reached directly (http, its own port, an IP address or localhost, the Host it was sent to), nothing else', () => {
    expect(check({ origin: 'http://127.0.0.1:3180', host: '127.0.0.1:3180' })).toBeUndefined();
    expect(check({ origin: 'http://192.168.1.20:3180', host: '192.168.1.20:3180' })).toBeUndefined();
    expect(check({ origin: 'http://[::1]:3180', host: '[::1]:3180' })).toBeUndefined();
    expect(check({ origin: 'http://localhost:3180', host: 'localhost:3180' })).toBeUndefined();
    // A name pointed at our address by someone else's DNS (rebinding) is not one of ours.
    expect(check({ origin: 'http://evil.example:3180', host: 'evil.example:3180' })).toBe('foreign-origin');
    // Not the port this server listens on (a proxy's), not the Host, not plain http.
    expect(check({ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080' })).toBe('foreign-origin');
    expect(check({ origin: 'http://127.0.0.1:3180', host: '127.0.0.1:3181' })).toBe('foreign-origin');
    expect(check({ origin: 'http://127.0.0.1:3180' })).toBe('foreign-origin');
    expect(check({ origin: 'https://127.0.0.1:3180', host: '127.0.0.1:3180' })).toBe('foreign-origin');
  });

  it('without SITE_URL, the site’s address is the one the server listens on, PORT included', () => {
    expect(siteUrl({})).toBe('http://localhost:3000');
    expect(siteUrl({ PORT: '3300' })).toBe('http://localhost:3300');
    expect(siteUrl({ PORT: '3300', HOSTNAME: '0.0.0.0' })).toBe('http://localhost:3300');
    expect(siteUrl({ PORT: '3300', HOSTNAME: '::' })).toBe('http://localhost:3300');
    expect(siteUrl({ PORT: '3300', HOSTNAME: '127.0.0.1' })).toBe('http://127.0.0.1:3300');
    expect(siteUrl({ PORT: '3300', HOSTNAME: '::1' })).toBe('http://[::1]:3300');
    expect(siteUrl({ PORT: '3300', SITE_URL: 'https://news.example.org/' })).toBe('https://news.example.org');
    const unset = { PORT: '3300' };
    expect(check({ origin: 'http://localhost:3300' }, unset)).toBeUndefined();
    expect(check({ origin: 'http://localhost:3000' }, unset)).toBe('foreign-origin');
  });

  it('lets tools without an Origin vote, never a browser page of another site', () => {
    expect(check({}, env, true)).toBeUndefined();
    expect(check({ 'sec-fetch-site': 'cross-site' }, env, true)).toBe('cross-site');
    expect(check({ origin: 'null' }, env, true)).toBe('missing-origin');
    expect(check({ origin: 'https://evil.example' }, env, true)).toBe('foreign-origin');
    expect(check({ origin: site }, env, true)).toBeUndefined();
  });
});

describe('every state-changing staff action goes through the cross-site check', () => {
  it('each exported action in the staff area starts with staffAction (decision 029) or requireSameOrigin', () => {
    const dir = path.join(process.cwd(), 'app', '(admin)');
    const walk = (d: string): string[] =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    const files = walk(dir).filter(
      (f) => /\.tsx?$/.test(f) && /^\s*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')),
    );
    let count = 0;
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{\n((?:.*\n){1,3})/g)) {
        count += 1;
        const firstCode = match[2]!
          .split('\n')
          .map((l) => l.trim())
          .find((l) => l && !l.startsWith('//'));
        expect(firstCode, `${path.relative(process.cwd(), file)} ${match[1]}`).toMatch(
          /^(?:return staffAction\((?:form, '|$)|(?:const \w+ = )?await requireSameOrigin\()/,
        );
      }
    }
    expect(count).toBeGreaterThanOrEqual(23);
  });
});
