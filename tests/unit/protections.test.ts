// The server hooks as one set (decision 053) and the policies they share with headers() and the proxy
// (decision 054). The browser-level proof for each entry point is tests/e2e/entry-points.spec.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isNoncePolicy, readerPolicy, staffPolicy, TRUSTED_HASHES } from '@/lib/server/content-security-policy.cjs';
import { missingProtectionsProblem, protectionsReport, REQUIRED } from '@/lib/server/protections-registry.cjs';
import { secureResponse } from '@/lib/server/security-headers.cjs';

describe('the policies', () => {
  it('a reader page admits its one known inline script by hash, and nothing else inline', () => {
    expect(TRUSTED_HASHES).toHaveLength(1);
    expect(readerPolicy()).toContain(`script-src 'self' ${TRUSTED_HASHES[0]};`);
    expect(readerPolicy()).not.toMatch(/unsafe-inline'[^;]*;[^;]*script|script-src[^;]*unsafe/);
  });

  it('a staff page admits the nonce made for it (and the known script of a story preview)', () => {
    const policy = staffPolicy('bm9uY2U=');
    expect(policy).toContain(`script-src 'self' 'nonce-bm9uY2U=' ${TRUSTED_HASHES[0]};`);
    expect(isNoncePolicy(policy)).toBe(true);
    expect(isNoncePolicy(readerPolicy())).toBe(false);
    expect(isNoncePolicy(undefined)).toBe(false);
  });
});

describe('the hook and a nonce policy', () => {
  async function answer(handler: http.RequestListener): Promise<{ csp: string | null; body: string }> {
    const server = http.createServer((req, res) => {
      secureResponse(res);
      handler(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/login`);
      return { csp: res.headers.get('content-security-policy'), body: await res.text() };
    } finally {
      server.close();
    }
  }

  it('keeps the policy the proxy made for a staff page, which Next’s scripts carry the nonce of', async () => {
    const policy = staffPolicy('c3RhZmY=');
    const { csp } = await answer((_req, res) => {
      res.setHeader('Content-Security-Policy', policy);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<html><body><script nonce="c3RhZmY=">self.__next_f.push([1,"x"])</script></body></html>');
    });
    expect(csp).toBe(policy);
  });

  it('replaces any other policy by the hashes of the scripts the page really carries', async () => {
    const { csp } = await answer((_req, res) => {
      res.setHeader('Content-Security-Policy', readerPolicy());
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>no script</p></body></html>');
    });
    expect(csp).toContain("script-src 'self';");
  });
});

describe('the registry', () => {
  it('a process without the hooks lists them all as missing, and says how to start instead', () => {
    expect(protectionsReport()).toEqual({ entry: null, active: [], missing: REQUIRED });
    const problem = missingProtectionsProblem();
    expect(problem).toContain('started without its protections');
    expect(problem).toContain('moodwire-server.js');
  });

  it('installing them once lists every one, in order, and the entry point', async () => {
    const { installProtections } = await import('@/lib/server/protections.cjs');
    const onSigterm = process.listeners('SIGTERM');
    try {
      installProtections('standalone');
      installProtections('next start'); // again: harmless, and the first entry stands
      expect(protectionsReport()).toEqual({ entry: 'standalone', active: REQUIRED, missing: [] });
      expect(missingProtectionsProblem()).toBeNull();
    } finally {
      // The graceful stop took over the signals of this test process: give them back.
      process.removeAllListeners('SIGTERM');
      process.removeAllListeners('SIGINT');
      for (const listener of onSigterm) process.on('SIGTERM', listener);
    }
  });
});
