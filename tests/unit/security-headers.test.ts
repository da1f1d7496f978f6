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
    // Staff pages keep Next's scripts (reader pages lose them, below).
    const pages: Record<string, string> = {
      '/admin/a': `<p>a</p><script>${good}</script>`,
      '/admin/b': `<p>a</p><script>${good}</script><script>self.__next_f.push([1,"b"])</script>`,
    };
    const server = http.createServer((req, res) => {
      secureResponse(res);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(Buffer.from(pages[req.url ?? ''] ?? ''));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    const policy = async (path: string) =>
      (await fetch(`http://127.0.0.1:${port}${path}`)).headers.get('content-security-policy') ?? '';
    const sources = (csp: string) => csp.match(/'sha256-[^']+'/g) ?? [];
    try {
      const first = await policy('/admin/a');
      expect(sources(first)).toHaveLength(1);
      expect(await policy('/admin/a')).toBe(first);
      expect(sources(await policy('/admin/b'))).toHaveLength(2);
      expect(await policy('/admin/a')).toBe(first);
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

type Handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
type Answer = { status: number; headers: import('node:http').IncomingHttpHeaders; raw: Buffer; body: string };

/** A real server on an ephemeral port, each answer under compressPerAnswer (and secureResponse when asked). */
async function serve(handler: Handler, { secure = false } = {}) {
  const http = await import('node:http');
  const { compressPerAnswer, secureResponse } = await import('@/lib/server/security-headers.cjs');
  const server = http.createServer((req, res) => {
    compressPerAnswer(req, res, () => {});
    if (secure) secureResponse(res);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Asks as a browser does (gzip, deflate, br accepted, unless told otherwise) and decodes what comes back. */
async function ask(
  port: number,
  method: string,
  path: string,
  { onData, acceptEncoding = 'gzip, deflate, br' }: { onData?: () => void; acceptEncoding?: string | null } = {},
): Promise<Answer> {
  const http = await import('node:http');
  const zlib = await import('node:zlib');
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          onData?.();
        });
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const coding = res.headers['content-encoding'];
          const decoded =
            coding === 'gzip'
              ? zlib.gunzipSync(raw)
              : coding === 'br'
                ? zlib.brotliDecompressSync(raw)
                : coding === 'deflate'
                  ? zlib.inflateSync(raw)
                  : raw;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body: decoded.toString() });
        });
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? 'article=1&mood=sad' : undefined);
  });
}

describe('answers compressed per answer (decision 030 §6, decision 063 §1)', () => {
  const vote = JSON.stringify({ ok: true, article: 1, mood: 'sad', counts: { sad: 12, glad: 3 }, pad: 'x'.repeat(76) });
  /** A route handler's answer as Next streams it: a head without Content-Length, then the body. */
  const streamed =
    (body: string, type = 'application/json'): Handler =>
    (_req, res) => {
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
    };

  it('the vote fixture is 150 bytes', () => {
    expect(Buffer.byteLength(vote)).toBe(150);
  });

  it('(a) a small JSON answer to POST /api/vote goes out as it is, with its Content-Length', async () => {
    const server = await serve(streamed(vote));
    try {
      const answer = await ask(server.port, 'POST', '/api/vote');
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers['content-length']).toBe('150');
      expect(answer.headers['transfer-encoding']).toBeUndefined();
      expect(answer.body).toBe(vote);
    } finally {
      await server.close();
    }
  });

  it('(b) the same small answer anywhere else, in any method, is not compressed either', async () => {
    const server = await serve(streamed(vote));
    try {
      for (const [method, path] of [
        ['GET', '/anything'],
        ['GET', '/api/v1/stories'],
        ['POST', '/contact'],
      ]) {
        const answer = await ask(server.port, method!, path!);
        expect(answer.headers['content-encoding'], `${method} ${path}`).toBeUndefined();
        expect(answer.headers['content-length'], `${method} ${path}`).toBe('150');
        expect(answer.body).toBe(vote);
      }
    } finally {
      await server.close();
    }
  });

  it('(c) a 20 kB answer written in 10 pieces after its head is compressed, on any path, and decodes to the same bytes', async () => {
    const text = Array.from(
      { length: 20 },
      (_, i) => `${String(i).padStart(4, '0')} ${'mood '.repeat(203)}`.padEnd(1023, '.') + '\n',
    ).join('');
    expect(Buffer.byteLength(text)).toBe(20 * 1024);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      for (let i = 0; i < 10; i++) res.write(text.slice(i * 2048, (i + 1) * 2048));
      res.end();
    });
    try {
      for (const [method, path] of [
        ['GET', '/anything'],
        ['POST', '/api/vote'],
      ]) {
        const answer = await ask(server.port, method!, path!);
        expect(['gzip', 'br', 'deflate'], `${method} ${path}`).toContain(answer.headers['content-encoding']);
        expect(answer.headers['content-length']).toBeUndefined();
        expect(answer.raw.length).toBeLessThan(text.length / 4);
        expect(answer.body).toBe(text);
      }
    } finally {
      await server.close();
    }
  });

  it('(c) past the threshold a stream goes out as it is written, not when it ends', async () => {
    let firstBytes = () => {};
    const arrived = new Promise<void>((r) => (firstBytes = r));
    let endedFirst = false;
    const server = await serve((_req, res) => {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/x-component');
      res.flushHeaders(); // as Next's pipeToNodeResponse does, then write and flush each piece
      res.write(Buffer.from('0:'.padEnd(2048, 'a')));
      (res as unknown as { flush: () => void }).flush();
      const timeout = setTimeout(() => {
        endedFirst = true;
        res.end('end');
      }, 5000);
      void arrived.then(() => {
        clearTimeout(timeout);
        res.end('end');
      });
    });
    try {
      const answer = await ask(server.port, 'GET', '/stream', { onData: firstBytes });
      expect(endedFirst).toBe(false);
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.body).toBe('0:'.padEnd(2048, 'a') + 'end');
    } finally {
      await server.close();
    }
  });

  it('(d) a small answer calls the callbacks of its writes, and of its end', async () => {
    const called: string[] = [];
    const server = await serve((_req, res) => {
      res.writeHead(200, [['Content-Type', 'application/json']]);
      res.write(vote.slice(0, 50), 'utf8', () => called.push('write with encoding'));
      res.write(Buffer.from(vote.slice(50, 100)), () => called.push('write'));
      res.end(vote.slice(100), () => called.push('end'));
    });
    try {
      const answer = await ask(server.port, 'POST', '/api/vote');
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers['content-length']).toBe('150');
      expect(answer.headers['content-type']).toBe('application/json');
      expect(answer.body).toBe(vote);
      await new Promise((r) => setTimeout(r, 20));
      expect(called).toEqual(['write with encoding', 'write', 'end']);
    } finally {
      await server.close();
    }
  });

  it('(e) HEAD and 304 answers are as before: no body, no coding', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/not-modified') {
        res.writeHead(304, { ETag: '"v1"' });
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(req.url === '/large' ? 'x'.repeat(4096) : vote);
      }
    });
    try {
      for (const path of ['/small', '/large']) {
        const head = await ask(server.port, 'HEAD', path);
        expect(head.status).toBe(200);
        expect(head.headers['content-encoding'], path).toBeUndefined();
        expect(head.raw.length).toBe(0);
      }
      const notModified = await ask(server.port, 'GET', '/not-modified');
      expect(notModified.status).toBe(304);
      expect(notModified.headers.etag).toBe('"v1"');
      expect(notModified.headers['content-encoding']).toBeUndefined();
      expect(notModified.raw.length).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('an answer that declares its Content-Length is left to the middleware’s threshold, as before', async () => {
    const large = JSON.stringify({ stories: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Story ${i}` })) });
    const server = await serve((req, res) => {
      const body = req.url === '/large' ? large : vote;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Content-Length', Buffer.byteLength(body));
      res.write(body.slice(0, 100));
      res.end(body.slice(100));
    });
    try {
      const small = await ask(server.port, 'POST', '/small');
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.headers['content-length']).toBe('150');
      expect(small.body).toBe(vote);
      const big = await ask(server.port, 'GET', '/large');
      expect(big.headers['content-encoding']).toBe('gzip');
      expect(big.body).toBe(large);
    } finally {
      await server.close();
    }
  });

  it('backpressure: a write that returns false is followed by drain, and every byte arrives', async () => {
    const crypto = await import('node:crypto');
    const piece = crypto.randomBytes(48 * 1024).toString('base64'); // 64 kB of text that barely compresses
    const pieces = 64;
    let refused = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      let sent = 0;
      const more = () => {
        while (sent < pieces) {
          sent++;
          if (!res.write(piece)) {
            refused++;
            res.once('drain', more);
            return;
          }
        }
        res.end();
      };
      more();
    });
    try {
      const answer = await ask(server.port, 'GET', '/bulk');
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.body.length).toBe(piece.length * pieces);
      expect(answer.body).toBe(piece.repeat(pieces));
      expect(refused).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('under the security headers: a vote streamed as Next streams it goes out as it is, a large answer compressed', async () => {
    const large = 'l'.repeat(8192);
    const server = await serve(
      (req, res) => {
        // What Next's sendResponse and pipeToNodeResponse do: status and headers, flushHeaders, write + flush, end.
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/json');
        res.flushHeaders();
        res.write(new TextEncoder().encode(req.url === '/api/v1/large' ? large : vote));
        (res as unknown as { flush: () => void }).flush();
        setImmediate(() => res.end());
      },
      { secure: true },
    );
    try {
      const small = await ask(server.port, 'POST', '/api/vote');
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.headers['content-length']).toBe('150');
      expect(small.headers['content-security-policy']).toContain("object-src 'none'");
      expect(small.body).toBe(vote);
      const big = await ask(server.port, 'GET', '/api/v1/large');
      expect(big.headers['content-encoding']).toBe('gzip');
      expect(big.body).toBe(large);
    } finally {
      await server.close();
    }
  });

  it('under the security headers: an HTML page streamed in pieces is buffered by the hook above and sent once, whole', async () => {
    const script = 'self.__next_f.push([1,"a"])';
    const pages: Record<string, string> = {
      '/admin/small': `<p>small</p><script>${script}</script>`,
      '/admin/large': `<main>${'<p>paragraph</p>'.repeat(400)}</main><script>${script}</script>`,
    };
    const server = await serve(
      (req, res) => {
        const page = Buffer.from(pages[req.url ?? ''] ?? '');
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.flushHeaders();
        for (let i = 0; i < page.length; i += 700) res.write(page.subarray(i, i + 700));
        res.end();
      },
      { secure: true },
    );
    try {
      for (const [path, page] of Object.entries(pages)) {
        const answer = await ask(server.port, 'GET', path);
        expect(answer.body, path).toBe(page);
        expect(answer.headers['content-length'], path).toBe(String(answer.raw.length));
        expect(answer.headers['content-encoding'], path).toBe(page.length < 1024 ? undefined : 'br');
        expect(answer.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
      }
    } finally {
      await server.close();
    }
  });
});

describe('reader pages without the client runtime (decision 016)', () => {
  const next = [
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
    '<script src="/_next/static/chunks/a.js" async=""></script>',
    '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});</script>',
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
    '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  ];

  it("removes Next's scripts and preloads, and keeps ours, data blocks, other links and foreign scripts", async () => {
    const { stripClientRuntime } = await import('@/lib/server/security-headers.cjs');
    const { HIDE_IN_WECHAT } = await import('@/lib/server/trusted-inline-scripts.cjs');
    const keep = [
      '<link rel="stylesheet" href="/_next/static/chunks/a.css"/>',
      '<link rel="preload" href="/images/x.webp" as="image"/>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      `<script>${HIDE_IN_WECHAT}</script>`,
      '<script src="/reader.js" defer=""></script>',
      '<script>self.__next_f.push([1,"x"]);window.evil=1</script>',
    ];
    const page = `<html><head>${next[0]}${keep[0]}${keep[1]}</head><body><p>Story</p>${keep.slice(2).join('')}${next.slice(1).join('')}</body></html>`;
    const out = stripClientRuntime(page);
    for (const tag of next) expect(out).not.toContain(tag);
    for (const tag of keep) expect(out).toContain(tag);
    expect(out).toContain('<p>Story</p>');
  });

  it('leaves a page that asks for React whole', async () => {
    const { stripClientRuntime } = await import('@/lib/server/security-headers.cjs');
    expect(stripClientRuntime(`<section data-moodwire-hydrate="">form</section>${next.join('')}`)).toBeNull();
  });

  it('rewrites reader pages only: GET or HEAD, 200 or 404, not staff, API or Next paths, not flight requests', async () => {
    const { isReaderPageRequest } = await import('@/lib/server/security-headers.cjs');
    const req = (url: string, method = 'GET', headers: Record<string, string> = {}) => ({ url, method, headers });
    expect(isReaderPageRequest(req('/news/a-story'), 200)).toBe(true);
    expect(isReaderPageRequest(req('/news/none'), 404)).toBe(true);
    expect(isReaderPageRequest(req('/', 'HEAD'), 200)).toBe(true);
    expect(isReaderPageRequest(req('/news/a-story'), 500)).toBe(false);
    expect(isReaderPageRequest(req('/news/a-story', 'POST'), 200)).toBe(false);
    expect(isReaderPageRequest(req('/news/a-story', 'GET', { rsc: '1' }), 200)).toBe(false);
    for (const url of ['/admin', '/admin/stories?x=1', '/api/vote', '/_next/static/x.js'])
      expect(isReaderPageRequest(req(url), 200)).toBe(false);
    expect(isReaderPageRequest(req('/administrators-guide'), 200)).toBe(true);
  });

  it('on a real server: a story goes out without them and with a policy for what is left; a staff page keeps them', async () => {
    const http = await import('node:http');
    const zlib = await import('node:zlib');
    const { secureResponse } = await import('@/lib/server/security-headers.cjs');
    const { HIDE_IN_WECHAT } = await import('@/lib/server/trusted-inline-scripts.cjs');
    const page = `<html><body><p>Story ✓ 微信</p><script>${HIDE_IN_WECHAT}</script>${next.join('')}</body></html>`;
    const server = http.createServer((req, res) => {
      secureResponse(res);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (req.url === '/gzip') {
        res.setHeader('Content-Encoding', 'gzip');
        res.end(zlib.gzipSync(page));
      } else res.end(page);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    try {
      for (const path of ['/news/x', '/news/x', '/gzip']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        const html = await res.text();
        expect(html).toContain('<p>Story ✓ 微信</p>');
        expect(html).not.toContain('/_next/');
        expect(html).not.toContain('__next_f');
        expect(res.headers.get('content-security-policy')?.match(/'sha256-[^']+'/g)).toHaveLength(1);
      }
      const staff = await (await fetch(`http://127.0.0.1:${port}/admin/x`)).text();
      expect(staff).toContain('/_next/static/chunks/a.js');
    } finally {
      server.close();
    }
  });
});

describe('the long tail: a page version prepared before (decision 030)', () => {
  it('is sent from its compressed copy without being read again; a client without compression gets the page itself', async () => {
    const { HIDE_IN_WECHAT } = await import('@/lib/server/trusted-inline-scripts.cjs');
    const filler = '<p>A long story paragraph.</p>'.repeat(100);
    const page = (words: string, script: string) => `<html><body><h1>${words}</h1>${filler}${script}</body></html>`;
    // The page cache names each version by its ETag. Here the server lies: under the same ETag it
    // sends another page, without the script the first one had. A hook that reads the page again
    // sends the first page's compressed copy under the second page's policy; one that knows the
    // version sends the first page's policy with it.
    let body = page('First version', `<script>${HIDE_IN_WECHAT}</script>`);
    const server = await serve(
      (_req, res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 's-maxage=300, stale-while-revalidate');
        res.setHeader('ETag', '"version-one"');
        // A new string each time, as Next reads a page back from its disk cache.
        res.end(body.split('').join(''));
      },
      { secure: true },
    );
    try {
      const first = await ask(server.port, 'GET', '/news/long-tail');
      expect(first.headers['content-encoding']).toBe('br');
      expect(first.body).toContain('First version');
      expect(String(first.headers['content-security-policy']).match(/'sha256-[^']+'/g)).toHaveLength(1);
      body = page('Second version', '');
      const again = await ask(server.port, 'GET', '/news/long-tail');
      expect(again.body).toContain('First version');
      expect(again.headers['etag']).toBe(first.headers['etag']);
      expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
      expect(again.headers['content-length']).toBe(first.headers['content-length']);
      // Without compression the page's own bytes are needed: read, and prepared as before.
      const identity = await ask(server.port, 'GET', '/news/long-tail', { acceptEncoding: null });
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.body).toContain('Second version');
    } finally {
      await server.close();
    }
  });
});

describe('renamed stories and sections (decision 006) and imported sites’ old addresses (decision 061)', () => {
  it('a 404 at an old address becomes a 301 to the new one; other 404s and pages stay as they are', async () => {
    const http = await import('node:http');
    const { secureResponse } = await import('@/lib/server/security-headers.cjs');
    const key = Symbol.for('moodwire.renamedLocation');
    const asked: string[] = [];
    // As lib/renamed-paths.ts: asynchronous, since it reads the database; a database error is a rejection.
    (globalThis as Record<symbol, unknown>)[key] = async (path: string, search: string) => {
      asked.push(path + search);
      await new Promise((r) => setTimeout(r, 5));
      if (path === '/news/broken') throw new Error('database unavailable');
      if (path === '/2024/03/05/old-post') return `/news/new-post${search}`;
      return path === '/section/old/page/2' ? `/section/new/page/2${search}` : undefined;
    };
    const server = http.createServer((req, res) => {
      secureResponse(res);
      // As Next: an address with a trailing slash is sent to the one without, 308, in plain text.
      if (req.url && /.\/(\?|$)/.test(req.url)) {
        res.statusCode = 308;
        res.setHeader('Location', req.url.replace(/\/(\?|$)/, '$1'));
        res.setHeader('Content-Type', 'text/plain');
        res.end(req.url.replace(/\/(\?|$)/, '$1'));
        return;
      }
      res.statusCode = req.url?.startsWith('/news/here') ? 200 : 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'private, no-cache, no-store');
      res.end('<p>page</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
    try {
      const moved = await get('/section/old/page/2?x=1');
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe('/section/new/page/2?x=1');
      expect(moved.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(moved.headers.get('content-security-policy')).toContain("object-src 'none'");
      expect((await get('/news/gone')).status).toBe(404);
      const broken = await get('/news/broken');
      expect(broken.status).toBe(404);
      expect(await broken.text()).toBe('<p>page</p>');
      expect((await get('/news/here')).status).toBe(200);
      expect((await get('/tag/old')).status).toBe(404);
      // An old WordPress address with its trailing slash: one 301, not Next's 308 first.
      const wordpress = await get('/2024/03/05/old-post/?utm=x');
      expect(wordpress.status).toBe(301);
      expect(wordpress.headers.get('location')).toBe('/news/new-post?utm=x');
      // An unknown address with a slash keeps Next's 308 (then its 404).
      const unknown = await get('/nothing/here/');
      expect(unknown.status).toBe(308);
      expect(unknown.headers.get('location')).toBe('/nothing/here');
      // Staff pages, the API and Next's files never ask; neither do pages that exist.
      for (const path of ['/admin/nope', '/api/nope', '/_next/static/nope.js', '/api/nope/']) await get(path);
      expect(asked).toEqual([
        '/section/old/page/2?x=1',
        '/news/gone',
        '/news/broken',
        '/tag/old',
        '/2024/03/05/old-post?utm=x',
        '/nothing/here',
      ]);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
      server.close();
    }
  });
});

describe('what a handler hands the hook arrives whole (issue 21 §6)', () => {
  /** A server whose every response goes through the hook, and a raw GET that sees the bytes as sent. */
  async function serve(
    handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
  ) {
    const http = await import('node:http');
    const { secureResponse } = await import('@/lib/server/security-headers.cjs');
    const server = http.createServer((req, res) => {
      secureResponse(res);
      handler(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    const get = (path: string) =>
      new Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; body: Buffer }>(
        (resolve, reject) => {
          http
            .get({ host: '127.0.0.1', port, path }, (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
              );
            })
            .on('error', reject);
        },
      );
    return { get, close: () => server.close() };
  }

  it('keeps headers given to writeHead as an array, repeated ones included, for pages and other answers', async () => {
    const { get, close } = await serve((req, res) => {
      // A staff page keeps Next's inline scripts, so the policy lists their hashes.
      const html = req.url === '/admin/html';
      const headers = ['Content-Type', html ? 'text/html; charset=utf-8' : 'text/plain', 'X-Kept', 'yes'];
      headers.push('Set-Cookie', 'a=1; Path=/', 'Set-Cookie', 'b=2; Path=/');
      if (html) headers.push('Content-Length', '9');
      if (req.url === '/reason') res.writeHead(202, 'Taken', headers);
      else res.writeHead(html ? 200 : 201, headers);
      res.end(html ? '<p>page</p><script>self.__next_f.push([1,"x"])</script>' : 'plain');
    });
    try {
      for (const path of ['/admin/html', '/plain', '/reason']) {
        const res = await get(path);
        expect(res.status, path).toBe(path === '/admin/html' ? 200 : path === '/reason' ? 202 : 201);
        expect(res.headers['x-kept'], path).toBe('yes');
        expect(res.headers['set-cookie'], path).toEqual(['a=1; Path=/', 'b=2; Path=/']);
        expect(res.headers['content-type'], path).toMatch(path === '/admin/html' ? /^text\/html/ : /^text\/plain/);
        expect(res.headers['x-content-type-options'], path).toBe('nosniff');
        expect(res.headers['content-security-policy'], path).toContain("object-src 'none'");
      }
      const page = await get('/admin/html');
      expect(page.body.toString()).toContain('<p>page</p>');
      // The hook recomputes the length of the page it sends; a stale one from the handler would cut it.
      expect(Number(page.headers['content-length'])).toBe(page.body.length);
      expect(page.headers['content-security-policy']).toMatch(/'sha256-/);
    } finally {
      close();
    }
  });

  it('a body that does not decompress goes out as it came, with a policy that admits no inline script', async () => {
    const zlib = await import('node:zlib');
    const page = '<p>Story</p><script>self.__next_f.push([1,"x"])</script>';
    const broken = Buffer.concat([zlib.gzipSync(page).subarray(0, 20), Buffer.from('not gzip at all')]);
    const { get, close } = await serve((req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Encoding', req.url === '/zstd' ? 'zstd' : 'gzip');
      res.end(broken);
    });
    try {
      for (const path of ['/news/broken', '/zstd']) {
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.body.equals(broken), path).toBe(true);
        expect(Number(res.headers['content-length']), path).toBe(broken.length);
        expect(res.headers['content-encoding'], path).toBe(path === '/zstd' ? 'zstd' : 'gzip');
        expect(res.headers['content-security-policy'], path).toMatch(/script-src 'self';/);
      }
    } finally {
      close();
    }
  });
});
