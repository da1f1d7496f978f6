// The period an insights page covers, parsed from its query string (?window=7d, or
// ?window=custom&from=2026-11-01&to=2026-11-15). Days are UTC days: votes are counted by the hour
// they were cast (vote_hourly) and shares by UTC day (share_clicks), and only UTC days line both up.
// Anything malformed gives a message for the filter form, never an error page.
import { z } from 'zod';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const WINDOW_KINDS = ['today', '7d', '30d', 'custom'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const WINDOW_LABELS: Record<WindowKind, string> = {
  today: 'Today',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom dates',
};

/**
 * The longest custom period: a calendar month. The dashboard reads the period and the one before it
 * from vote_hourly; past about 40 days that no longer fits in 200 ms on a million votes
 * (docs/decisions/011). Longer periods would need a daily rollup.
 */
export const MAX_SPAN_DAYS = 31;
/** Periods up to two days are shown hour by hour, longer ones day by day. */
export const HOURLY_MAX_DAYS = 2;
const EARLIEST_DAY = '2000-01-01';

export type Bucket = 'hour' | 'day';

export type InsightsWindow = {
  kind: WindowKind;
  /** first instant counted (hour-aligned, UTC) */
  from: number;
  /** first instant no longer counted (hour-aligned, UTC) */
  to: number;
  /** the same UTC days, inclusive, as share_clicks stores them */
  fromDay: string;
  toDay: string;
  bucket: Bucket;
  /** the period of the same length just before, for "moved most" */
  previous: { from: number; to: number };
  label: string;
  /** what to put back in a URL to get this window again */
  query: Record<string, string>;
};

export type WindowResult =
  { ok: true; window: InsightsWindow } | { ok: false; message: string; field: 'window' | 'from' | 'to' };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** A calendar day YYYY-MM-DD as the instant it starts (UTC), or undefined when there is no such day. */
export function parseDay(value: string): number | undefined {
  if (!dayPattern.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && utcDay(ms) === value ? ms : undefined;
}

const rawSchema = z.object({
  window: z.enum(WINDOW_KINDS).optional(),
  from: z.string().trim().max(10).optional(),
  to: z.string().trim().max(10).optional(),
});

const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
export const formatDay = (ms: number) => dayLabel.format(ms);

function build(
  kind: WindowKind,
  from: number,
  to: number,
  query: Record<string, string>,
  label: string,
): InsightsWindow {
  const span = to - from;
  const bucket: Bucket = span <= HOURLY_MAX_DAYS * DAY_MS ? 'hour' : 'day';
  // Day by day, the previous period is made of whole days, so that its buckets line up with these.
  const previousSpan = bucket === 'day' ? Math.ceil(span / DAY_MS) * DAY_MS : span;
  return {
    kind,
    from,
    to,
    fromDay: utcDay(from),
    toDay: utcDay(to - 1),
    bucket,
    previous: { from: from - previousSpan, to: from },
    label,
    query,
  };
}

/**
 * The window asked for, ending now for the preset ones. `fallback` is used when no window is asked
 * for at all. Empty `from`/`to` fields of a form that did not choose custom dates are ignored.
 */
export function parseInsightsWindow(
  raw: { window?: string; from?: string; to?: string },
  now: number = Date.now(),
  fallback: WindowKind = '7d',
): WindowResult {
  const parsed = rawSchema.safeParse({
    window: raw.window || undefined,
    from: raw.from || undefined,
    to: raw.to || undefined,
  });
  if (!parsed.success) {
    const field = (parsed.error.issues[0]?.path[0] as 'window' | 'from' | 'to' | undefined) ?? 'window';
    return {
      ok: false,
      field,
      message:
        field === 'window'
          ? 'Choose a period: today, the last 7 days, the last 30 days or custom dates.'
          : 'Dates are written as YYYY-MM-DD.',
    };
  }
  const { from, to } = parsed.data;
  const kind = parsed.data.window ?? (from || to ? 'custom' : fallback);
  const endOfNowHour = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS;
  const today = startOfDay(now);
  if (kind === 'today')
    return { ok: true, window: build(kind, today, endOfNowHour, { window: kind }, `Today (${formatDay(today)}, UTC)`) };
  if (kind === '7d' || kind === '30d') {
    const days = kind === '7d' ? 7 : 30;
    const start = today - (days - 1) * DAY_MS;
    return {
      ok: true,
      window: build(
        kind,
        start,
        endOfNowHour,
        { window: kind },
        `${WINDOW_LABELS[kind]} (${formatDay(start)} – ${formatDay(today)}, UTC)`,
      ),
    };
  }

  if (!from) return { ok: false, field: 'from', message: 'Enter the first day of the period (YYYY-MM-DD).' };
  if (!to) return { ok: false, field: 'to', message: 'Enter the last day of the period (YYYY-MM-DD).' };
  const fromMs = parseDay(from);
  if (fromMs === undefined)
    return { ok: false, field: 'from', message: `“${from}” is not a date: write it as YYYY-MM-DD.` };
  const toMs = parseDay(to);
  if (toMs === undefined) return { ok: false, field: 'to', message: `“${to}” is not a date: write it as YYYY-MM-DD.` };
  if (from < EARLIEST_DAY)
    return { ok: false, field: 'from', message: `The period cannot start before ${EARLIEST_DAY}.` };
  if (toMs < fromMs) return { ok: false, field: 'to', message: 'The last day comes before the first day: swap them.' };
  if (fromMs > today)
    return { ok: false, field: 'from', message: 'The period starts in the future: nothing has been counted yet.' };
  const days = (toMs - fromMs) / DAY_MS + 1;
  if (days > MAX_SPAN_DAYS)
    return {
      ok: false,
      field: 'to',
      message: `A period can cover at most ${MAX_SPAN_DAYS} days; this one covers ${days}.`,
    };
  // A period reaching into the future stops now: there is nothing to count after it.
  const end = Math.min(toMs + DAY_MS, endOfNowHour);
  const label = from === to ? `${formatDay(fromMs)} (UTC)` : `${formatDay(fromMs)} – ${formatDay(toMs)} (UTC)`;
  return { ok: true, window: build('custom', fromMs, end, { window: 'custom', from, to }, label) };
}

/** Every bucket start of the window, so charts and tables show the empty hours and days too. */
export function bucketStarts(window: Pick<InsightsWindow, 'from' | 'to' | 'bucket'>): number[] {
  const step = window.bucket === 'hour' ? HOUR_MS : DAY_MS;
  const first = window.bucket === 'hour' ? window.from : startOfDay(window.from);
  const out: number[] = [];
  for (let t = first; t < window.to; t += step) out.push(t);
  return out;
}

export const bucketSize = (bucket: Bucket) => (bucket === 'hour' ? HOUR_MS : DAY_MS);

const hourLabel = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const shortDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** How a bucket is named in tables and CSV (UTC). */
export const bucketLabel = (start: number, bucket: Bucket) =>
  bucket === 'hour' ? `${hourLabel.format(start)} UTC` : formatDay(start);
/** A short axis label. */
export const bucketTick = (start: number, bucket: Bucket) =>
  bucket === 'hour' ? `${String(new Date(start).getUTCHours()).padStart(2, '0')}:00` : shortDay.format(start);
/** ISO form for CSV: 2026-11-25T13:00Z for hours, 2026-11-25 for days. */
export const bucketIso = (start: number, bucket: Bucket) =>
  bucket === 'hour' ? `${new Date(start).toISOString().slice(0, 16)}Z` : utcDay(start);

/** The query string of a window plus other parameters, for links and export URLs. */
export function windowQuery(window: InsightsWindow, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams(window.query);
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  return q.toString();
}
