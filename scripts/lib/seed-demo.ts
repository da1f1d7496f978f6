// The demo publication, stored as the editor stores a story: db/seed writes the rows, the editor's own
// Markdown renderer (lib/markdown.ts) makes their HTML. For every script and test that seeds a database,
// on SQLite or (through db:copy) on PostgreSQL.
import type { DB } from '../../db/client';
import { seedDemoContent } from '../../db/seed';
import { seedPostgres } from '../../db/seed/postgres';
import { renderedBody } from '../../lib/markdown';

export function seedDemo(
  db: DB,
  options: { now?: number; publicDir?: string; activity?: boolean } = {},
): { articles: number } {
  return seedDemoContent(db, { ...options, render: renderedBody });
}

/** The demo publication in an empty PostgreSQL database; returns the number of stories. */
export function seedDemoPostgres(url: string, options: { now?: number; activity?: boolean } = {}): Promise<number> {
  return seedPostgres(url, { ...options, render: renderedBody });
}
