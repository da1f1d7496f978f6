// The demo publication, stored as the editor stores a story: db/seed writes the rows, the editor's own
// Markdown renderer (lib/markdown.ts) makes their HTML. For every script and test that seeds a database.
import type { DB } from '../../db/client';
import { seedDemoContent } from '../../db/seed';
import { renderedBody } from '../../lib/markdown';

export function seedDemo(db: DB, options: { now?: number; publicDir?: string } = {}): { articles: number } {
  return seedDemoContent(db, { ...options, render: renderedBody });
}
