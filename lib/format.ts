// Dates as readers see them, in the newsroom's time zone (lib/time-zone.ts).
import { siteTimeZone } from './time-zone';

const timeZone = siteTimeZone();

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZoneName: 'short',
});

export const formatDate = (ms: number) => dateFormat.format(ms);
export const formatDateTime = (ms: number) => dateTimeFormat.format(ms);
export const isoDate = (ms: number) => new Date(ms).toISOString();

/** "1 of 3" style page numbers from a URL segment: a positive integer or undefined. */
export function parsePageNumber(value: string | undefined): number | undefined {
  if (value === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(value)) return undefined;
  return Number(value);
}
