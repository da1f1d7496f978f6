// Direct access to the e2e servers' SQLite files: planting data a test needs, and assertions a page
// cannot show (row counts).
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type DB } from '../../db/client';

export function openE2eDatabase(): Database.Database {
  const file = process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`;
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

type PlantedStory = { slug: string; title: string; bodyHtml: string; sectionSlug?: string };

const PLANT_STORY = `insert into articles (slug, title, standfirst, section_id, byline, body, body_html, status, published_at, created_at, updated_at)
  values (?, ?, '', (select id from sections where slug = ?), 'Test Desk', '', ?, 'published', ?, ?, ?) returning id`;
const plantParams = ({ slug, title, bodyHtml, sectionSlug = 'culture' }: PlantedStory, now = Date.now()) => [
  slug,
  title,
  sectionSlug,
  bodyHtml,
  now - 60_000,
  now,
  now,
];

/** Inserts a published story straight into the database (bypassing the editor and its sanitiser). */
export function plantArticle(db: Database.Database, story: PlantedStory): number {
  return (db.prepare(PLANT_STORY).get(...plantParams(story)) as { id: number }).id;
}

/** plantArticle on the main e2e server's database, whichever engine it runs on. */
export async function plantStory(story: PlantedStory): Promise<number> {
  const [row] = await e2eQuery<{ id: number }>(PLANT_STORY, plantParams(story));
  return Number(row!.id);
}

export const e2eDatabasePath = process.env.E2E_DATABASE_PATH || path.join(process.cwd(), 'data', 'test', 'e2e.db');
export const limitsDatabasePath = e2eDatabasePath.replace(/\.db$/, '') + '-limits.db';
export const limitsBaseUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 1}`;

const open = new Map<string, DB>();

export function e2eDb(file: string = e2eDatabasePath): DB {
  let db = open.get(file);
  if (!db) {
    db = openDatabase(file);
    open.set(file, db);
  }
  return db;
}

/**
 * A statement on the main e2e server's database, whichever engine it runs on: the PostgreSQL run of the
 * browser suite (scripts/test.sh) sets E2E_DATABASE_URL. Parameters are written `?`. With `file`, a
 * SQLite file of a server of the test's own.
 */
export async function e2eQuery<T>(text: string, params: unknown[] = [], file?: string): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL?.trim();
  if (file || !url) {
    const statement = e2eDb(file).$client.prepare(text);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  }
  let n = 0;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (
      await client.query(
        text.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as T[];
  } finally {
    await client.end();
  }
}

export async function articleIdOf(slug: string, file?: string): Promise<number> {
  const [row] = await e2eQuery<{ id: number }>('select id from articles where slug = ?', [slug], file);
  if (!row) throw new Error(`No article ${slug}`);
  return Number(row.id);
}

export async function countVotes(articleId: number, file?: string): Promise<number> {
  const [row] = await e2eQuery<{ n: number }>(
    'select count(*) as n from votes where article_id = ?',
    [articleId],
    file,
  );
  return Number(row!.n);
}

export function tallySum(articleId: number, file?: string): number {
  return (
    e2eDb(file)
      .$client.prepare('select coalesce(sum(count), 0) as n from vote_tallies where article_id = ?')
      .get(articleId) as { n: number }
  ).n;
}

/** Every tally in the file equals COUNT(*) of current votes by article and mood. */
export function talliesMismatches(file?: string): unknown[] {
  return e2eDb(file)
    .$client.prepare(
      `select t.article_id, t.mood, t.count, coalesce(v.n, 0) as actual from vote_tallies t
       left join (select article_id, mood, count(*) as n from votes where voided_at is null group by 1, 2) v
         on v.article_id = t.article_id and v.mood = t.mood
       where t.count <> coalesce(v.n, 0)`,
    )
    .all();
}

export function readerVotes(articleId: number, readerId: string, file?: string): number {
  return (
    e2eDb(file)
      .$client.prepare('select count(*) as n from votes where article_id = ? and reader_id = ?')
      .get(articleId, readerId) as { n: number }
  ).n;
}
