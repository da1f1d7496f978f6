// Believable recent reader activity for the demo publication (issue 20 §5, decision 044): votes, reads
// and shares spread over the 30 days before the install, so that on a fresh site the home page's
// panels, the mood rankings and insights show life instead of "Not enough votes yet". Seeded once, on
// the first start (scripts/start.ts), never into test databases.
//
// Marked as demo data and removable (npm run admin -- remove-demo-activity): demo votes have reader ids
// starting with `demo:` (a reader cookie holds a random UUID and is signed, so no reader can carry
// one), and what the demo added to the read and share counters is kept in demo_activity, to be taken
// away exactly. Deterministic: the same install time gives the same activity.
import { sql } from 'drizzle-orm';
import type { DB } from '@/db/client';
import * as t from '@/db/schema/sqlite';
import { MOODS, type Mood } from '@/lib/domain/moods';
import { LINK_NETWORKS } from '@/lib/domain/share-networks';
import { recomputeVoteRollups } from '../vote-rollups';

export const DEMO_READER_PREFIX = 'demo:';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const DAYS = 30;

type Story = { id: number; publishedAt: number };
export type DemoVote = { articleId: number; readerId: string; mood: Mood; createdAt: number };
export type DemoPlan = {
  votes: DemoVote[];
  reads: { articleId: number; hour: number; count: number }[];
  shares: { articleId: number; network: string; day: string; count: number }[];
};

/** A small seeded generator (mulberry32): the same seed, the same activity. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly { item: T; weight: number }[], r: number): T {
  const total = items.reduce((n, i) => n + i.weight, 0);
  let at = r * total;
  for (const i of items) {
    at -= i.weight;
    if (at <= 0) return i.item;
  }
  return items[items.length - 1]!.item;
}

/**
 * What to seed, given the public stories and the install time. Each story gets a popularity (a few
 * stories draw most readers, as on a real site), a mood profile led by one or two moods (so every
 * mood has stories it leads), and activity that is busiest in the most recent days, with the usual
 * daily rhythm. About one reader in twelve votes and one in sixty shares.
 */
export function planDemoActivity(stories: readonly Story[], now: number): DemoPlan {
  const rnd = random(Math.floor(now / DAY_MS));
  const plan: DemoPlan = { votes: [], reads: [], shares: [] };
  const start = Math.floor(now / HOUR_MS) * HOUR_MS - DAYS * DAY_MS;
  let reader = 0;
  stories.forEach((story, index) => {
    // Zipf-like popularity: the first ranks read most; ranks shuffled by the seed.
    const rank = 1 + Math.floor(rnd() * stories.length);
    const dailyReads = Math.round(900 / rank + 40 + rnd() * 60);
    // Moods: the story's lead mood goes round the eight (every mood leads a few stories), a second
    // one is drawn, the rest share a little.
    const lead = MOODS[index % MOODS.length]!;
    const second = MOODS[Math.floor(rnd() * MOODS.length)]!;
    const moods = MOODS.map((mood) => ({
      item: mood,
      weight: mood === lead ? 6 : mood === second ? 2.5 : mood === 'no_comment' ? 0.3 : 0.5 + rnd(),
    }));
    const voteRate = 0.06 + rnd() * 0.05;
    const shareRate = 0.01 + rnd() * 0.015;
    const shareNetworks = LINK_NETWORKS.map((n, i) => ({ item: n as string, weight: i === 0 ? 3 : 1 + rnd() * 2 }));
    const shares = new Map<string, number>();
    const firstHour = Math.max(start, Math.ceil(story.publishedAt / HOUR_MS) * HOUR_MS);
    for (let hour = firstHour; hour < now; hour += HOUR_MS) {
      const daysAgo = (now - hour) / DAY_MS;
      // Busiest lately; quieter at night (UTC+8, the demo's readers), a little noise.
      const recency = 0.35 + 0.65 * Math.exp(-daysAgo / 6);
      const localHour = (new Date(hour).getUTCHours() + 8) % 24;
      const rhythm = localHour < 6 ? 0.25 : localHour < 9 || localHour > 22 ? 0.7 : 1.2;
      const expected = (dailyReads / 24) * recency * rhythm * (0.6 + rnd() * 0.8);
      const reads = Math.round(expected);
      if (reads === 0) continue;
      plan.reads.push({ articleId: story.id, hour, count: reads });
      let votes = 0;
      for (let i = 0; i < reads; i++) if (rnd() < voteRate) votes++;
      for (let i = 0; i < votes; i++)
        plan.votes.push({
          articleId: story.id,
          readerId: `${DEMO_READER_PREFIX}${(reader++).toString(36)}`,
          mood: pick(moods, rnd()),
          createdAt: Math.min(now - 1, hour + Math.floor(rnd() * HOUR_MS)),
        });
      const day = new Date(hour).toISOString().slice(0, 10);
      for (let i = 0; i < reads; i++)
        if (rnd() < shareRate) {
          const key = `${pick(shareNetworks, rnd())}/${day}`;
          shares.set(key, (shares.get(key) ?? 0) + 1);
        }
    }
    for (const [key, count] of shares) {
      const [network, day] = key.split('/') as [string, string];
      plan.shares.push({ articleId: story.id, network, day, count });
    }
  });
  return plan;
}

const CHUNK = 400;
function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Writes the plan for the public stories of the seed's own transaction (the demo seed writes SQLite;
 * PostgreSQL sites get it through db:copy). Returns what was added.
 */
export function seedDemoActivity(tx: Pick<DB, 'insert' | 'run' | 'all'>, { now }: { now: number }) {
  const stories = tx.all<Story>(sql`select id, published_at as "publishedAt" from articles
    where status = 'published' and published_at <= ${now} order by id`);
  const plan = planDemoActivity(stories, now);
  for (const rows of chunks(plan.votes))
    tx.insert(t.votes)
      .values(rows.map((v) => ({ ...v, updatedAt: v.createdAt })))
      .run();
  for (const story of stories) recomputeVoteRollups(tx, story.id);
  for (const rows of chunks(plan.reads)) {
    tx.insert(t.articleReads).values(rows).run();
    tx.insert(t.demoActivity)
      .values(
        rows.map((r) => ({ kind: 'read' as const, articleId: r.articleId, bucket: String(r.hour), count: r.count })),
      )
      .run();
  }
  for (const rows of chunks(plan.shares)) {
    tx.insert(t.shareClicks).values(rows).run();
    tx.insert(t.demoActivity)
      .values(
        rows.map((r) => ({
          kind: 'share' as const,
          articleId: r.articleId,
          bucket: `${r.network}/${r.day}`,
          count: r.count,
        })),
      )
      .run();
  }
  return {
    votes: plan.votes.length,
    reads: plan.reads.reduce((n, r) => n + r.count, 0),
    shares: plan.shares.reduce((n, s) => n + s.count, 0),
  };
}
