import { describe, expect, it } from 'vitest';
import { writeUnavailable } from '@/db/write-errors';
import { databaseMode } from '@/db/config';

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
