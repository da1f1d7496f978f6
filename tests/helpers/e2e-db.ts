// Direct access to the database the e2e server runs on, for planting data a test needs.
import Database from 'better-sqlite3';

export function openE2eDatabase(): Database.Database {
  const file = process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`;
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Inserts a published story straight into the database (bypassing the editor and its sanitiser). */
export function plantArticle(db: Database.Database, { slug, title, bodyHtml, sectionSlug = 'culture' }: { slug: string; title: string; bodyHtml: string; sectionSlug?: string }): number {
  const now = Date.now();
  const section = db.prepare('select id from sections where slug = ?').get(sectionSlug) as { id: number };
  const row = db
    .prepare(
      `insert into articles (slug, title, standfirst, section_id, byline, body, body_html, status, published_at, created_at, updated_at)
       values (?, ?, '', ?, 'Test Desk', '', ?, 'published', ?, ?, ?) returning id`,
    )
    .get(slug, title, section.id, bodyHtml, now - 60_000, now, now) as { id: number };
  return row.id;
}
