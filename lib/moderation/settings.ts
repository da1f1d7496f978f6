// Burst and spike thresholds from the environment, checked with clear messages (README: Moderation).
import { z } from 'zod';
import type { ModerationSettings } from '@/db/queries/moderation';

const count = (name: string, fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}; got "${v}".` });
        return z.NEVER;
      }
      return Number(v);
    });

const schema = z.object({
  BURST_MIN_VOTES: count('BURST_MIN_VOTES', 20, 2, 1_000_000),
  BURST_WINDOW_MINUTES: count('BURST_WINDOW_MINUTES', 10, 1, 24 * 60),
  SPIKE_MIN_VOTES: count('SPIKE_MIN_VOTES', 50, 1, 1_000_000),
  SPIKE_FACTOR: count('SPIKE_FACTOR', 10, 2, 1_000),
  SPIKE_LOOKBACK_DAYS: count('SPIKE_LOOKBACK_DAYS', 7, 1, 30),
});

export function moderationSettings(env: Record<string, string | undefined> = process.env): ModerationSettings {
  const parsed = schema.safeParse({
    BURST_MIN_VOTES: env.BURST_MIN_VOTES,
    BURST_WINDOW_MINUTES: env.BURST_WINDOW_MINUTES,
    SPIKE_MIN_VOTES: env.SPIKE_MIN_VOTES,
    SPIKE_FACTOR: env.SPIKE_FACTOR,
    SPIKE_LOOKBACK_DAYS: env.SPIKE_LOOKBACK_DAYS,
  });
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
  const d = parsed.data;
  return {
    burstMinVotes: d.BURST_MIN_VOTES,
    burstWindowMs: d.BURST_WINDOW_MINUTES * 60_000,
    spikeMinVotes: d.SPIKE_MIN_VOTES,
    spikeFactor: d.SPIKE_FACTOR,
    spikeLookbackMs: d.SPIKE_LOOKBACK_DAYS * 86_400_000,
  };
}
