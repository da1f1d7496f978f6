// The benchmark database generator. Deterministic: the same options give the same rows.
//
// What it writes, on top of the demo publication (db/seed, 10 sections and 35 stories):
// - sections: the demo's 10 plus 40 desks below them (BENCH_SECTIONS), 50 in all, three levels deep;
// - articles: up to `articles` in all. About 97% published over the year before `now` (ids rise with
//   time), 2% drafts, 0.5% in review, 0.5% scheduled within the next week. Bodies, standfirsts and
//   photos are the demo stories' own, so pages weigh what real stories weigh; 1–4 demo tags each
//   (tag k drawn with weight 1/√k: common topics, none on most stories);
// - votes: `votes` rows on public stories. The story is drawn from a Zipf law (exponent
//   `zipfExponent`, 1.0 by default) over a random ranking of the stories, so a few stories take most
//   votes: with the defaults the top 1% take about half. Each story has its own mood profile (one
//   dominant mood, one runner-up). A vote is cast some hours after publication (exponential, mean
//   20 h, never after `now`); 5% were changed later (updated_at > created_at), 0.2% are voided.
//   Readers come from a pool of `readers` random UUIDs, distinct within a story (UNIQUE(article,
//   reader)) and reused across stories; ip_hash is an HMAC-SHA256 of a client address with a daily
//   salt for votes of the last 48 hours, and blank for older ones, as the privacy policy keeps them;
// - vote_tallies: one row per story and mood, equal to COUNT(*) of its non-voided votes;
// - vote_hourly: non-voided votes counted by the hour they were first cast, per story and mood;
// - share_clicks: `shareClicks` clicks over stories (the same Zipf law), networks (SHARE_NETWORKS
//   weights) and UTC days after publication, stored as per-day counts.
import crypto from 'node:crypto';
import type { DB } from '@/db/client';
import { MOODS } from '@/lib/domain/moods';
import { seedDemo } from '../lib/seed-demo';
import { slugify } from '@/lib/domain/slug';
import { BENCH_SECTIONS, DATELINES, HEADLINE_OBJECTS, HEADLINE_SUBJECTS, HEADLINE_VERBS, SHARE_NETWORKS } from './generator-content';

/** Bump when the generator's output changes: the cached database and the bench build are then remade. */
export const GENERATOR_VERSION = 3;

export type GenerateOptions = {
  articles: number;
  votes: number;
  shareClicks: number;
  /** distinct readers in the pool; must exceed the votes the hottest story gets */
  readers: number;
  zipfExponent: number;
  seed: number;
  /** the moment the data is anchored to: nothing is published or voted after it, except scheduled stories */
  now: number;
};

export const FULL_SIZE: GenerateOptions = {
  articles: 10_000,
  votes: 1_000_000,
  shareClicks: 100_000,
  readers: 500_000,
  zipfExponent: 1,
  seed: 20_131_122,
  now: 0,
};

export type GenerateSummary = {
  sections: number;
  articles: number;
  publicArticles: number;
  votes: number;
  voided: number;
  shareClicks: number;
  tallyRows: number;
  hourlyRows: number;
  shareRows: number;
  /** share of all votes that the top 1% of stories hold */
  top1PercentShare: number;
  hottest: { slug: string; votes: number };
  seconds: number;
};

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Address hashes older than this are blanked by the app's housekeeping. */
const IP_HASH_KEPT_MS = 48 * HOUR;

/** mulberry32: a small, fast, seedable PRNG; plenty for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Draws indexes 0..weights.length-1 in proportion to the weights. */
function weightedPicker(weights: ArrayLike<number>, random: () => number): () => number {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = sum += weights[i]!;
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Fills a freshly migrated, empty database: the demo content in its own transaction, then everything
 * else in one more. Write to a temporary file and keep it only when this returns. The caller owns the
 * connection and closes it.
 */
export function generateBenchData(db: DB, options: GenerateOptions): GenerateSummary {
  const started = performance.now();
  const { now } = options;
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sqlite = db.$client;

  seedDemo(db, { now });

  const summary = sqlite.transaction(() => {
    // ── sections ──
    const sectionIds = new Map(
      (sqlite.prepare('select id, slug from sections').all() as { id: number; slug: string }[]).map((r) => [r.slug, r.id]),
    );
    const insertSection = sqlite.prepare(
      'insert into sections (slug, name, description, parent_id, position, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    BENCH_SECTIONS.forEach((s, i) => {
      const parent = sectionIds.get(s.parent);
      if (parent === undefined) throw new Error(`bench section ${s.slug}: unknown parent ${s.parent}`);
      const id = Number(insertSection.run(s.slug, s.name, `Stories from our ${s.name} desk.`, parent, 100 + i, now, now).lastInsertRowid);
      sectionIds.set(s.slug, id);
    });
    const allSectionIds = [...sectionIds.values()];

    // ── articles ──
    type Demo = { standfirst: string; body: string; bodyHtml: string; wordCount: number; authorId: number | null; byline: string };
    const demo = sqlite
      .prepare('select standfirst, body, body_html as bodyHtml, word_count as wordCount, author_id as authorId, byline from articles')
      .all() as Demo[];
    const mediaIds = (sqlite.prepare('select id from media').all() as { id: number }[]).map((r) => r.id);
    const tagIds = (sqlite.prepare('select id from tags order by id').all() as { id: number }[]).map((r) => r.id);
    // Some topics are far more common than others, but none is on most stories.
    const pickTag = weightedPicker(tagIds.map((_, i) => 1 / Math.sqrt(i + 1)), random);
    const insertArticle = sqlite.prepare(
      `insert into articles (slug, title, standfirst, section_id, author_id, byline, dateline, body, body_html, word_count,
        hero_media_id, status, published_at, created_at, updated_at, revised_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTag = sqlite.prepare('insert into article_tags (article_id, tag_id) values (?, ?)');
    const insertTally = sqlite.prepare('insert into vote_tallies (article_id, mood, count) values (?, ?, 0)');

    const toMake = Math.max(0, options.articles - demo.length);
    const yearAgo = now - 365 * DAY;
    for (let i = 0; i < toMake; i++) {
      const source = pick(demo);
      const title = `${pick(HEADLINE_SUBJECTS)} ${pick(HEADLINE_VERBS)} ${pick(HEADLINE_OBJECTS)}`;
      const roll = random();
      const status = roll < 0.02 ? 'draft' : roll < 0.025 ? 'review' : roll < 0.03 ? 'scheduled' : 'published';
      // Evenly spread over the year, in id order, with a little jitter.
      const slot = yearAgo + ((i + random()) / toMake) * (now - yearAgo - HOUR);
      const publishedAt = status === 'published' ? Math.floor(slot) : status === 'scheduled' ? Math.floor(now + HOUR + random() * 7 * DAY) : null;
      const createdAt = Math.floor(slot - random() * 6 * HOUR);
      const revisedAt = publishedAt !== null && status === 'published' && random() < 0.1 ? Math.min(now, publishedAt + Math.floor(random() * DAY)) : null;
      const id = Number(
        insertArticle.run(
          `${slugify(title)}-${(i + 1).toString(36)}`,
          title,
          source.standfirst,
          pick(allSectionIds),
          source.authorId,
          source.byline,
          pick(DATELINES),
          source.body,
          source.bodyHtml,
          source.wordCount,
          random() < 0.9 ? pick(mediaIds) : null,
          status,
          publishedAt,
          createdAt,
          revisedAt ?? publishedAt ?? createdAt,
          revisedAt,
        ).lastInsertRowid,
      );
      const tagCount = 1 + Math.floor(random() * 4);
      const chosen = new Set<number>();
      while (chosen.size < Math.min(tagCount, tagIds.length)) chosen.add(tagIds[pickTag()]!);
      for (const tagId of chosen) insertTag.run(id, tagId);
      for (const mood of MOODS) insertTally.run(id, mood);
    }

    // ── votes ──
    const publicRows = sqlite
      .prepare("select id, slug, published_at as publishedAt from articles where status in ('published', 'scheduled') and published_at <= ?")
      .all(now) as { id: number; slug: string; publishedAt: number }[];
    // Popularity has nothing to do with age here: a year-old story can still be the most voted.
    const ranked = shuffle([...publicRows], random);
    const zipf = ranked.map((_, rank) => 1 / Math.pow(rank + 1, options.zipfExponent));
    const pickRanked = weightedPicker(zipf, random);

    const perArticle = new Int32Array(ranked.length);
    for (let v = 0; v < options.votes; v++) perArticle[pickRanked()]!++;
    const hottestCount = perArticle.reduce((m, n) => Math.max(m, n), 0);
    if (hottestCount > options.readers) throw new Error(`reader pool (${options.readers}) is smaller than the hottest story's votes (${hottestCount})`);

    const readerIds = Array.from({ length: options.readers }, () => uuid(random));
    const n = options.votes;
    const voteArticle = new Int32Array(n);
    const voteReader = new Int32Array(n);
    const voteMood = new Uint8Array(n);
    const voteCreated = new Float64Array(n);
    const voteUpdated = new Float64Array(n);
    const voteVoided = new Float64Array(n); // 0 = not voided
    let k = 0;
    ranked.forEach((article, rank) => {
      const count = perArticle[rank]!;
      if (count === 0) return;
      const weights = MOODS.map(() => 1);
      weights[Math.floor(random() * MOODS.length)]! += 8;
      weights[Math.floor(random() * MOODS.length)]! += 3;
      const pickMood = weightedPicker(weights, random);
      // An affine walk over a prime-sized pool: distinct readers for this story, different for each story.
      const start = Math.floor(random() * options.readers);
      let stride = 1 + Math.floor(random() * (options.readers - 1));
      while (gcd(stride, options.readers) !== 1) stride++;
      const window = Math.max(60_000, now - article.publishedAt - 60_000);
      for (let i = 0; i < count; i++, k++) {
        let delay = -Math.log(1 - random()) * 20 * HOUR;
        if (delay >= window) delay = random() * window;
        const created = Math.floor(article.publishedAt + delay);
        const changed = random() < 0.05 ? Math.min(now, created + Math.floor(-Math.log(1 - random()) * 2 * HOUR)) : created;
        voteArticle[k] = article.id;
        voteReader[k] = (start + ((i * stride) % options.readers)) % options.readers;
        voteMood[k] = pickMood();
        voteCreated[k] = created;
        voteUpdated[k] = changed;
        voteVoided[k] = random() < 0.002 ? Math.min(now, changed + HOUR) : 0;
      }
    });

    // Rows go in the order votes were cast, as they would in production.
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => voteCreated[a]! - voteCreated[b]! || a - b);

    const salts = new Map<string, Buffer>();
    const saltOf = (day: string) => {
      let salt = salts.get(day);
      if (!salt) salts.set(day, (salt = Buffer.from(uuid(random))));
      return salt;
    };
    const insertVote = sqlite.prepare(
      'insert into votes (article_id, reader_id, mood, ip_hash, created_at, updated_at, voided_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    const tallies = new Map<number, Int32Array>();
    const hourly = new Map<string, number>();
    let voided = 0;
    for (const i of order) {
      const articleId = voteArticle[i]!;
      const reader = voteReader[i]!;
      const mood = voteMood[i]!;
      const created = voteCreated[i]!;
      // Readers share addresses now and then (offices, campuses, mobile carriers).
      const address = `10.${(reader >> 16) & 255}.${(reader >> 8) & 255}.${reader % 211}`;
      const ipHash = now - created <= IP_HASH_KEPT_MS ? crypto.createHmac('sha256', saltOf(isoDay(created))).update(address).digest('hex') : '';
      const voidedAt = voteVoided[i]! || null;
      insertVote.run(articleId, readerIds[reader], MOODS[mood], ipHash, created, voteUpdated[i]!, voidedAt);
      if (voidedAt !== null) {
        voided++;
        continue;
      }
      let counts = tallies.get(articleId);
      if (!counts) tallies.set(articleId, (counts = new Int32Array(MOODS.length)));
      counts[mood]!++;
      const key = `${articleId}|${Math.floor(created / HOUR) * HOUR}|${mood}`;
      hourly.set(key, (hourly.get(key) ?? 0) + 1);
    }

    const updateTally = sqlite.prepare('update vote_tallies set count = ? where article_id = ? and mood = ?');
    for (const [articleId, counts] of tallies) {
      counts.forEach((count, mood) => {
        if (count > 0) updateTally.run(count, articleId, MOODS[mood]);
      });
    }
    const insertHourly = sqlite.prepare('insert into vote_hourly (article_id, hour, mood, count) values (?, ?, ?, ?)');
    for (const [key, count] of hourly) {
      const [articleId, hour, mood] = key.split('|').map(Number) as [number, number, number];
      insertHourly.run(articleId, hour, MOODS[mood], count);
    }

    // ── share clicks ──
    const pickNetwork = weightedPicker(
      SHARE_NETWORKS.map((s) => s.weight),
      random,
    );
    const shares = new Map<string, number>();
    for (let c = 0; c < options.shareClicks; c++) {
      const article = ranked[pickRanked()]!;
      let delay = -Math.log(1 - random()) * 30 * HOUR;
      const window = Math.max(60_000, now - article.publishedAt);
      if (delay >= window) delay = random() * window;
      const key = `${article.id}|${SHARE_NETWORKS[pickNetwork()]!.network}|${isoDay(article.publishedAt + delay)}`;
      shares.set(key, (shares.get(key) ?? 0) + 1);
    }
    const insertShare = sqlite.prepare('insert into share_clicks (article_id, network, day, count) values (?, ?, ?, ?)');
    for (const [key, count] of shares) {
      const [articleId, network, day] = key.split('|') as [string, string, string];
      insertShare.run(Number(articleId), network, day, count);
    }

    const sorted = Array.from(perArticle).sort((a, b) => b - a);
    const top = sorted.slice(0, Math.max(1, Math.round(sorted.length / 100))).reduce((s, x) => s + x, 0);
    const hottestRank = perArticle.indexOf(hottestCount);
    return {
      sections: allSectionIds.length,
      articles: demo.length + toMake,
      publicArticles: publicRows.length,
      votes: n,
      voided,
      shareClicks: options.shareClicks,
      tallyRows: (sqlite.prepare('select count(*) as n from vote_tallies').get() as { n: number }).n,
      hourlyRows: hourly.size,
      shareRows: shares.size,
      top1PercentShare: n === 0 ? 0 : top / n,
      hottest: { slug: ranked[hottestRank]?.slug ?? '', votes: hottestCount },
    };
  })();

  return { ...summary, seconds: (performance.now() - started) / 1000 };
}
