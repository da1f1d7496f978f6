// Loads the demo publication ("Sino-US") into an empty database, in one transaction. The Markdown of
// stories and pages is rendered by the caller's `render` (scripts/lib/seed-demo.ts passes the editor's
// own, lib/markdown.ts), so the demo is stored exactly as the editor would store it.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DB } from '@/db/client';
import { MOODS } from '@/db/schema';
// The seed writes through the SQLite connection of db/client (PostgreSQL sites get it through db:copy),
// so it uses the SQLite tables whatever DATABASE_URL says.
import * as t from '@/db/schema/sqlite';
import { slugify } from '@/lib/domain/slug';
import { articlesA } from './content/articles-a';
import { articlesB } from './content/articles-b';
import { authors } from './content/authors';
import { sections } from './content/sections';
import { seedDemoActivity } from './demo-activity';
import { pages, partners, promo, siteSettings } from './content/site';
import type { SeedArticle } from './content/types';

export const demoArticles: SeedArticle[] = [...articlesA, ...articlesB];

export function isEmpty(db: DB): boolean {
  const row = db.get<{ n: number }>(sql`select count(*) as n from sections`);
  return (row?.n ?? 0) === 0;
}

function svgSize(file: string): { width: number; height: number } {
  const text = fs.readFileSync(file, 'utf8').slice(0, 2000);
  const box = /viewBox="\s*[\d.-]+\s+[\d.-]+\s+([\d.]+)\s+([\d.]+)\s*"/.exec(text);
  return box ? { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) } : { width: 1200, height: 675 };
}

/** Markdown → what is stored of it: the source, the sanitised HTML and the word count. */
export type RenderBody = (markdown: string) => { body: string; bodyHtml: string; wordCount: number };

/**
 * Seeds the demo content. `now` fixes the time scheduled stories are counted from; `activity` adds
 * the demo's recent votes, reads and shares (the first start does; tests do not).
 */
export function seedDemoContent(
  db: DB,
  {
    render,
    now = Date.now(),
    publicDir = path.join(process.cwd(), 'public'),
    activity = false,
  }: { render: RenderBody; now?: number; publicDir?: string; activity?: boolean },
): { articles: number } {
  db.transaction((tx) => {
    const sectionIds = new Map<string, number>();
    sections.forEach((s, position) => {
      const parentId = s.parent ? sectionIds.get(s.parent) : null;
      if (parentId === undefined) throw new Error(`Section ${s.slug}: unknown parent ${s.parent}`);
      const row = tx
        .insert(t.sections)
        .values({
          slug: s.slug,
          name: s.name,
          description: s.description,
          parentId,
          position,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: t.sections.id })
        .get();
      sectionIds.set(s.slug, row.id);
    });

    const authorIds = new Map<string, number>();
    for (const a of authors) {
      const row = tx
        .insert(t.authors)
        .values({
          slug: a.slug,
          name: a.name,
          bio: a.bio,
          photoPath: `/images/authors/${a.photo}`,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: t.authors.id })
        .get();
      authorIds.set(a.slug, row.id);
    }

    const tagIds = new Map<string, number>();
    const tagId = (name: string) => {
      const slug = slugify(name);
      let id = tagIds.get(slug);
      if (id === undefined) {
        id = tx.insert(t.tags).values({ slug, name }).returning({ id: t.tags.id }).get().id;
        tagIds.set(slug, id);
      }
      return id;
    };

    for (const a of demoArticles) {
      const sectionId = sectionIds.get(a.section);
      if (sectionId === undefined) throw new Error(`Article ${a.slug}: unknown section ${a.section}`);
      const author = authors.find((x) => x.slug === a.author);
      const file = path.join(publicDir, 'images', 'stories', a.hero.file);
      const size = fs.existsSync(file) ? svgSize(file) : { width: 1200, height: 675 };
      const hero = tx
        .insert(t.media)
        .values({
          path: `/images/stories/${a.hero.file}`,
          mime: 'image/svg+xml',
          width: size.width,
          height: size.height,
          alt: a.hero.alt,
          caption: a.hero.caption,
          credit: a.hero.credit,
          createdAt: now,
        })
        .returning({ id: t.media.id })
        .get();
      const publishedAt =
        a.status === 'scheduled'
          ? now + (a.scheduledInDays ?? 7) * 86_400_000
          : a.publishedAt
            ? Date.parse(a.publishedAt)
            : null;
      const revisedAt = a.updatedAt ? Date.parse(a.updatedAt) : null;
      const row = tx
        .insert(t.articles)
        .values({
          slug: a.slug,
          title: a.title,
          standfirst: a.standfirst,
          sectionId,
          authorId: authorIds.get(a.author) ?? null,
          byline: author?.name ?? '',
          dateline: a.dateline,
          ...render(a.body),
          heroMediaId: hero.id,
          status: a.status,
          publishedAt,
          revisedAt,
          createdAt: publishedAt ?? now,
          updatedAt: revisedAt ?? publishedAt ?? now,
        })
        .returning({ id: t.articles.id })
        .get();
      for (const name of new Set(a.tags))
        tx.insert(t.articleTags)
          .values({ articleId: row.id, tagId: tagId(name) })
          .run();
      for (const mood of MOODS) tx.insert(t.voteTallies).values({ articleId: row.id, mood, count: 0 }).run();
    }

    for (const p of pages) {
      tx.insert(t.pages)
        .values({ slug: p.slug, title: p.title, body: p.body, bodyHtml: render(p.body).bodyHtml, updatedAt: now })
        .run();
    }
    partners.forEach((p, position) => tx.insert(t.partners).values({ name: p.name, url: p.url, position }).run());
    tx.insert(t.promos)
      .values({ ...promo, active: true, position: 0 })
      .run();
    for (const [key, value] of Object.entries(siteSettings))
      tx.insert(t.settings)
        .values({ key, value: String(value) })
        .run();
    if (activity) seedDemoActivity(tx, { now });
  });
  return { articles: demoArticles.length };
}
