// How often the read counts held in memory are written (decision 042). Checked at start-up by
// next.config.ts, so a bad value stops the start with a message.

/** READS_FLUSH_SECONDS (1–300, default 5), in ms. */
export function flushIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.READS_FLUSH_SECONDS?.trim();
  if (raw === undefined || raw === '') return 5000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 300)
    throw new Error(`Invalid configuration: READS_FLUSH_SECONDS must be a whole number from 1 to 300; got "${raw}".`);
  return Number(raw) * 1000;
}
