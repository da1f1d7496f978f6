import { describe, expect, it } from 'vitest';
import { assertForm, UnreadableFormError } from '@/lib/action-state';
import { isActionRequest, isUnreadable } from '@/lib/server/action-requests.cjs';

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
