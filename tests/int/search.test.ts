import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsFolder, openDatabase } from '@/db/client';
import { MARK_OPEN, parseQuery } from '@/lib/search-query';
import { createTempDatabase } from '../helpers/temp-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
let temp: ReturnType<typeof createTempDatabase>;
let search: typeof import('@/db/queries/search');

beforeAll(async () => {
  temp = createTempDatabase({ now: NOW });
  search = await import('@/db/queries/search');
});
afterAll(() => temp.cleanup());

const find = (q: string, filters = {}, options: { page?: number; pageSize?: number; now?: number } = {}) =>
  search.searchArticles(parseQuery(q), filters, { now: NOW, ...options });
const slugs = (q: string, filters = {}, options = {}) => find(q, filters, options).hits.map((h) => h.article.slug);

let counter = 0;
/** Writes a story the way the editor will: article row, then its tags, in one transaction. */
function addStory(fields: {
  title: string;
  body?: string;
  standfirst?: string;
  status?: string;
  publishedAt?: number | null;
  section?: string;
  tags?: string[];
}) {
  const sql = temp.db.$client;
  const slug = `search-test-${++counter}`;
  return sql.transaction(() => {
    const sectionId = (
      sql.prepare('select id from sections where slug = ?').get(fields.section ?? 'sports') as { id: number }
    ).id;
    const { lastInsertRowid } = sql
      .prepare(
        `insert into articles (slug, title, standfirst, section_id, byline, body, status, published_at, created_at, updated_at)
         values (?, ?, ?, ?, 'Test Writer', ?, ?, ?, ?, ?)`,
      )
      .run(
        slug,
        fields.title,
        fields.standfirst ?? '',
        sectionId,
        fields.body ?? '',
        fields.status ?? 'published',
        fields.publishedAt === undefined ? NOW - DAY : fields.publishedAt,
        NOW,
        NOW,
      );
    const id = Number(lastInsertRowid);
    for (const name of fields.tags ?? []) {
      const tagSlug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      sql.prepare('insert into tags (slug, name) values (?, ?) on conflict (slug) do nothing').run(tagSlug, name);
      const tagId = (sql.prepare('select id from tags where slug = ?').get(tagSlug) as { id: number }).id;
      sql.prepare('insert into article_tags (article_id, tag_id) values (?, ?)').run(id, tagId);
    }
    return { id, slug };
  })();
}

describe('the index follows every write, in the same transaction', () => {
  it('finds a new story at once, by title, standfirst, body, tag and byline', () => {
    const { slug } = addStory({
      title: 'Quokkas arrive at the zoo',
      standfirst: 'Marsupial visitors',
      body: 'A keeper called Brightwater met them.',
      tags: ['Zoology news'],
    });
    for (const q of ['quokka', 'marsupial', 'brightwater', 'zoology', 'Test Writer'])
      expect(slugs(q), q).toContain(slug);
  });

  it('forgets the old title after an edit and learns the new one', () => {
    const { id, slug } = addStory({ title: 'Tapir keeper retires' });
    temp.db.$client
      .prepare('update articles set title = ?, body = ? where id = ?')
      .run('Okapi keeper retires', 'Nothing about the other animal.', id);
    expect(slugs('tapir')).not.toContain(slug);
    expect(slugs('okapi')).toContain(slug);
  });

  it('follows tags added, renamed and removed', () => {
    const { id, slug } = addStory({ title: 'A story about nothing much', tags: ['Pangolin watch'] });
    expect(slugs('pangolin')).toContain(slug);
    temp.db.$client.prepare("update tags set name = 'Armadillo watch' where slug = 'pangolin-watch'").run();
    expect(slugs('pangolin')).not.toContain(slug);
    expect(slugs('armadillo')).toContain(slug);
    temp.db.$client.prepare('delete from article_tags where article_id = ?').run(id);
    expect(slugs('armadillo')).not.toContain(slug);
    expect(slugs('nothing much')).toContain(slug);
  });

  it('drops a deleted story, and a tag deleted with its stories’ rows', () => {
    const a = addStory({ title: 'Narwhal sighting', tags: ['Ocean oddities'] });
    const b = addStory({ title: 'Another seahorse story', tags: ['Ocean oddities'] });
    temp.db.$client.prepare('delete from articles where id = ?').run(a.id);
    expect(slugs('narwhal')).toEqual([]);
    temp.db.$client.prepare("delete from tags where slug = 'ocean-oddities'").run();
    expect(slugs('oddities')).toEqual([]);
    expect(slugs('seahorse')).toEqual([b.slug]);
  });

  it('leaves the index untouched when the write is rolled back', () => {
    const sql = temp.db.$client;
    expect(() =>
      sql.transaction(() => {
        addStory({ title: 'Axolotl exhibition opens' });
        throw new Error('editor pressed cancel');
      })(),
    ).toThrow('editor pressed cancel');
    expect(slugs('axolotl')).toEqual([]);
    expect(sql.prepare("select count(*) as n from articles where title like 'Axolotl%'").get()).toEqual({ n: 0 });
  });

  it('fills the index for stories written before the migration', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-search-mig-'));
    try {
      // A copy of the migrations without the search index, then the real ones on top.
      const before = path.join(dir, 'drizzle');
      fs.cpSync(migrationsFolder(), before, { recursive: true });
      const journalFile = path.join(before, 'meta', '_journal.json');
      const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      // Everything before the search index (drizzle applies migrations in order, newest last).
      journal.entries = journal.entries.slice(
        0,
        journal.entries.findIndex((e) => e.tag.endsWith('_search_index')),
      );
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      const db = openDatabase(path.join(dir, 'old.db'));
      migrate(db, { migrationsFolder: before });
      db.$client.exec(`insert into sections (slug, name, created_at, updated_at) values ('s', 'S', 0, 0);
        insert into articles (slug, title, section_id, body, status, published_at, created_at, updated_at)
          values ('old', 'Story from before search', 1, 'It mentions 微信 once.', 'published', 0, 0, 0);
        insert into tags (slug, name) values ('archive', 'Archive');
        insert into article_tags values (1, 1);`);
      migrateDatabase(db);
      const row = db.$client.prepare("select rowid, tags from search_words where search_words match 'before'").get();
      expect(row).toEqual({ rowid: 1, tags: 'Archive' });
      expect(
        db.$client
          .prepare(`select count(*) as n from search_cjk_terms where term >= '微信' and term < '微信\u{10FFFF}'`)
          .get(),
      ).toEqual({ n: 1 });
      db.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what readers may find', () => {
  it('never shows drafts or stories in review; shows a scheduled story from its time on', () => {
    const draft = addStory({ title: 'Wombat draft', status: 'draft', publishedAt: null });
    const review = addStory({ title: 'Wombat review', status: 'review', publishedAt: null });
    const later = addStory({ title: 'Wombat scheduled', status: 'scheduled', publishedAt: NOW + 3 * DAY });
    expect(slugs('wombat')).toEqual([]);
    expect(slugs('wombat', {}, { now: NOW + 3 * DAY })).toEqual([later.slug]);
    expect(slugs('wombat', {}, { now: NOW + 3 * DAY })).not.toContain(draft.slug);
    expect(slugs('wombat', {}, { now: NOW + 3 * DAY })).not.toContain(review.slug);
  });

  it('drops a story from the results when it is unpublished, and brings it back when republished', () => {
    const { id, slug } = addStory({ title: 'Capybara spa opens' });
    expect(slugs('capybara')).toEqual([slug]);
    temp.db.$client.prepare("update articles set status = 'draft' where id = ?").run(id);
    expect(slugs('capybara')).toEqual([]);
    temp.db.$client.prepare("update articles set status = 'published' where id = ?").run(id);
    expect(slugs('capybara')).toEqual([slug]);
  });

  it('the demo drafts stay hidden, whatever words they contain', () => {
    const drafts = temp.db.$client.prepare("select slug, title from articles where status = 'draft'").all() as {
      slug: string;
      title: string;
    }[];
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(slugs(d.title)).not.toContain(d.slug);
  });
});

describe('Chinese and other unspaced scripts', () => {
  it('finds the WeChat story with 微信 (two characters), 新浪微博 (four) and 微 (one)', () => {
    for (const q of ['微信', '新浪微博', '微', 'WeChat 微信'])
      expect(slugs(q), q).toEqual(['wechat-outage-leaves-millions-cut-off']);
    const hit = find('微信').hits[0]!;
    expect(hit.snippet).toContain('微信');
    expect(hit.snippet.length).toBeLessThan(260);
  });

  it('finds a short term at the very end of a title', () => {
    const { slug } = addStory({ title: 'Everyone now pays with 支付' });
    expect(slugs('支付')).toEqual([slug]);
  });

  it('does not match a longer term whose trigrams are present but apart', () => {
    const { slug } = addStory({ title: '东南西北', body: '东南西 and elsewhere 南西北' });
    expect(slugs('东南西北')).toEqual([slug]);
    const apart = addStory({ title: 'Only pieces', body: '中华人 then 华人民' });
    expect(slugs('中华人民')).not.toContain(apart.slug);
    expect(slugs('中华人')).toContain(apart.slug);
  });

  it('ranks a story with the term in its title above one with it only in the body', () => {
    const body = addStory({ title: 'A quiet week', body: '据说熊猫很可爱' });
    const title = addStory({ title: '熊猫 news' });
    expect(slugs('熊猫')).toEqual([title.slug, body.slug]);
  });
});

describe('ranking, snippets, filters and pages', () => {
  it('weights the title: a title match beats a body match', () => {
    const inBody = addStory({
      title: 'Weather report',
      body: 'Today the word zephyrine appears in the body, zephyrine twice.',
    });
    const inTitle = addStory({ title: 'Zephyrine winds', body: 'Nothing else.' });
    expect(slugs('zephyrine')).toEqual([inTitle.slug, inBody.slug]);
  });

  it('stems English words and marks the matches in title and snippet', () => {
    const hit = find('cables outages').hits[0]!;
    expect(hit.article.slug).toBe('wechat-outage-leaves-millions-cut-off');
    expect(hit.title).toContain(`${MARK_OPEN}outage`);
    expect(hit.snippet).toContain(`${MARK_OPEN}cable`);
    expect(hit.snippet).not.toMatch(/\*\*|\]\(|^#/);
  });

  it('keeps HTML in a story as text in its snippet', () => {
    addStory({ title: 'Markup test', body: 'Before <img src=x onerror=alert(1)> quetzal after' });
    expect(find('quetzal').hits[0]!.snippet).not.toContain('<');
  });

  it('filters by section (with its subsections) and by date', () => {
    const chinaNews = temp.db.$client
      .prepare("select id from sections where slug in ('china-news', 'weibo-wire')")
      .all()
      .map((r) => (r as { id: number }).id);
    expect(slugs('wechat', { sectionIds: chinaNews })).toContain('wechat-outage-leaves-millions-cut-off');
    const sports = (temp.db.$client.prepare("select id from sections where slug = 'sports'").get() as { id: number })
      .id;
    expect(slugs('wechat', { sectionIds: [sports] })).not.toContain('wechat-outage-leaves-millions-cut-off');
    const published = Date.parse('2013-07-22T14:10:00+08:00');
    expect(slugs('wechat', { from: published, to: published + 1 })).toEqual(['wechat-outage-leaves-millions-cut-off']);
    expect(slugs('wechat', { from: published + 1, to: published + DAY })).not.toContain(
      'wechat-outage-leaves-millions-cut-off',
    );
  });

  it('lists filtered stories newest first when there are no words', () => {
    const sports = (temp.db.$client.prepare("select id from sections where slug = 'sports'").get() as { id: number })
      .id;
    const result = find('', { sectionIds: [sports] }, { pageSize: 100 });
    const times = result.hits.map((h) => h.article.publishedAt);
    expect(result.total).toBe(result.hits.length);
    expect(result.total).toBeGreaterThan(1);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('pages through results without repeats and reports the total past the last page', () => {
    const all = find('the', {}, { pageSize: 100 });
    expect(all.total).toBeGreaterThan(12);
    const first = find('the', {}, { page: 1, pageSize: 5 });
    const second = find('the', {}, { page: 2, pageSize: 5 });
    expect(first.total).toBe(all.total);
    expect(first.hits.map((h) => h.article.id)).toEqual(all.hits.slice(0, 5).map((h) => h.article.id));
    expect(second.hits.map((h) => h.article.id)).toEqual(all.hits.slice(5, 10).map((h) => h.article.id));
    const past = find('the', {}, { page: 999, pageSize: 5 });
    expect(past).toEqual({ total: all.total, hits: [] });
  });

  it('answers odd queries without throwing', () => {
    for (const q of [
      '"',
      '""',
      'a"b',
      'NEAR(',
      '*',
      '-',
      'AND OR NOT',
      '^title:x',
      'x'.repeat(2000),
      `${'微'.repeat(1500)}`,
      '🙂',
      '\u0000',
      '(wechat',
      'wechat)',
    ]) {
      expect(() => find(q), JSON.stringify(q.slice(0, 20))).not.toThrow();
    }
  });
});
