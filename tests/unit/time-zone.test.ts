// The newsroom's clocks and calendar (lib/time-zone.ts): the editor's publish time and the search's
// date filters, across daylight-saving changes, and the SITE_TIMEZONE check.
import { describe, expect, it } from 'vitest';
import { dayStartMs, msToWallClock, nextDay, siteTimeZone, wallClockToMs } from '@/lib/time-zone';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('publish time on the newsroom’s clocks', () => {
  it('reads datetime-local values in Asia/Shanghai and round-trips', () => {
    expect(wallClockToMs('2026-05-01T09:30', 'Asia/Shanghai')).toBe(Date.UTC(2026, 4, 1, 1, 30));
    expect(msToWallClock(Date.UTC(2026, 4, 1, 1, 30), 'Asia/Shanghai')).toBe('2026-05-01T09:30');
    expect(wallClockToMs('2026-07-01T12:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 16));
  });

  it('refuses what names no real moment: 31 February, 24:00, junk, the hour a clock change skips', () => {
    for (const value of ['2026-02-30T09:30', '2026-01-01T24:00', '2026-13-01T10:00', '2026-01-01T10:60', 'yesterday'])
      expect(wallClockToMs(value, 'Asia/Shanghai'), value).toBeUndefined();
    // New York sprang forward at 02:00 on 8 March 2026: 02:30 never happened there.
    expect(wallClockToMs('2026-03-08T02:30', 'America/New_York')).toBeUndefined();
    expect(wallClockToMs('2026-03-08T03:30', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });

  it('takes the first of a time the clocks show twice (autumn)', () => {
    // New York fell back at 02:00 on 1 November 2026: 01:30 came first in EDT (UTC-4), then in EST.
    expect(iso(wallClockToMs('2026-11-01T01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(msToWallClock(Date.UTC(2026, 10, 1, 6, 30), 'America/New_York')).toBe('2026-11-01T01:30');
  });
});

describe('days on the newsroom’s calendar (search date filters)', () => {
  it('start at local midnight', () => {
    expect(iso(dayStartMs('2013-07-22', 'Asia/Shanghai'))).toBe('2013-07-21T16:00:00.000Z');
    expect(iso(dayStartMs('2013-07-22', 'UTC'))).toBe('2013-07-22T00:00:00.000Z');
    // New York: daylight saving began at 02:00 on 10 March 2024; midnight was still EST.
    expect(iso(dayStartMs('2024-03-10', 'America/New_York'))).toBe('2024-03-10T05:00:00.000Z');
    expect(iso(dayStartMs('2024-03-11', 'America/New_York'))).toBe('2024-03-11T04:00:00.000Z');
  });

  it('start at the first minute the day has when a clock change skips its midnight', () => {
    // Santiago moved from UTC-4 to UTC-3 at midnight on 6 September 2026: the day began at 01:00,
    // never in the evening before.
    expect(iso(dayStartMs('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(msToWallClock(dayStartMs('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06T01:00');
    // Havana does the same in March.
    expect(msToWallClock(dayStartMs('2026-03-08', 'America/Havana'), 'America/Havana')).toBe('2026-03-08T01:00');
  });

  it('roll over months and years', () => {
    expect(nextDay('2013-12-31')).toBe('2014-01-01');
    expect(nextDay('2016-02-28')).toBe('2016-02-29');
  });
});

describe('SITE_TIMEZONE', () => {
  it('defaults to Asia/Shanghai and takes any zone name the runtime knows', () => {
    expect(siteTimeZone({})).toBe('Asia/Shanghai');
    expect(siteTimeZone({ SITE_TIMEZONE: ' Europe/London ' })).toBe('Europe/London');
  });

  it('stops with a clear message on a name that is not a time zone', () => {
    expect(() => siteTimeZone({ SITE_TIMEZONE: 'Mars/Olympus_Mons' })).toThrow(
      'SITE_TIMEZONE must be a time zone name such as Asia/Shanghai or Europe/London; got "Mars/Olympus_Mons"',
    );
  });
});
