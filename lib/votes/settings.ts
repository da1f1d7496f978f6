// Vote and share limits and ranking thresholds from the environment, checked once with clear messages.
import { z } from 'zod';

const count = (name: string, fallback: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (!/^\d+$/.test(v) || Number(v) > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from 0 to ${max}; got "${v}".` });
        return z.NEVER;
      }
      return Number(v);
    });

const schema = z.object({
  VOTE_LIMIT_PER_MINUTE: count('VOTE_LIMIT_PER_MINUTE', 30, 1_000_000),
  VOTE_READER_LIMIT_PER_MINUTE: count('VOTE_READER_LIMIT_PER_MINUTE', 20, 1_000_000),
  MOOD_PANEL_MIN_VOTES: count('MOOD_PANEL_MIN_VOTES', 3, 1_000_000),
  MOOD_RANKING_MIN_VOTES: count('MOOD_RANKING_MIN_VOTES', 5, 1_000_000),
  SHARE_LIMIT_PER_MINUTE: count('SHARE_LIMIT_PER_MINUTE', 30, 1_000_000),
});

export type VoteSettings = {
  /** accepted votes per client address (hashed) per minute; 0 turns the limit off */
  perIpPerMinute: number;
  /** accepted votes per reader cookie per minute; 0 turns the limit off */
  perReaderPerMinute: number;
  /** votes a story needs in the window before it appears in the home page panel */
  panelMinVotes: number;
  /** votes a story needs in the window before it appears on a mood ranking page */
  rankingMinVotes: number;
  /** share clicks counted per client address (hashed) per minute; 0 turns the limit off */
  sharePerIpPerMinute: number;
};

let cached: { key: string; value: VoteSettings } | undefined;

export function voteSettings(env: NodeJS.ProcessEnv = process.env): VoteSettings {
  const key = [
    env.VOTE_LIMIT_PER_MINUTE,
    env.VOTE_READER_LIMIT_PER_MINUTE,
    env.MOOD_PANEL_MIN_VOTES,
    env.MOOD_RANKING_MIN_VOTES,
    env.SHARE_LIMIT_PER_MINUTE,
  ].join('|');
  if (cached?.key === key) return cached.value;
  const parsed = schema.safeParse({
    VOTE_LIMIT_PER_MINUTE: env.VOTE_LIMIT_PER_MINUTE,
    VOTE_READER_LIMIT_PER_MINUTE: env.VOTE_READER_LIMIT_PER_MINUTE,
    MOOD_PANEL_MIN_VOTES: env.MOOD_PANEL_MIN_VOTES,
    MOOD_RANKING_MIN_VOTES: env.MOOD_RANKING_MIN_VOTES,
    SHARE_LIMIT_PER_MINUTE: env.SHARE_LIMIT_PER_MINUTE,
  });
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
  const d = parsed.data;
  const value = {
    perIpPerMinute: d.VOTE_LIMIT_PER_MINUTE,
    perReaderPerMinute: d.VOTE_READER_LIMIT_PER_MINUTE,
    panelMinVotes: Math.max(1, d.MOOD_PANEL_MIN_VOTES),
    rankingMinVotes: Math.max(1, d.MOOD_RANKING_MIN_VOTES),
    sharePerIpPerMinute: d.SHARE_LIMIT_PER_MINUTE,
  };
  cached = { key, value };
  return value;
}
