// Issue 8, items 3 and 4, the rules themselves: cookie flags and names, the absolute lifetime, the
// per-user "valid after" time, and what counts as a request from our own pages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossSiteProblem } from '@/lib/auth/origin';
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

describe('cross-site check', () => {
  const site = 'https://news.example.org';
  const h = (init: Record<string, string>) => new Headers(init);
  it('accepts our own origin, by SITE_URL or by the Host the request was sent to', () => {
    expect(crossSiteProblem(h({ origin: site, host: 'internal:3000' }), site)).toBeUndefined();
    expect(crossSiteProblem(h({ origin: 'http://127.0.0.1:3180', host: '127.0.0.1:3180' }), site)).toBeUndefined();
    expect(crossSiteProblem(h({ origin: site, 'sec-fetch-site': 'same-origin' }), site)).toBeUndefined();
  });
  it('refuses a missing, null, malformed or foreign Origin, and cross-site fetch metadata', () => {
    expect(crossSiteProblem(h({ host: 'news.example.org' }), site)).toBe('missing-origin');
    expect(crossSiteProblem(h({ origin: 'null', host: 'news.example.org' }), site)).toBe('missing-origin');
    expect(crossSiteProblem(h({ origin: 'not a url', host: 'news.example.org' }), site)).toBe('bad-origin');
    expect(crossSiteProblem(h({ origin: 'https://evil.example', host: 'news.example.org' }), site)).toBe(
      'foreign-origin',
    );
    expect(
      crossSiteProblem(h({ origin: 'https://news.example.org.evil.example', host: 'news.example.org' }), site),
    ).toBe('foreign-origin');
    expect(crossSiteProblem(h({ origin: 'http://news.example.org:8080', host: 'news.example.org' }), site)).toBe(
      'foreign-origin',
    );
    expect(crossSiteProblem(h({ origin: site, 'sec-fetch-site': 'cross-site' }), site)).toBe('cross-site');
  });
});

describe('every state-changing staff action goes through the cross-site check', () => {
  it('each exported action in the staff area starts with requireStaffAction or requireSameOrigin', () => {
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
          /^(?:const \w+ = )?await (?:requireStaffAction|requireSameOrigin)\(/,
        );
      }
    }
    expect(count).toBeGreaterThanOrEqual(23);
  });
});
