// Every query a reader's request can run must stay fast as stories and votes pile up: no plan may read
// all of `articles`, `votes` or their rollups (see fullReadReason for the exact rule). The database is a small run of
// the benchmark generator (scripts/bench/generate.ts), so every query finds real rows; without
// ANALYZE statistics SQLite plans the same way on 800 stories as on 10,000.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_SIZE, generateBenchData } from '@/scripts/bench/generate';
import { captureStatements, explain, fullReadReason, type CapturedStatement } from '../helpers/query-plans';
import { createTempDatabase } from '../helpers/temp-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let temp: ReturnType<typeof createTempDatabase>;
let client: import('better-sqlite3').Database;
/** db/engine's read connection, which the converted query modules use. */
let engineClient: import('better-sqlite3').Database;
let q: typeof import('@/db/queries/articles');
let s: typeof import('@/db/queries/sections');
let site: typeof import('@/db/queries/site');
let votes: typeof import('@/db/queries/votes');
let moods: typeof import('@/db/queries/mood-rankings');
let story: { id: number; slug: string; sectionId: number };
let bigSection: number[];
let leafSection: number[];
let busyTag: number;
let busyAuthor: number;

beforeAll(async () => {
  temp = createTempDatabase({ seed: false, now: NOW });
  generateBenchData(temp.db, {
    ...FULL_SIZE,
    articles: 800,
    votes: 20_000,
    shareClicks: 2_000,
    readers: 20_000,
    now: NOW,
  });
  q = await import('@/db/queries/articles');
  s = await import('@/db/queries/sections');
  site = await import('@/db/queries/site');
  votes = await import('@/db/queries/votes');
  moods = await import('@/db/queries/mood-rankings');
  client = (await import('@/db')).getDb().$client;
  engineClient = ((await import('@/db/engine')).db() as unknown as { $client: import('better-sqlite3').Database })
    .$client;
  // The most voted story: the one a viral day hammers.
  story = temp.db.$client
    .prepare(
      `select a.id, a.slug, a.section_id as sectionId from articles a join vote_tallies t on t.article_id = a.id
       where a.status = 'published' group by a.id order by sum(t.count) desc limit 1`,
    )
    .get() as typeof story;
  const all = await s.listSections();
  bigSection = s.sectionAndDescendantIds(all, (await s.getSectionBySlug('china-news'))!.id);
  leafSection = s.sectionAndDescendantIds(all, (await s.getSectionBySlug('table-tennis'))!.id);
  const most = (sql: string) => (client.prepare(sql).get() as { id: number }).id;
  busyTag = most('select tag_id as id from article_tags group by tag_id order by count(*) desc limit 1');
  busyAuthor = most(
    'select author_id as id from articles where author_id is not null group by author_id order by count(*) desc limit 1',
  );
});
afterAll(() => temp.cleanup());

/**
 * The hot paths, by page. Adding a query to a page means adding one line here, e.g.
 * `['vote: cast a vote', () => castVote({ articleId: story.id, readerId: 'r1', mood: 'angry', ... })]`.
 * Each call must return something non-empty, so that it exercised its real path.
 */
const HOT_PATHS: [string, () => unknown][] = [
  ['layout: sections', () => s.listSections()],
  ['layout: site settings', () => site.getSiteSettings()],
  ['layout: partners', () => site.listPartners()],
  ['home: latest stories', () => q.listArticles({}, { limit: 5, now: NOW })],
  [
    'home/section: a big section tree, page 1',
    () => q.listArticles({ sectionIds: bigSection }, { limit: 8, now: NOW }),
  ],
  [
    'section: a big section tree, page 20',
    () => q.listArticles({ sectionIds: bigSection }, { limit: 8, offset: 152, now: NOW }),
  ],
  ['section: a leaf section', () => q.listArticles({ sectionIds: leafSection }, { limit: 8, now: NOW })],
  ['section: story count', () => q.countArticles({ sectionIds: bigSection }, NOW)],
  ['section: by slug', () => s.getSectionBySlug('table-tennis')],
  ['topic: the busiest topic, page 1', () => q.listArticles({ tagId: busyTag }, { limit: 8, now: NOW })],
  ['topic: story count', () => q.countArticles({ tagId: busyTag }, NOW)],
  [
    'author: the busiest author, page 2',
    () => q.listArticles({ authorId: busyAuthor }, { limit: 8, offset: 8, now: NOW }),
  ],
  ['author: story count', () => q.countArticles({ authorId: busyAuthor }, NOW)],
  ['feed: the newest stories with their bodies', () => q.listArticlesWithBody({}, { limit: 30, now: NOW })],
  ['article: by slug', () => q.getPublicArticleBySlug(story.slug, NOW)],
  ['article: related stories', () => q.listRelatedArticles(story.id, story.sectionId, { limit: 4, now: NOW })],
  ['article: promo', () => site.getActivePromo()],
  ['static page', () => site.getPage('copyright')],
  ['sitemap: public slugs', () => q.listPublicArticleSlugs(NOW)],
  [
    'vote: cast a vote (limits on)',
    () =>
      votes
        .castVote({
          articleId: story.id,
          readerId: 'plan-reader',
          mood: 'angry',
          intent: 'set',
          ipHash: 'plan-ip',
          limits: { perIpPerMinute: 30, perReaderPerMinute: 20 },
          now: NOW,
        })
        .then((r) => r.ok),
  ],
  [
    'vote: change it',
    () =>
      votes
        .castVote({
          articleId: story.id,
          readerId: 'plan-reader',
          mood: 'sad',
          intent: 'set',
          ipHash: 'plan-ip',
          limits: { perIpPerMinute: 30, perReaderPerMinute: 20 },
          now: NOW,
        })
        .then((r) => r.ok),
  ],
  [
    'vote: take it back',
    () =>
      votes
        .castVote({
          articleId: story.id,
          readerId: 'plan-reader',
          mood: 'sad',
          intent: 'take-back',
          ipHash: 'plan-ip',
          limits: { perIpPerMinute: 30, perReaderPerMinute: 20 },
          now: NOW,
        })
        .then((r) => r.ok),
  ],
  [
    'vote: live tallies and the reader’s choice',
    () => votes.getVoteSummary(story.id, 'plan-reader').then((s) => s.total),
  ],
  ['home: how readers feel, today', () => moods.listMoodLeaders({ window: 'day', minVotes: 1, now: NOW })],
  ['home: how readers feel, this week', () => moods.listMoodLeaders({ window: 'week', minVotes: 3, now: NOW })],
  ['mood page: last 7 days', () => moods.listMoodRanking({ mood: 'angry', window: 'week', minVotes: 1, now: NOW })],
  [
    'mood page: last 30 days, a section tree',
    () => moods.listMoodRanking({ mood: 'angry', window: 'month', minVotes: 1, sectionIds: bigSection, now: NOW }),
  ],
];

describe('query plans of the hot paths', () => {
  it.each(HOT_PATHS)('%s reads no whole table of stories or votes', async (_name, call) => {
    const { statements, restore } = captureStatements([client, engineClient]);
    let result: unknown;
    try {
      result = await call();
    } finally {
      restore();
    }
    expect(
      Array.isArray(result) ? result.length : result,
      'the call found nothing: it did not exercise its real path',
    ).toBeTruthy();
    expect(statements.length).toBeGreaterThan(0);
    const problems = statements
      .map((st: CapturedStatement) => ({ sql: st.sql, reason: fullReadReason(st.sql, explain(client, st)) }))
      .filter((p) => p.reason);
    expect(problems).toEqual([]);
  });
});

describe('the plan rule itself', () => {
  const plan = (sql: string, ...params: unknown[]) => explain(client, { sql, params });

  it('refuses a full scan of articles or votes, however it is dressed', () => {
    const bySlug = 'select id from articles where title = ?';
    expect(fullReadReason(bySlug, plan(bySlug, 'x'))).toMatch(/full scan: SCAN articles/);
    const aliased = 'select v.id from votes v where v.ip_hash = ?';
    expect(fullReadReason(aliased, plan(aliased, 'x'))).toMatch(/full scan: SCAN v/);
    const counted = 'select count(*) from votes';
    expect(fullReadReason(counted, plan(counted))).toMatch(/full scan/);
    // A ranking grouped by story: SQLite walks the whole rollup in story order rather than sort.
    const ranking =
      'select article_id, sum(count) as n from vote_hourly where hour >= ? group by article_id order by n desc limit 20';
    expect(fullReadReason(ranking, plan(ranking, NOW - 7 * 86_400_000))).toMatch(/full scan: SCAN vote_hourly/);
    const nested = `select a.title, c.n from (${ranking}) c join articles a on a.id = c.article_id order by c.n desc limit 5`;
    expect(fullReadReason(nested, plan(nested, NOW - 7 * 86_400_000))).toMatch(/full scan: SCAN vote_hourly/);
  });

  it('refuses sorting every public story to keep five, as the status index alone would', () => {
    const sql =
      "select id, title from articles where status in ('published', 'scheduled') and published_at <= ? order by published_at desc limit 5";
    expect(fullReadReason(sql, plan(sql, NOW))).toMatch(
      /sorts every matching row: SEARCH articles USING INDEX articles_status_published_idx/,
    );
  });

  it('accepts index lookups, and a newest-first walk of an index that stops at the limit', () => {
    const lookup = 'select title from articles where slug = ?';
    expect(fullReadReason(lookup, plan(lookup, story.slug))).toBeUndefined();
    const walk =
      "select id, title from articles where likely(status in ('published', 'scheduled')) and published_at <= ? order by published_at desc, id desc limit 5";
    expect(
      plan(walk, NOW)
        .map((p) => p.detail)
        .join('\n'),
    ).toMatch(/articles_public_published_idx/);
    expect(fullReadReason(walk, plan(walk, NOW))).toBeUndefined();
  });
});
