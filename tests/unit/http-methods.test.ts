import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedMethods, refusal } from '@/lib/server/http-methods.cjs';
import { isMalformed } from '@/lib/server/malformed-url.cjs';
import { answersHeadItself } from '@/lib/server/security-headers.cjs';

/** Every route handler in app/, with a sample address for it and the methods it exports. */
function routeHandlers(): { file: string; url: string; methods: string[] }[] {
  const found: { file: string; url: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, 'utf8');
        const methods = [
          ...source.matchAll(/export (?:async )?(?:function|const) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g),
        ].map((m) => m[1]!);
        const url = path
          .relative('app', path.dirname(full))
          .split(path.sep)
          .filter((s) => !/^\(.*\)$/.test(s)) // route groups are not in the address
          .map((s) => s.replace(/^\[.*\]$/, 'sample'))
          .join('/');
        found.push({ file: full, url: `/${url}`, methods });
      }
    }
  };
  walk('app');
  return found;
}

describe('methods each address takes', () => {
  it('match what every route handler in app/ exports (GET brings HEAD)', () => {
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThan(10);
    for (const { file, url, methods } of handlers) {
      const expected = new Set(methods);
      if (expected.has('GET')) expected.add('HEAD');
      expect(new Set(allowedMethods(url)), `${file} (${url})`).toEqual(expected);
    }
  });

  it('a HEAD is asked of Next as a GET, except where the route handler exports a HEAD of its own', () => {
    for (const { file, url, methods } of routeHandlers())
      expect(answersHeadItself(url), `${file} (${url})`).toBe(methods.includes('HEAD'));
    for (const url of ['/', '/news/a-story', '/reader.js', '/feed.xml', '/api/health'])
      expect(answersHeadItself(url), url).toBe(false);
  });

  it('pages take GET, HEAD and POST (server actions), files GET and HEAD', () => {
    for (const url of ['/', '/news/a-story', '/section/world/page/2', '/about', '/admin/stories/3', '/search?q=x'])
      expect(allowedMethods(url), url).toEqual(['GET', 'HEAD', 'POST']);
    for (const url of ['/reader.js', '/robots.txt', '/_next/static/chunks/a.js', '/images/stories/a.webp', '/icon.svg'])
      expect(allowedMethods(url), url).toEqual(['GET', 'HEAD']);
  });

  it('refuses the rest with 405 and Allow, and answers OPTIONS with 204 and Allow', () => {
    for (const method of ['TRACE', 'PROPFIND', 'PATCH', 'PUT', 'DELETE', 'MKCOL', 'SEARCH']) {
      expect(refusal(method, '/news/a-story'), method).toMatchObject({
        status: 405,
        allow: 'GET, HEAD, POST, OPTIONS',
      });
    }
    expect(refusal('POST', '/reader.js')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS' });
    expect(refusal('GET', '/api/share')).toMatchObject({ status: 405, allow: 'POST, OPTIONS' });
    expect(refusal('OPTIONS', '/api/vote')).toEqual({ status: 204, allow: 'GET, HEAD, POST, OPTIONS', body: '' });
    for (const method of ['GET', 'HEAD', 'POST']) expect(refusal(method, '/news/a-story'), method).toBeUndefined();
  });
});

describe('addresses refused before Next (lib/server/malformed-url.cjs)', () => {
  const encoded = (s: string) => `/news/${encodeURIComponent(s)}`;

  it('counts a segment in bytes, as the file system does', () => {
    // 90 Chinese characters or 90 emoji pass a count of 200 characters, but are 270 and 360 bytes.
    expect(isMalformed(encoded('新'.repeat(90)))).toBe(true);
    expect(isMalformed(encoded('🙂'.repeat(90)))).toBe(true);
    expect(isMalformed(encoded('新'.repeat(66)))).toBe(false); // 198 bytes
    expect(isMalformed(encoded('a'.repeat(200)))).toBe(false);
    expect(isMalformed(encoded('a'.repeat(201)))).toBe(true);
  });

  it('still refuses broken percent-encoding and control characters', () => {
    for (const url of ['/news/%EF', '/news/a%00b', '/news/a%0Ab', '/%E0%A4%A'])
      expect(isMalformed(url), url).toBe(true);
    expect(isMalformed('/news/a-story?q=%EF')).toBe(false);
  });
});
