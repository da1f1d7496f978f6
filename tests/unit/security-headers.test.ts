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
