// The benchmark generator writes data the app would have written itself, and the listing queries
// rewritten for speed still answer exactly what a plain reading of their rules gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../helpers/temp-db';
import { FULL_SIZE, generateBenchData, type GenerateOptions, type GenerateSummary } from '@/scripts/bench/generate';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const SMALL: GenerateOptions = {
  ...FULL_SIZE,
  articles: 800,
  votes: 20_000,
  shareClicks: 2_000,
  readers: 20_000,
  now: NOW,
};
let temp: ReturnType<typeof createTempDatabase>;
let summary: GenerateSummary;
let q: typeof import('@/db/queries/articles');
let s: typeof import('@/db/queries/sections');

beforeAll(async () => {
  temp = createTempDatabase({ seed: false, now: NOW });
  summary = generateBenchData(temp.db, SMALL);
  q = await import('@/db/queries/articles');
  s = await import('@/db/queries/sections');
});
afterAll(() => temp.cleanup());

const all = <T>(sql: string, ...params: unknown[]) => temp.db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => temp.db.$client.prepare(sql).get(...params) as T;

describe('benchmark generator', () => {
  it('writes the sizes asked for: 50 sections in a tree, the stories, the votes and the share clicks', () => {
    expect(one<{ n: number }>('select count(*) as n from sections').n).toBe(50);
    expect(
      one<{ n: number }>(
        'select count(*) as n from sections where parent_id in (select id from sections where parent_id is not null)',
      ).n,
    ).toBeGreaterThan(0);
    expect(one<{ n: number }>('select count(*) as n from articles').n).toBe(800);
    expect(one<{ n: number }>('select count(*) as n from votes').n).toBe(20_000);
    expect(one<{ n: number }>('select sum(count) as n from share_clicks').n).toBe(2_000);
    const statuses = Object.fromEntries(
      all<{ status: string; n: number }>('select status, count(*) as n from articles group by status').map((r) => [
        r.status,
        r.n,
      ]),
    );
    expect(statuses.published).toBeGreaterThan(700);
    expect(statuses.draft).toBeGreaterThan(0);
  });

  it('keeps vote_tallies equal to COUNT(*) of the non-voided votes, by story and mood', () => {
    const fromVotes = `select article_id, mood, count(*) from votes where voided_at is null group by 1, 2`;
    const tallies = `select article_id, mood, count from vote_tallies where count > 0`;
    expect(all(`${fromVotes} except ${tallies}`)).toEqual([]);
    expect(all(`${tallies} except ${fromVotes}`)).toEqual([]);
    expect(one<{ n: number }>('select count(*) as n from vote_tallies').n).toBe(800 * 8);
    expect(summary.voided).toBeGreaterThan(0);
  });

  it('keeps vote_hourly equal to the votes counted by the hour they were first cast', () => {
    const fromVotes = `select article_id, (created_at / 3600000) * 3600000, mood, count(*) from votes where voided_at is null group by 1, 2, 3`;
    const hourly = `select article_id, hour, mood, count from vote_hourly`;
    expect(all(`${fromVotes} except ${hourly}`)).toEqual([]);
    expect(all(`${hourly} except ${fromVotes}`)).toEqual([]);
  });

  it('casts votes only on public stories, after publication and before now, with hashed addresses', () => {
    const bad = one<{ n: number }>(
      `select count(*) as n from votes v join articles a on a.id = v.article_id
       where a.status <> 'published' or v.created_at < a.published_at or v.updated_at < v.created_at or v.updated_at > ?`,
      NOW,
    );
    expect(bad.n).toBe(0);
    const sample = all<{ ipHash: string; readerId: string; createdAt: number }>(
      'select ip_hash as ipHash, reader_id as readerId, created_at as createdAt from votes order by id desc limit 300',
    );
    for (const v of sample) {
      // Hashes are kept 48 hours, then blanked.
      expect(v.ipHash).toMatch(NOW - v.createdAt <= 48 * 3_600_000 ? /^[0-9a-f]{64}$/ : /^$/);
      expect(v.readerId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(sample.some((v) => v.ipHash !== '')).toBe(true);
    expect(
      one<{ n: number }>("select count(*) as n from votes where ip_hash <> '' and created_at < ?", NOW - 48 * 3_600_000)
        .n,
    ).toBe(0);
    expect(one<{ n: number }>('select count(distinct reader_id) as n from votes').n).toBeLessThan(20_000);
  });

  it('gives most votes to a few stories', () => {
    expect(summary.top1PercentShare).toBeGreaterThan(0.25);
    const top = one<{ n: number }>(
      'select max(c) as n from (select sum(count) as c from vote_tallies group by article_id)',
    );
    const median = all<{ c: number }>('select sum(count) as c from vote_tallies group by article_id order by c')[400]!
      .c;
    expect(top.n).toBeGreaterThan(median * 50);
  });

  it('gives the same rows for the same options', () => {
    const own = process.env.DATABASE_PATH;
    const again = createTempDatabase({ seed: false, now: NOW });
    process.env.DATABASE_PATH = own; // the queries below keep reading the first database
    try {
      const second = generateBenchData(again.db, SMALL);
      expect({ ...second, seconds: 0 }).toEqual({ ...summary, seconds: 0 });
      const digest =
        'select group_concat(reader_id || mood || created_at) as d from (select * from votes order by id limit 500)';
      expect((again.db.$client.prepare(digest).get() as { d: string }).d).toBe(one<{ d: string }>(digest).d);
    } finally {
      again.cleanup();
    }
  });
});

type Story = { id: number; sectionId: number; publishedAt: number };

describe('listing queries on 800 stories agree with a plain reading of their rules', () => {
  const publicStories = () =>
    all<Story>(
      "select id, section_id as sectionId, published_at as publishedAt from articles where status in ('published', 'scheduled') and published_at <= ?",
      NOW,
    );
  const newestFirst = (a: Story, b: Story) => b.publishedAt - a.publishedAt || b.id - a.id;

  it('section pages list their tree’s public stories newest first, page by page', async () => {
    const sections = await s.listSections();
    for (const slug of ['china-news', 'business', 'table-tennis']) {
      const ids = s.sectionAndDescendantIds(sections, (await s.getSectionBySlug(slug))!.id);
      const expected = publicStories()
        .filter((a) => ids.includes(a.sectionId))
        .sort(newestFirst)
        .map((a) => a.id);
      for (const offset of [0, 8, 40]) {
        expect(
          (await q.listArticles({ sectionIds: ids }, { limit: 8, offset, now: NOW })).map((a) => a.id),
          `${slug} from ${offset}`,
        ).toEqual(expected.slice(offset, offset + 8));
      }
    }
    expect((await q.listArticles({}, { limit: 5, now: NOW })).map((a) => a.id)).toEqual(
      publicStories()
        .sort(newestFirst)
        .slice(0, 5)
        .map((a) => a.id),
    );
  });

  it('related stories rank by shared tags plus same section, then newest', async () => {
    const tagsOf = new Map<number, Set<number>>();
    for (const r of all<{ articleId: number; tagId: number }>(
      'select article_id as articleId, tag_id as tagId from article_tags',
    )) {
      tagsOf.set(r.articleId, (tagsOf.get(r.articleId) ?? new Set()).add(r.tagId));
    }
    // A story with a topic of its own, shared only by one old story elsewhere: its list is mostly
    // the newest of its own section, which no tag leads to.
    const db = temp.db.$client;
    const sectionId = one<{ id: number }>("select id from sections where slug = 'table-tennis'").id;
    const tagId = Number(
      db.prepare("insert into tags (slug, name) values ('only-here', 'Only here')").run().lastInsertRowid,
    );
    const lonely = Number(
      db
        .prepare(
          "insert into articles (slug, title, section_id, status, published_at, created_at, updated_at) values ('lonely', 'Lonely', ?, 'published', ?, ?, ?)",
        )
        .run(sectionId, NOW - 1000, NOW, NOW).lastInsertRowid,
    );
    const oldOther = one<{ id: number }>(
      "select id from articles where status = 'published' and section_id <> ? order by published_at limit 1",
      sectionId,
    ).id;
    for (const id of [lonely, oldOther]) {
      db.prepare('insert into article_tags (article_id, tag_id) values (?, ?)').run(id, tagId);
      tagsOf.set(id, (tagsOf.get(id) ?? new Set()).add(tagId));
    }
    const stories = publicStories();
    // That story, the story whose tags are the most common, and a few ordinary ones.
    const commonest = one<{ id: number }>(
      `select at.article_id as id from article_tags at join articles a on a.id = at.article_id where a.status = 'published'
       group by at.article_id order by sum((select count(*) from article_tags x where x.tag_id = at.tag_id)) desc limit 1`,
    ).id;
    for (const subject of [
      stories.find((a) => a.id === lonely)!,
      stories.find((a) => a.id === commonest)!,
      stories[10]!,
      stories[300]!,
      stories[600]!,
    ]) {
      const mine = tagsOf.get(subject.id) ?? new Set<number>();
      const expected = stories
        .filter((a) => a.id !== subject.id)
        .map((a) => ({
          a,
          score:
            (a.sectionId === subject.sectionId ? 1 : 0) +
            [...(tagsOf.get(a.id) ?? [])].filter((t) => mine.has(t)).length,
        }))
        .filter((x) => x.score > 0)
        .sort((x, y) => y.score - x.score || newestFirst(x.a, y.a))
        .slice(0, 4)
        .map((x) => x.a.id);
      expect(
        (await q.listRelatedArticles(subject.id, subject.sectionId, { limit: 4, now: NOW })).map((a) => a.id),
        `story ${subject.id}`,
      ).toEqual(expected);
    }
  });
});
