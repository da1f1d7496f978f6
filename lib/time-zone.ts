// The newsroom's time zone (SITE_TIMEZONE, default Asia/Shanghai) and every conversion between an
// instant and the newsroom's clocks and calendar: the editor's publish time, the search's date
// filters, and the zone lib/format.ts shows dates in. The only module that reads SITE_TIMEZONE; the
// zone arithmetic is @date-fns/tz's (docs/decisions/027-time-zones.md).
import { TZDateMini } from '@date-fns/tz';

const DEFAULT_ZONE = 'Asia/Shanghai';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

let checked: { raw: string | undefined; zone: string } | undefined;

/** SITE_TIMEZONE, checked once per value: a name the runtime does not know stops with a clear message. */
export function siteTimeZone(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_TIMEZONE;
  if (checked && checked.raw === raw) return checked.zone;
  const zone = raw?.trim() || DEFAULT_ZONE;
  if (!isTimeZone(zone))
    throw new Error(
      'Invalid configuration: SITE_TIMEZONE must be a time zone name such as Asia/Shanghai or ' +
        `Europe/London; got "${zone}".`,
    );
  checked = { raw, zone };
  return zone;
}

const two = (n: number) => String(n).padStart(2, '0');
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant as the newsroom's clocks show it: "2026-05-01T09:30" (a datetime-local input's value). */
export function msToWallClock(ms: number, zone = siteTimeZone()): string {
  const t = new TZDateMini(ms, zone);
  const day = `${String(t.getFullYear()).padStart(4, '0')}-${two(t.getMonth() + 1)}-${two(t.getDate())}`;
  return `${day}T${two(t.getHours())}:${two(t.getMinutes())}`;
}

/**
 * "2026-05-01T09:30" on the newsroom's clocks → epoch ms. Undefined when it is malformed, names no
 * real day or time (31 February, 24:00), or falls in the hour a clock change skips: such a value
 * does not read back as typed. A time a clock change repeats is the first of the two.
 */
export function wallClockToMs(value: string, zone = siteTimeZone()): number | undefined {
  const m = WALL_CLOCK.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const ms = new TZDateMini(y, mo - 1, d, h, mi, zone).getTime();
  return Number.isFinite(ms) && msToWallClock(ms, zone) === value ? ms : undefined;
}

/** The instant a calendar day (YYYY-MM-DD) begins on the newsroom's clocks. */
export function dayStartMs(ymd: string, zone = siteTimeZone()): number {
  const [, y, m, d] = (DAY.exec(ymd) ?? []).map(Number) as [number, number, number, number];
  return new TZDateMini(y, m - 1, d, zone).getTime();
}

/** The day after YYYY-MM-DD, as YYYY-MM-DD. */
export function nextDay(ymd: string): string {
  const [, y, m, d] = (DAY.exec(ymd) ?? []).map(Number) as [number, number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The current time, for server components that show "is it live yet" (kept out of render purity checks). */
export const currentTime = () => Date.now();
