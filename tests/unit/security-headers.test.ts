import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, isTrustedInlineScript } from '@/lib/server/security-headers.cjs';

describe('trusted inline scripts', () => {
  it.each([
    '(self.__next_f=self.__next_f||[]).push([0])',
    'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[1,[]]\\n"])',
    'self.__next_f.push([2,null])',
    '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]})',
  ])('admits Next’s own data-only script %#', (text) => {
    expect(isTrustedInlineScript(text)).toBe(true);
  });

  it.each([
    'alert(1)',
    'self.__next_f.push([1,"x"]);alert(1)',
    'self.__next_f.push([1,"a"]);alert(1);self.__next_f.push([1,"b"])',
    'self.__next_f.push([1,"x"+alert(1)+""])',
    'self.__next_f.push([1,x])',
    '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"a":alert(1)})',
    '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"a":1});alert(1)',
  ])('refuses anything that could run code %#', (text) => {
    expect(isTrustedInlineScript(text)).toBe(false);
  });

  it('hashes only the trusted scripts of a page, never an injected one or a src script', () => {
    const html =
      '<p>story</p><script>alert(1)</script><script src="/_next/static/a.js"></script>' +
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script type="application/ld+json">{"a":1}</script>';
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(1);
    expect(hashes[0]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it('hashes a script holding non-ASCII text over its UTF-8 bytes, given the text or the bytes', () => {
    const script = 'self.__next_f.push([1,"微信 · “quoted” café"])';
    const html = `<p>微信 ünïcode</p><script>${script}</script><script>alert("é")</script>`;
    const expected = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([expected]);
    expect(inlineScriptHashes(Buffer.from(html, 'utf8'))).toEqual([expected]);
  });

  it('policy forbids plugins, framing, foreign bases and unlisted inline script', () => {
    const csp = contentSecurityPolicy(["'sha256-abc='"]);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toMatch(/script-src 'self' 'sha256-abc='(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('our own inline scripts', () => {
  it('admits the WeChat pre-paint script byte for byte, and nothing close to it', async () => {
    const { HIDE_IN_WECHAT } = await import('@/lib/server/trusted-inline-scripts.cjs');
    expect(isTrustedInlineScript(HIDE_IN_WECHAT)).toBe(true);
    expect(isTrustedInlineScript(HIDE_IN_WECHAT + ';alert(1)')).toBe(false);
  });
});

describe('on a real server', () => {
  it('a page sent again gets the same policy, and a changed page its own', async () => {
    const http = await import('node:http');
    const { secureResponse } = await import('@/lib/server/security-headers.cjs');
    const good = 'self.__next_f.push([1,"a"])';
    const pages: Record<string, string> = {
      '/a': `<p>a</p><script>${good}</script>`,
      '/b': `<p>a</p><script>${good}</script><script>self.__next_f.push([1,"b"])</script>`,
    };
    const server = http.createServer((req, res) => {
      secureResponse(res);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(Buffer.from(pages[req.url ?? ''] ?? ''));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    const policy = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).headers.get('content-security-policy') ?? '';
    const sources = (csp: string) => csp.match(/'sha256-[^']+'/g) ?? [];
    try {
      const first = await policy('/a');
      expect(sources(first)).toHaveLength(1);
      expect(await policy('/a')).toBe(first);
      expect(sources(await policy('/b'))).toHaveLength(2);
      expect(await policy('/a')).toBe(first);
    } finally {
      server.close();
    }
  });

  it('a handler that ends without writeHead still sends a full head with the headers', async () => {
    const http = await import('node:http');
    const { secureResponse } = await import('@/lib/server/security-headers.cjs');
    const server = http.createServer((req, res) => {
      secureResponse(res);
      res.statusCode = 400;
      if (req.url === '/html') res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(req.url === '/html' ? '<p>bad</p><script>self.__next_f.push([1,"x"])</script>' : 'bad');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    try {
      for (const path of ['/plain', '/html']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
        expect(await res.text()).toContain('bad');
      }
    } finally {
      server.close();
    }
  });
});
