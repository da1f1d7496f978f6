import { describe, expect, it } from 'vitest';
import { writeUnavailable } from '@/db/write-errors';
import { databaseMode } from '@/db/config';
import { engineKind, postgresPoolSize } from '@/db/engine/config';

const err = (code: string) => Object.assign(new Error(code), { code });

describe('which SQLite errors pause voting', () => {
  it.each([
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_LOCKED', 'busy'],
    ['SQLITE_FULL', 'full'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_IOERR_WRITE', 'io'],
    ['SQLITE_CANTOPEN', 'io'],
  ])('%s → %s', (code, kind) => expect(writeUnavailable(err(code))).toBe(kind));

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_CORRUPT', 'ERR_SOMETHING'])(
    '%s is a bug, not a paused vote',
    (code) => {
      expect(writeUnavailable(err(code))).toBeUndefined();
    },
  );
  it('ignores errors without a code', () => {
    expect(writeUnavailable(new Error('x'))).toBeUndefined();
    expect(writeUnavailable(null)).toBeUndefined();
  });
});

describe('which PostgreSQL errors pause voting', () => {
  it.each([
    ['25006', 'read-only'],
    ['53100', 'full'],
    ['55P03', 'busy'],
    ['53300', 'busy'],
    ['40001', 'busy'],
    ['40P01', 'busy'],
    ['57014', 'busy'],
    ['08006', 'unreachable'],
    ['57P01', 'unreachable'],
    ['57P03', 'unreachable'],
    ['ECONNREFUSED', 'unreachable'],
    ['ETIMEDOUT', 'unreachable'],
    ['58030', 'io'],
  ])('%s → %s', (code, kind) => expect(writeUnavailable(err(code))).toBe(kind));

  it.each(['23505', '23514', '23503', '42P01', '42601', '22P02'])('%s is a bug, not a paused vote', (code) => {
    expect(writeUnavailable(err(code))).toBeUndefined();
  });

  it('looks through drizzle’s "Failed query" wrapper, and knows the pool’s own messages', () => {
    const wrapped = Object.assign(new Error('Failed query: insert …'), { cause: err('25006') });
    expect(writeUnavailable(wrapped)).toBe('read-only');
    expect(writeUnavailable(new Error('timeout exceeded when trying to connect'))).toBe('busy');
    expect(writeUnavailable(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
  });
});

describe('database mode from the environment', () => {
  it('is read-write with no cap by default', () => expect(databaseMode({})).toEqual({ readonly: false }));
  it('reads DATABASE_READ_ONLY and the test hook', () => {
    expect(databaseMode({ DATABASE_READ_ONLY: '1' })).toEqual({ readonly: true });
    expect(databaseMode({ DATABASE_READ_ONLY: 'true', MOODWIRE_TEST_MAX_PAGE_COUNT: '120' })).toEqual({
      readonly: true,
      maxPageCount: 120,
    });
    expect(databaseMode({ DATABASE_READ_ONLY: '0' })).toEqual({ readonly: false });
  });
  it('refuses bad values with a clear message', () => {
    expect(() => databaseMode({ DATABASE_READ_ONLY: 'yes please' })).toThrow(/DATABASE_READ_ONLY must be 1/);
    expect(() => databaseMode({ MOODWIRE_TEST_MAX_PAGE_COUNT: '-5' })).toThrow(/MOODWIRE_TEST_MAX_PAGE_COUNT/);
    expect(() => databaseMode({ MOODWIRE_TEST_MAX_PAGE_COUNT: '0' })).toThrow(/MOODWIRE_TEST_MAX_PAGE_COUNT/);
  });
});

describe('engine from the environment', () => {
  it('is SQLite without DATABASE_URL, PostgreSQL with a postgres:// or postgresql:// address', () => {
    expect(engineKind({})).toBe('sqlite');
    expect(engineKind({ DATABASE_URL: ' ' })).toBe('sqlite');
    expect(engineKind({ DATABASE_URL: 'postgres://u@h/db' })).toBe('postgres');
    expect(engineKind({ DATABASE_URL: 'postgresql://u:p@h:5432/db' })).toBe('postgres');
  });
  it('refuses any other address, and a bad pool size, with a clear message', () => {
    expect(() => engineKind({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(/DATABASE_URL must be a PostgreSQL address/);
    expect(() => engineKind({ DATABASE_URL: 'data/moodwire.db' })).toThrow(/leave it unset to use the SQLite file/);
    expect(postgresPoolSize({})).toBe(10);
    expect(postgresPoolSize({ DATABASE_POOL_SIZE: '50' })).toBe(50);
    for (const bad of ['0', '-1', 'ten', '501', '1e3'])
      expect(() => postgresPoolSize({ DATABASE_POOL_SIZE: bad }), bad).toThrow(/DATABASE_POOL_SIZE/);
  });
});
