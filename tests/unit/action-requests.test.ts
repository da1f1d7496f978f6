import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { assertForm, UnreadableFormError } from '@/lib/action-state';
import { install, isActionRequest, isUnreadable } from '@/lib/server/action-requests.cjs';

const withStack = (error: Error, frame: string) => {
  error.stack = `${error.name}: ${error.message}\n    at JSON.parse (<anonymous>)\n    at ${frame}\n    at next (node:internal/process/task_queues:95:5)`;
  return error;
};

describe('server action requests that cannot be read (lib/server/action-requests.cjs)', () => {
  it('are told apart from bugs by what failed and where', () => {
    const next = '/srv/app/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js:15:70523';
    const handler = '/srv/app/node_modules/next/dist/server/app-render/action-handler.js:950:14';
    const ours = '/srv/app/.next/server/chunks/ssr/app_contact_actions.js:1:249';
    for (const error of [
      new SyntaxError('Unexpected token \'g\', "garbage" is not valid JSON'),
      new Error('Connection closed.'),
      new Error('Invalid forward reference.'),
      new Error('Invalid Server Actions request.'),
      new Error('The Server Reference ID did not match the expected format. Received "zzz".'),
      new TypeError('Failed to parse body as FormData.'),
      new Error('Unexpected end of form'),
      new Error("Invariant: Missing 'next-action' header. This is a bug in Next.js."),
      Object.assign(new Error('aborted'), { code: 'ECONNRESET' }),
      new UnreadableFormError(),
      withStack(new TypeError("Cannot read properties of null (reading 'length')"), `executeAction (${handler})`),
      withStack(new TypeError('x is not iterable'), `tI (${next})`),
    ])
      expect(isUnreadable(error), error.message).toBe(true);
    for (const error of [
      new Error('SQLITE_CORRUPT: database disk image is malformed'),
      withStack(new TypeError("Cannot read properties of undefined (reading 'id')"), `b (${ours})`),
      new RangeError('Invalid time value'),
      'a string',
      null,
    ])
      expect(isUnreadable(error), String(error)).toBe(false);
  });

  it('are POSTs with a Next-Action header, or multipart form posts to pages', () => {
    const req = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers });
    expect(isActionRequest(req('POST', '/contact', { 'next-action': 'abc' }))).toBe(true);
    expect(isActionRequest(req('POST', '/contact', { 'content-type': 'multipart/form-data; boundary=x' }))).toBe(true);
    expect(isActionRequest(req('POST', '/api/vote', { 'content-type': 'multipart/form-data; boundary=x' }))).toBe(
      false,
    );
    expect(isActionRequest(req('POST', '/contact', { 'content-type': 'application/x-www-form-urlencoded' }))).toBe(
      false,
    );
    expect(isActionRequest(req('GET', '/contact', { 'next-action': 'abc' }))).toBe(false);
  });

  it('include an action called with something that is not a form', () => {
    expect(() => assertForm({ get: () => 'x' })).toThrow(UnreadableFormError);
    expect(() => assertForm(null)).toThrow(UnreadableFormError);
    expect(() => assertForm(new FormData())).not.toThrow();
  });
});

describe('on a real server (the hook installed)', () => {
  it('turns the 500 for an unreadable action call into a 400 and prints nothing; a real failure stays a 500, printed', async () => {
    // What the hook lets through to the console: it wraps the console.error it finds when installed.
    const original = console.error;
    const printed: unknown[] = [];
    console.error = (...args: unknown[]) => void printed.push(...args);
    install();
    const server = http.createServer((req, res) => {
      // What Next does: print the error, then answer 500 (a flight payload, streamed).
      console.error(req.url === '/unreadable' ? new SyntaxError('Unexpected token') : new Error('database gone'));
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/x-component');
      res.write('0:{"a":"$@1"}\n');
      setTimeout(() => res.end('1:E{"digest":"1"}\n'), 5);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    const call = (path: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'next-action': 'abc' }, body: 'x' });
    try {
      const bad = await call('/unreadable');
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('text/plain');
      expect(await bad.text()).toMatch(/^Bad request: this form could not be read/);
      expect(printed).toEqual([]);

      const broken = await call('/broken');
      expect(broken.status).toBe(500);
      expect(await broken.text()).toBe('0:{"a":"$@1"}\n1:E{"digest":"1"}\n');
      expect(printed.map((e) => (e as Error).message)).toEqual(['database gone']);
    } finally {
      console.error = original;
      server.close();
    }
  });
});
