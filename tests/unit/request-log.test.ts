import { describe, expect, it } from 'vitest';
import { describeError, recordCause, takeCause } from '@/lib/server/request-causes.cjs';
import { requestLine } from '@/lib/server/request-log.cjs';

const request = { id: 'req-1', method: 'GET', path: '/news/x', ms: 3, finished: true };

describe('one log line per request (lib/server/request-log.cjs)', () => {
  it('logs a 5xx at level error, with its cause, or says that none was reported', () => {
    const cause = { type: 'Error', message: 'read ECONNRESET' };
    expect(requestLine({ ...request, status: 500, cause })).toEqual({
      level: 'error',
      line: { id: 'req-1', method: 'GET', path: '/news/x', status: 500, ms: 3, cause },
    });
    const silent = requestLine({ ...request, status: 503, cause: undefined });
    expect(silent.level).toBe('error');
    expect(silent.line.cause).toEqual({ message: expect.stringMatching(/^no error was reported/) });
  });

  it('logs everything else at info: a refused request with its reason, an answer cut off as aborted', () => {
    expect(requestLine({ ...request, status: 200, cause: undefined })).toEqual({
      level: 'info',
      line: { id: 'req-1', method: 'GET', path: '/news/x', status: 200, ms: 3 },
    });
    const reason = { message: 'server action request could not be read' };
    expect(requestLine({ ...request, status: 400, cause: reason }).line).toMatchObject({ status: 400, reason });
    // An error Next recovered from (a stale page served) is not this request's reason.
    expect(requestLine({ ...request, status: 200, cause: reason }).line).not.toHaveProperty('reason');
    expect(requestLine({ ...request, status: 200, cause: undefined, finished: false }).line).toMatchObject({
      aborted: true,
    });
  });
});

describe('causes of a request (lib/server/request-causes.cjs)', () => {
  it('are kept by the internal key of the request, the first one only, and taken once', () => {
    const headers = { 'x-moodwire-request': 'key-1' };
    recordCause(headers, { message: 'first' });
    recordCause(new Headers(headers), { message: 'second' });
    expect(takeCause('key-1')).toEqual({ message: 'first' });
    expect(takeCause('key-1')).toBeUndefined();
    recordCause({}, { message: 'no key' }); // a request the hook did not see: nothing kept
  });

  it('never hold more than a bounded number of causes nobody took', () => {
    for (let i = 0; i < 2000; i++) recordCause({ 'x-moodwire-request': `k${i}` }, { message: String(i) });
    expect(takeCause('k0')).toBeUndefined();
    expect(takeCause('k1999')).toEqual({ message: '1999' });
  });

  it('describe an error by its type, message, code and first frames', () => {
    const error = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY', digest: '123' });
    expect(describeError(error)).toMatchObject({
      type: 'Error',
      message: 'database is locked',
      code: 'SQLITE_BUSY',
      digest: '123',
      stack: expect.stringContaining('at '),
    });
    expect(describeError('plain')).toEqual({ message: 'plain' });
  });
});
