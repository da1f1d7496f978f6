// The publish-time field is a datetime-local input read in the newsroom's time zone (SITE_TIMEZONE),
// whatever the server's or the browser's own zone is.
const timeZone = () => process.env.SITE_TIMEZONE || 'Asia/Shanghai';

function offsetAt(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (ms - (ms % 1000));
}

/** "2026-05-01T09:30" in the site's zone → epoch ms; undefined when malformed. */
export function localInputToMs(value: string, zone = timeZone()): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let ms = wall - offsetAt(wall, zone);
  ms = wall - offsetAt(ms, zone); // second pass settles daylight-saving edges
  // 31 February and times skipped by a clock change do not round-trip: refuse them.
  return msToLocalInput(ms, zone) === value ? ms : undefined;
}

/** epoch ms → the datetime-local value showing it in the site's zone. */
export function msToLocalInput(ms: number, zone = timeZone()): string {
  const shifted = new Date(ms + offsetAt(ms, zone));
  return shifted.toISOString().slice(0, 16);
}

export const siteTimeZone = timeZone;

/** The current time, for server components that show "is it live yet" (kept out of render purity checks). */
export const currentTime = () => Date.now();
