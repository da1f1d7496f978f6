import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@/lib/insights/csv';
import { bucketStarts, MAX_SPAN_DAYS, parseInsightsWindow } from '@/lib/insights/window';
import { findBursts, isSpike } from '@/db/queries/moderation';
import { moderationSettings } from '@/lib/moderation/settings';

const NOW = Date.parse('2026-11-25T12:30:00Z');
const HOUR = 3600_000;

describe('insights window', () => {
  it('reads the preset periods, hour by hour up to two days and day by day beyond', () => {
    const today = parseInsightsWindow({ window: 'today' }, NOW);
    expect(today).toMatchObject({
      ok: true,
      window: {
        from: Date.parse('2026-11-25T00:00:00Z'),
        to: Date.parse('2026-11-25T13:00:00Z'),
        bucket: 'hour',
        fromDay: '2026-11-25',
        toDay: '2026-11-25',
      },
    });
    expect(today.ok && bucketStarts(today.window)).toHaveLength(13);
    const week = parseInsightsWindow({}, NOW);
    expect(week).toMatchObject({
      ok: true,
      window: { kind: '7d', fromDay: '2026-11-19', toDay: '2026-11-25', bucket: 'day' },
    });
    expect(week.ok && bucketStarts(week.window)).toHaveLength(7);
    expect(week.ok && week.window.previous).toEqual({
      from: Date.parse('2026-11-12T00:00:00Z'),
      to: Date.parse('2026-11-19T00:00:00Z'),
    });
    expect(parseInsightsWindow({ window: '30d' }, NOW)).toMatchObject({
      ok: true,
      window: { fromDay: '2026-10-27', bucket: 'day' },
    });
  });

  it('reads custom dates, and stops a period that reaches into the future at the current hour', () => {
    expect(parseInsightsWindow({ window: 'custom', from: '2026-11-01', to: '2026-11-10' }, NOW)).toMatchObject({
      ok: true,
      window: {
        from: Date.parse('2026-11-01T00:00:00Z'),
        to: Date.parse('2026-11-11T00:00:00Z'),
        bucket: 'day',
        toDay: '2026-11-10',
      },
    });
    expect(parseInsightsWindow({ from: '2026-11-24', to: '2026-11-25' }, NOW)).toMatchObject({
      ok: true,
      window: { kind: 'custom', bucket: 'hour', to: Date.parse('2026-11-25T13:00:00Z') },
    });
    expect(parseInsightsWindow({ window: 'custom', from: '2026-11-20', to: '2026-12-15' }, NOW)).toMatchObject({
      ok: true,
      window: { to: Date.parse('2026-11-25T13:00:00Z') },
    });
  });

  it('refuses impossible periods with a message naming the field', () => {
    const bad = (raw: Record<string, string>) => parseInsightsWindow(raw, NOW);
    expect(bad({ window: 'forever' })).toMatchObject({ ok: false, field: 'window' });
    expect(bad({ window: 'custom' })).toMatchObject({ ok: false, field: 'from' });
    expect(bad({ window: 'custom', from: '2026-11-01' })).toMatchObject({ ok: false, field: 'to' });
    expect(bad({ window: 'custom', from: '2026-02-30', to: '2026-03-01' })).toMatchObject({
      ok: false,
      field: 'from',
      message: expect.stringContaining('not a date'),
    });
    expect(bad({ window: 'custom', from: '2026-11-10', to: '2026-11-01' })).toMatchObject({
      ok: false,
      field: 'to',
      message: expect.stringContaining('before the first day'),
    });
    expect(bad({ window: 'custom', from: '2027-01-01', to: '2027-01-02' })).toMatchObject({
      ok: false,
      field: 'from',
      message: expect.stringContaining('future'),
    });
    expect(bad({ window: 'custom', from: '2026-01-01', to: '2026-11-01' })).toMatchObject({
      ok: false,
      field: 'to',
      message: expect.stringContaining(`at most ${MAX_SPAN_DAYS} days`),
    });
    expect(bad({ window: 'custom', from: '1999-12-31', to: '2000-01-01' })).toMatchObject({ ok: false, field: 'from' });
    expect(bad({ window: 'custom', from: "2026-11-01' or 1=1", to: '2026-11-02' })).toMatchObject({ ok: false });
  });
});

describe('CSV', () => {
  it('quotes as RFC 4180 says and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    // Numbers are numbers, negative ones included.
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });
});

describe('burst detection', () => {
  it('joins overlapping dense windows into one burst and leaves sparse votes out', () => {
    const min = 60_000;
    const dense = Array.from({ length: 5 }, (_, i) => 1000 * min + i * min);
    const sparse = Array.from({ length: 5 }, (_, i) => i * 20 * min);
    expect(findBursts([...sparse, ...dense], 3, 5 * min)).toEqual([{ start: 5, end: 9 }]);
    expect(findBursts(sparse, 2, 5 * min)).toEqual([]);
    expect(
      findBursts(
        [0, 1, 2, 100, 101, 102].map((t) => t * min),
        3,
        5 * min,
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
    expect(findBursts([], 3, 1)).toEqual([]);
  });

  it('calls an hour a spike only when it is big and far above the usual rate', () => {
    expect(isSpike(49, 0, 0, 50, 10)).toBe(false);
    expect(isSpike(60, 0, 0, 50, 10)).toBe(true);
    expect(isSpike(60, 100 * HOUR, HOUR, 50, 10)).toBe(false);
    expect(isSpike(100, 60, 10, 50, 10)).toBe(true);
    expect(isSpike(59, 60, 10, 50, 10)).toBe(false);
  });

  it('reads its thresholds from the environment, with clear messages', () => {
    expect(moderationSettings({})).toEqual({
      burstMinVotes: 20,
      burstWindowMs: 600_000,
      spikeMinVotes: 50,
      spikeFactor: 10,
      spikeLookbackMs: 7 * 24 * HOUR,
    });
    expect(moderationSettings({ BURST_MIN_VOTES: '5', BURST_WINDOW_MINUTES: '2' })).toMatchObject({
      burstMinVotes: 5,
      burstWindowMs: 120_000,
    });
    expect(() => moderationSettings({ BURST_MIN_VOTES: 'many' })).toThrow(/BURST_MIN_VOTES must be a whole number/);
    expect(() => moderationSettings({ SPIKE_FACTOR: '1' })).toThrow(/SPIKE_FACTOR/);
  });
});
