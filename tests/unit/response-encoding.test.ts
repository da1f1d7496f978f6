import http from 'node:http';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  acceptedCoding,
  encodeBody,
  entityTag,
  isNotModified,
  readerVary,
  versionOf,
} from '@/lib/server/response-encoding.cjs';
import { secureResponse } from '@/lib/server/security-headers.cjs';

describe('the coding a request accepts', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['GZIP;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.2, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['identity', null],
    ['deflate', null],
    ['', null],
    ['*', 'br'],
  ])('%j → %j', (header, coding) => {
    expect(acceptedCoding(header)).toBe(coding);
  });
});

describe('compressed bytes kept per version', () => {
  const page = Buffer.from('<p>A story about tea, 茶, and mobile wallets.</p>'.repeat(200));

  it('decompress to the same bytes, and are made once for a version', () => {
    const version = versionOf(page);
    const br = encodeBody(page, 'br', version);
    const gz = encodeBody(page, 'gzip', version);
    expect(br.coding).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(page)).toBe(true);
    expect(zlib.gunzipSync(gz.body).equals(page)).toBe(true);
    // The same version is the same Buffer: nothing compressed again.
    expect(encodeBody(page, 'br', version).body).toBe(br.body);
    // Without a version (a page rendered for one answer) nothing is kept.
    expect(encodeBody(page, 'br', null).body).not.toBe(encodeBody(page, 'br', null).body);
  });

  it('a changed page is a new version and never gets the old bytes', () => {
    const changed = Buffer.from(page.toString('utf8').replace('tea', 'TEA'));
    const before = encodeBody(page, 'br', versionOf(page));
    const after = encodeBody(changed, 'br', versionOf(changed));
    expect(versionOf(changed)).not.toBe(versionOf(page));
    expect(zlib.brotliDecompressSync(after.body).equals(changed)).toBe(true);
    expect(after.body.equals(before.body)).toBe(false);
  });

  it('small bodies stay identity', () => {
    expect(encodeBody(Buffer.from('User-agent: *\n'), 'br', 'v')).toEqual({
      body: Buffer.from('User-agent: *\n'),
      coding: null,
    });
  });
});

describe('conditional requests', () => {
  const tag = entityTag('abc', 'br');
  it('If-None-Match: the tag of this representation, a list, weak or *', () => {
    expect(tag).toBe('"abc-br"');
    expect(isNotModified({ 'if-none-match': '"abc-br"' }, tag)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"x", W/"abc-br"' }, tag)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, tag)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"abc-gz"' }, tag)).toBe(false);
    expect(isNotModified({ 'if-none-match': '"abc"' }, tag)).toBe(false);
    expect(isNotModified({ 'if-none-match': '"abc-br"' }, null)).toBe(false);
  });
  it('If-Modified-Since counts only without If-None-Match', () => {
    const modified = 'Sun, 06 Dec 2026 02:00:00 GMT';
    expect(isNotModified({ 'if-modified-since': modified }, tag, modified)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Sun, 06 Dec 2026 01:59:59 GMT' }, tag, modified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'yesterday' }, tag, modified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': modified, 'if-none-match': '"other"' }, tag, modified)).toBe(false);
  });
  it('reader answers vary on the coding, stories on the hint cookie too', () => {
    expect(readerVary('/')).toBe('Accept-Encoding');
    expect(readerVary('/feed.xml')).toBe('Accept-Encoding');
    expect(readerVary('/news/a-story?x=1')).toBe('Accept-Encoding, Cookie');
  });
});

describe('through the server hook', () => {
  it('a cached page goes out compressed with its stored ETag, and a matching request gets a bodiless 304', async () => {
    const page = `<html><body>${'<p>Cached story text.</p>'.repeat(300)}</body></html>`;
    const server = http.createServer((req, res) => {
      secureResponse(res);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', req.url === '/search' ? 'private, no-store' : 's-maxage=300');
      if (req.url !== '/search') res.setHeader('ETag', '"stored-version"');
      res.setHeader('Vary', 'rsc, next-router-state-tree, Accept-Encoding');
      res.end(page);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          })
          .on('error', reject);
      });
    try {
      const br = await get('/news/x', { 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.etag).toBe('"stored-version-br"');
      expect(br.headers.vary).toBe('Accept-Encoding, Cookie');
      // Shared caches keep it; a browser asks again every time (no heuristic freshness) and gets a 304.
      expect(br.headers['cache-control']).toBe('s-maxage=300, max-age=0');
      expect(Number(br.headers['content-length'])).toBe(br.body.length);
      expect(zlib.brotliDecompressSync(br.body).toString()).toBe(page);
      const again = await get('/news/x', { 'accept-encoding': 'gzip, br', 'if-none-match': '"stored-version-br"' });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe('"stored-version-br"');
      const gzip = await get('/news/x', { 'accept-encoding': 'gzip', 'if-none-match': '"stored-version-br"' });
      expect(gzip.status).toBe(200);
      expect(zlib.gunzipSync(gzip.body).toString()).toBe(page);
      const search = await get('/search', { 'accept-encoding': 'br', 'if-none-match': '*' });
      expect(search.status).toBe(200);
      expect(search.headers.etag).toBeUndefined();
      expect(zlib.brotliDecompressSync(search.body).toString()).toBe(page);
    } finally {
      server.close();
    }
  });
});
