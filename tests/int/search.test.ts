// Runs on both engines (vitest projects 'sqlite' and 'postgres'): every write goes through db/engine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsFolder, openDatabase } from '@/db/client';
import { db, engineKind, transaction } from '@/db/engine';
import { pgMigrationsFolder } from '@/db/engine/pg';
import { articles, articleTags, sections, tags } from '@/db/schema';
import { MARK_OPEN, parseQuery } from '@/lib/search-query';
import { createEmptyPostgresDatabase, createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
let temp: TestDatabase;
let search: typeof import('@/db/queries/search');

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW });
  search = await import('@/db/queries/search');
});
afterAll(() => temp.cleanup());

const find = (q: string, filters = {}, options: { page?: number; pageSize?: number; now?: number } = {}) =>
  search.searchArticles(parseQuery(q), filters, { now: NOW, ...options });
const slugs = async (q: string, filters = {}, options = {}) =>
  (await find(q, filters, options)).hits.map((h) => h.article.slug);

const sectionIds = async (...slugList: string[]) =>
  (await db().select({ id: sections.id }).from(sections).where(inArray(sections.slug, slugList))).map((r) => r.id);

let counter = 0;
type StoryFields = {
  title: string;
  body?: string;
  standfirst?: string;
  status?: 'draft' | 'review' | 'scheduled' | 'published';
  publishedAt?: number | null;
  section?: string;
  tags?: string[];
};

/** Writes a story the way the editor will: article row, then its tags, in one transaction. */
async function writeStory(tx: Parameters<Parameters<typeof transaction>[0]>[0], fields: StoryFields) {
  const slug = `search-test-${++counter}`;
  const [section] = await tx
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.slug, fields.section ?? 'sports'))
    .limit(1);
  const [row] = await tx
    .insert(articles)
    .values({
      slug,
      title: fields.title,
      standfirst: fields.standfirst ?? '',
      sectionId: section!.id,
      byline: 'Test Writer',
      body: fields.body ?? '',
      status: fields.status ?? 'published',
      publishedAt: fields.publishedAt === undefined ? NOW - DAY : fields.publishedAt,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning({ id: articles.id });
  const id = row!.id;
  for (const name of fields.tags ?? []) {
    const tagSlug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await tx.insert(tags).values({ slug: tagSlug, name }).onConflictDoNothing({ target: tags.slug });
    const [tag] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, tagSlug)).limit(1);
    await tx.insert(articleTags).values({ articleId: id, tagId: tag!.id });
  }
  return { id, slug };
}

const addStory = (fields: StoryFields) => transaction((tx) => writeStory(tx, fields));

describe('the index follows every write, in the same transaction', () => {
  it('finds a new story at once, by title, standfirst, body, tag and byline', async () => {
    const { slug } = await addStory({
      title: 'Quokkas arrive at the zoo',
      standfirst: 'Marsupial visitors',
      body: 'A keeper called Brightwater met them.',
      tags: ['Zoology news'],
    });
    for (const q of ['quokka', 'marsupial', 'brightwater', 'zoology', 'Test Writer'])
      expect(await slugs(q), q).toContain(slug);
  });

  it('forgets the old title after an edit and learns the new one', async () => {
    const { id, slug } = await addStory({ title: 'Tapir keeper retires' });
    await transaction((tx) =>
      tx
        .update(articles)
        .set({ title: 'Okapi keeper retires', body: 'Nothing about the other animal.' })
        .where(eq(articles.id, id)),
    );
    expect(await slugs('tapir')).not.toContain(slug);
    expect(await slugs('okapi')).toContain(slug);
  });

  it('follows tags added, renamed and removed', async () => {
    const { id, slug } = await addStory({ title: 'A story about nothing much', tags: ['Pangolin watch'] });
    expect(await slugs('pangolin')).toContain(slug);
    await transaction((tx) => tx.update(tags).set({ name: 'Armadillo watch' }).where(eq(tags.slug, 'pangolin-watch')));
    expect(await slugs('pangolin')).not.toContain(slug);
    expect(await slugs('armadillo')).toContain(slug);
    await transaction((tx) => tx.delete(articleTags).where(eq(articleTags.articleId, id)));
    expect(await slugs('armadillo')).not.toContain(slug);
    expect(await slugs('nothing much')).toContain(slug);
  });

  it('drops a deleted story, and a tag deleted with its stories’ rows', async () => {
    const a = await addStory({ title: 'Narwhal sighting', tags: ['Ocean oddities'] });
    const b = await addStory({ title: 'Another seahorse story', tags: ['Ocean oddities'] });
    await transaction((tx) => tx.delete(articles).where(eq(articles.id, a.id)));
    expect(await slugs('narwhal')).toEqual([]);
    await transaction((tx) => tx.delete(tags).where(eq(tags.slug, 'ocean-oddities')));
    expect(await slugs('oddities')).toEqual([]);
    expect(await slugs('seahorse')).toEqual([b.slug]);
  });

  it('leaves the index untouched when the write is rolled back', async () => {
    await expect(
      transaction(async (tx) => {
        await writeStory(tx, { title: 'Axolotl exhibition opens' });
        expect((await find('axolotl')).total, 'not visible outside the transaction before it commits').toBe(0);
        throw new Error('editor pressed cancel');
      }),
    ).rejects.toThrow('editor pressed cancel');
    expect(await slugs('axolotl')).toEqual([]);
    const left = await db()
      .select({ n: sql<number>`count(*)` })
      .from(articles)
      .where(sql`${articles.title} like 'Axolotl%'`);
    expect(left).toEqual([{ n: 0 }]);
  });

  it.runIf(engineKind() === 'sqlite')('fills the index for stories written before the migration (SQLite)', () => {
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
      const old = openDatabase(path.join(dir, 'old.db'));
      migrate(old, { migrationsFolder: before });
      old.$client.exec(`insert into sections (slug, name, created_at, updated_at) values ('s', 'S', 0, 0);
        insert into articles (slug, title, section_id, body, status, published_at, created_at, updated_at)
          values ('old', 'Story from before search', 1, 'It mentions 微信 once.', 'published', 0, 0, 0);
        insert into tags (slug, name) values ('archive', 'Archive');
        insert into article_tags values (1, 1);`);
      migrateDatabase(old);
      const row = old.$client.prepare("select rowid, tags from search_words where search_words match 'before'").get();
      expect(row).toEqual({ rowid: 1, tags: 'Archive' });
      expect(
        old.$client
          .prepare(`select count(*) as n from search_cjk_terms where term >= '微信' and term < '微信\u{10FFFF}'`)
          .get(),
      ).toEqual({ n: 1 });
      old.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(engineKind() === 'postgres')(
    'fills the index for stories written before the migration (PostgreSQL)',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-search-mig-'));
      const empty = await createEmptyPostgresDatabase();
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      try {
        const before = path.join(dir, 'pg');
        fs.cpSync(pgMigrationsFolder(), before, { recursive: true });
        const journalFile = path.join(before, 'meta', '_journal.json');
        const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
        journal.entries = journal.entries.slice(
          0,
          journal.entries.findIndex((e) => e.tag.endsWith('_search_index')),
        );
        fs.writeFileSync(journalFile, JSON.stringify(journal));
        await migratePg(drizzle(client), { migrationsFolder: before });
        await client.query(`insert into sections (slug, name, created_at, updated_at) values ('s', 'S', 0, 0);
          insert into articles (slug, title, section_id, body, status, published_at, created_at, updated_at)
            values ('old', 'Story from before search', 1, 'It mentions 微信 once.', 'published', 0, 0, 0);
          insert into tags (slug, name) values ('archive', 'Archive');
          insert into article_tags values (1, 1);`);
        await migratePg(drizzle(client), { migrationsFolder: pgMigrationsFolder() });
        const words = await client.query(
          "select article_id, tags from search_documents where words @@ phraseto_tsquery('moodwire', 'before')",
        );
        expect(words.rows).toEqual([{ article_id: 1, tags: 'Archive' }]);
        const cjk = await client.query('select count(*)::int as n from search_documents where cjk @@ $1::tsquery', [
          "'微信'",
        ]);
        expect(cjk.rows).toEqual([{ n: 1 }]);
      } finally {
        await client.end();
        await empty.cleanup();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('what readers may find', () => {
  it('never shows drafts or stories in review; shows a scheduled story from its time on', async () => {
    const draft = await addStory({ title: 'Wombat draft', status: 'draft', publishedAt: null });
    const review = await addStory({ title: 'Wombat review', status: 'review', publishedAt: null });
    const later = await addStory({ title: 'Wombat scheduled', status: 'scheduled', publishedAt: NOW + 3 * DAY });
    expect(await slugs('wombat')).toEqual([]);
    expect(await slugs('wombat', {}, { now: NOW + 3 * DAY })).toEqual([later.slug]);
    expect(await slugs('wombat', {}, { now: NOW + 3 * DAY })).not.toContain(draft.slug);
    expect(await slugs('wombat', {}, { now: NOW + 3 * DAY })).not.toContain(review.slug);
  });

  it('drops a story from the results when it is unpublished, and brings it back when republished', async () => {
    const { id, slug } = await addStory({ title: 'Capybara spa opens' });
    expect(await slugs('capybara')).toEqual([slug]);
    await transaction((tx) => tx.update(articles).set({ status: 'draft' }).where(eq(articles.id, id)));
    expect(await slugs('capybara')).toEqual([]);
    await transaction((tx) => tx.update(articles).set({ status: 'published' }).where(eq(articles.id, id)));
    expect(await slugs('capybara')).toEqual([slug]);
  });

  it('the demo drafts stay hidden, whatever words they contain', async () => {
    const drafts = await db()
      .select({ slug: articles.slug, title: articles.title })
      .from(articles)
      .where(eq(articles.status, 'draft'));
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(await slugs(d.title)).not.toContain(d.slug);
  });
});

describe('Chinese and other unspaced scripts', () => {
  it('finds the WeChat story with 微信 (two characters), 新浪微博 (four) and 微 (one)', async () => {
    for (const q of ['微信', '新浪微博', '微', 'WeChat 微信'])
      expect(await slugs(q), q).toEqual(['wechat-outage-leaves-millions-cut-off']);
    const hit = (await find('微信')).hits[0]!;
    expect(hit.snippet).toContain('微信');
    expect(hit.snippet.length).toBeLessThan(260);
  });

  it('finds a short term at the very end of a title', async () => {
    const { slug } = await addStory({ title: 'Everyone now pays with 支付' });
    expect(await slugs('支付')).toEqual([slug]);
    expect(await slugs('付')).toEqual([slug]);
  });

  it('does not match a longer term whose pieces are present but apart', async () => {
    const { slug } = await addStory({ title: '东南西北', body: '东南西 and elsewhere 南西北' });
    expect(await slugs('东南西北')).toEqual([slug]);
    const apart = await addStory({ title: 'Only pieces', body: '中华人 then 华人民' });
    expect(await slugs('中华人民')).not.toContain(apart.slug);
    expect(await slugs('中华人')).toContain(apart.slug);
  });

  it('finds Japanese, Korean and Thai terms', async () => {
    const { slug } = await addStory({ title: 'Travel notes', body: '東京タワー と 서울특별시 และ กรุงเทพมหานคร' });
    for (const q of ['タワー', '서울', 'กรุงเทพ']) expect(await slugs(q), q).toEqual([slug]);
  });

  it('ranks a story with the term in its title above one with it only in the body', async () => {
    const body = await addStory({ title: 'A quiet week', body: '据说熊猫很可爱' });
    const title = await addStory({ title: '熊猫 news' });
    expect(await slugs('熊猫')).toEqual([title.slug, body.slug]);
  });
});

describe('ranking, snippets, filters and pages', () => {
  it('weights the title: a title match beats a body match', async () => {
    const inBody = await addStory({
      title: 'Weather report',
      body: 'Today the word zephyrine appears in the body, zephyrine twice.',
    });
    const inTitle = await addStory({ title: 'Zephyrine winds', body: 'Nothing else.' });
    expect(await slugs('zephyrine')).toEqual([inTitle.slug, inBody.slug]);
  });

  it('stems English words and marks the matches in title and snippet', async () => {
    const hit = (await find('cables outages')).hits[0]!;
    expect(hit.article.slug).toBe('wechat-outage-leaves-millions-cut-off');
    expect(hit.title).toContain(`${MARK_OPEN}outage`);
    expect(hit.snippet).toContain(`${MARK_OPEN}cable`);
    expect(hit.snippet).not.toMatch(/\*\*|\]\(|^#/);
  });

  it('folds accents: cafe finds café', async () => {
    const { slug } = await addStory({ title: 'The café on the corner' });
    expect(await slugs('cafe corner')).toContain(slug);
    expect((await slugs('CAFÉ CORNER'))[0]).toBe(slug);
  });

  it('matches common words too (no stop-word list): "the who"', async () => {
    const { slug } = await addStory({ title: 'The Who play the stadium' });
    expect(await slugs('"the who"')).toContain(slug);
  });

  it('keeps HTML in a story as text in its snippet', async () => {
    await addStory({ title: 'Markup test', body: 'Before <img src=x onerror=alert(1)> quetzal after' });
    expect((await find('quetzal')).hits[0]!.snippet).not.toContain('<');
  });

  it('filters by section (with its subsections) and by date', async () => {
    const chinaNews = await sectionIds('china-news', 'weibo-wire');
    expect(await slugs('wechat', { sectionIds: chinaNews })).toContain('wechat-outage-leaves-millions-cut-off');
    const sports = await sectionIds('sports');
    expect(await slugs('wechat', { sectionIds: sports })).not.toContain('wechat-outage-leaves-millions-cut-off');
    const published = Date.parse('2013-07-22T14:10:00+08:00');
    expect(await slugs('wechat', { from: published, to: published + 1 })).toEqual([
      'wechat-outage-leaves-millions-cut-off',
    ]);
    expect(await slugs('wechat', { from: published + 1, to: published + DAY })).not.toContain(
      'wechat-outage-leaves-millions-cut-off',
    );
  });

  it('lists filtered stories newest first when there are no words', async () => {
    const result = await find('', { sectionIds: await sectionIds('sports') }, { pageSize: 100 });
    const times = result.hits.map((h) => h.article.publishedAt);
    expect(result.total).toBe(result.hits.length);
    expect(result.total).toBeGreaterThan(1);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('pages through results without repeats and reports the total past the last page', async () => {
    const all = await find('the', {}, { pageSize: 100 });
    expect(all.total).toBeGreaterThan(12);
    const first = await find('the', {}, { page: 1, pageSize: 5 });
    const second = await find('the', {}, { page: 2, pageSize: 5 });
    expect(first.total).toBe(all.total);
    expect(first.hits.map((h) => h.article.id)).toEqual(all.hits.slice(0, 5).map((h) => h.article.id));
    expect(second.hits.map((h) => h.article.id)).toEqual(all.hits.slice(5, 10).map((h) => h.article.id));
    const past = await find('the', {}, { page: 999, pageSize: 5 });
    expect(past).toEqual({ total: all.total, hits: [] });
  });

  it('answers odd queries without throwing', async () => {
    for (const q of [
      '"',
      '""',
      'a"b',
      'NEAR(',
      '*',
      '-',
      'AND OR NOT',
      '^title:x',
      "it's",
      'x'.repeat(2000),
      `${'微'.repeat(1500)}`,
      "微'信",
      '🙂',
      '\u0000',
      '(wechat',
      'wechat)',
      '\\',
      'a:* & !b',
    ]) {
      await expect(find(q), JSON.stringify(q.slice(0, 20))).resolves.toBeDefined();
    }
  });
});
