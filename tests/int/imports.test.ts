// `npm run import` on both engines (vitest projects 'sqlite' and 'postgres'): the WordPress and Ghost
// exports under tests/fixtures/import/, written for the project, brought into the seeded demo site.
// What readers get (public stories at their new addresses, old addresses answering with the new one,
// clean HTML), what staff get (sections in their tree, drafts as drafts, photos processed), and that a
// second run changes nothing. Decisions 060 and 061.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, transaction } from '@/db/engine';
import { articles, articleTags, authors, media, redirects, sections, storyRevisions, tags } from '@/db/schema';
import type { ImportReport } from '@/lib/import/run';
import type { SourceBundle } from '@/lib/import/types';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');
const NOW = Date.UTC(2026, 11, 6, 8, 0, 0);

let temp: TestDatabase;
let dir: string;
let uploads: string;
let run: typeof import('@/lib/import/run');
let wordpress: typeof import('@/lib/import/wordpress');
let ghost: typeof import('@/lib/import/ghost');
let types: typeof import('@/lib/import/types');
let reader: typeof import('@/db/queries/articles');
let paths: typeof import('@/lib/renamed-paths');
let first: ImportReport;

const wxr = () => fs.readFileSync(path.join(FIXTURES, 'wordpress.xml'), 'utf8');
const ghostJson = () => fs.readFileSync(path.join(FIXTURES, 'ghost.json'), 'utf8');

async function story(slug: string) {
  const [row] = await db().select().from(articles).where(eq(articles.slug, slug));
  return row;
}
const count = async (table: typeof articles | typeof media | typeof redirects | typeof sections) =>
  Number(
    (
      await db()
        .select({ n: sql<number>`count(*)` })
        .from(table)
    )[0]!.n,
  );

/** A photo of our own making, as the old site's uploads folder would hold it. */
async function photo(file: string, colour: { r: number; g: number; b: number }) {
  fs.mkdirSync(path.dirname(path.join(uploads, file)), { recursive: true });
  await sharp({ create: { width: 900, height: 560, channels: 3, background: colour } })
    .jpeg()
    .toFile(path.join(uploads, file));
}

beforeAll(async () => {
  temp = await createTestDatabase({ seed: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-import-'));
  // Photos are written beside the database (its folder): on PostgreSQL, a folder of this test's own.
  if (temp.kind === 'postgres') process.env.DATABASE_PATH = path.join(dir, 'beside.db');
  uploads = path.join(dir, 'uploads');
  await photo('2024/03/harbour.jpg', { r: 20, g: 60, b: 120 });
  await photo('2024/04/kelp.jpg', { r: 30, g: 120, b: 60 });
  run = await import('@/lib/import/run');
  wordpress = await import('@/lib/import/wordpress');
  ghost = await import('@/lib/import/ghost');
  types = await import('@/lib/import/types');
  reader = await import('@/db/queries/articles');
  paths = await import('@/lib/renamed-paths');
  first = await run.importBundle(wordpress.readWordPress(wxr()), { uploads, now: NOW });
});
afterAll(async () => {
  await temp.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a WordPress export', () => {
  it('brings posts in as stories, and says what it left out and why', () => {
    expect(first.stories).toMatchObject({ created: 7, updated: 0, unchanged: 0 });
    expect(first.statuses).toEqual({ published: 4, scheduled: 1, review: 0, draft: 2 });
    const left = first.skipped.map((s) => `${s.what}: ${s.reason}`);
    expect(left).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^“About the Ledger”: a WordPress page/),
        expect.stringMatching(/^“Old draft nobody wanted”: in the trash/),
        expect.stringMatching(/^“quay-map”: an attachment/),
      ]),
    );
    const notes = first.notes.map((s) => `${s.what}: ${s.reason}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        '“Night ferries return to the east harbour”: a [gallery] shortcode was left out',
        expect.stringMatching(
          /^“灯塔重新点亮”: its featured image is missing from the uploads folder \(2024\/03\/lighthouse\.jpg\)/,
        ),
        expect.stringMatching(/^“灯塔重新点亮”: a WordPress embed block/),
        '“Harbour office closes for the holiday”: had no publish date: dated with the time of this import',
        '“Memo to the night desk”: private on the old site: imported as a draft',
      ]),
    );
  });

  it('keeps the categories’ tree as sections, and matches one the site already has', async () => {
    const all = await db().select({ id: sections.id, slug: sections.slug, parentId: sections.parentId }).from(sections);
    const bySlug = new Map(all.map((s) => [s.slug, s]));
    expect(bySlug.get('east-quay')!.parentId).toBe(bySlug.get('asia-desk')!.id);
    expect(bySlug.get('asia-desk')!.parentId).toBe(bySlug.get('harbour-world')!.id);
    expect(bySlug.get('harbour-world')!.parentId).toBeNull();
    // The demo has a Culture section: the category joins it rather than making "culture-2".
    expect(all.filter((s) => s.slug.startsWith('culture'))).toHaveLength(1);
    expect(first.sections).toMatchObject({ created: 4, matched: 1 });
  });

  it('gives readers the story at its new address, with its date, section, tags, author and photo', async () => {
    const found = await reader.getPublicArticleBySlug('night-ferries-return');
    expect(found).toBeDefined();
    expect(found!.title).toBe('Night ferries return to the east harbour');
    expect(found!.standfirst).toBe('Later boats for late shifts.');
    expect(found!.publishedAt).toBe(Date.UTC(2024, 2, 5, 6, 30));
    expect(found!.sectionSlug).toBe('east-quay');
    expect(found!.author).toEqual({ slug: 'mei', name: 'Mei Tan' });
    expect(found!.tags.map((t) => t.slug)).toEqual(['ferries']);
    expect(found!.hero?.alt).toBe('Ferry at dusk');
    expect(found!.hero?.caption).toBe('The 23:30 boat leaving the east quay.');
    // Processed like an editor's upload: WebP renditions in the site's media store (files beside a
    // SQLite database, rows in PostgreSQL: decision 055).
    const [, key, file] = /media\/([^/]+)\/([^/]+)$/.exec(found!.hero!.path)!;
    const { mediaStore } = await import('@/lib/media/store');
    const stored = await mediaStore().read(key!, file!);
    expect(stored?.contentType).toBe('image/webp');
    expect(stored!.bytes.length).toBeGreaterThan(0);
    expect(found!.hero!.variants.map((v) => v.width)).toEqual([320, 640, 900, 900, 900]);
  });

  it('converts the HTML to the editor’s Markdown and cleans what must not reach readers', async () => {
    const row = await story('night-ferries-return');
    expect(row!.body).toContain('**half past eleven**');
    expect(row!.body).toContain('*The 23:30 boat leaving the east quay.*');
    expect(row!.body).toContain('[the full timetable](https://ledger.example.org/timetable/)');
    // A writer's own brackets stay text; a {{photo}} written in the old post is not one of our photo blocks.
    expect(row!.body).toContain('{\\{photo 1}}');
    expect(row!.bodyHtml).toContain('[sic]');
    expect(row!.bodyHtml).toContain('Skippers asked for the change in January.<br />Passengers signed a petition too.');
    for (const bad of ['<script', 'stolen', 'onerror', 'onclick', 'javascript:', '[gallery', '<img', '<figure'])
      expect(row!.bodyHtml).not.toContain(bad);
    for (const bad of ['<script', 'onerror', 'javascript:', '[gallery', '[caption'])
      expect(row!.body).not.toContain(bad);
    // The editor's history starts with the imported text.
    const revisions = await db().select().from(storyRevisions).where(eq(storyRevisions.articleId, row!.id));
    expect(revisions.map((r) => r.kind)).toEqual(['save']);
    const table = await story('deng-ta-chong-xin-dian-liang');
    expect(table!.body).toContain('| Year | Keeper |');
    expect(table!.bodyHtml).toContain('<td>A. Berg</td>');
  });

  it('transliterates a slug in another script, and gives a slug the demo already uses a -2', async () => {
    const chinese = await story('deng-ta-chong-xin-dian-liang');
    expect(chinese!.title).toBe('灯塔重新点亮');
    expect(chinese!.heroMediaId).toBeNull(); // its photo was missing
    const [tag] = await db().select().from(tags).where(eq(tags.name, '灯塔'));
    expect(tag!.slug).toBe('deng-ta');
    const links = await db().select().from(articleTags).where(eq(articleTags.tagId, tag!.id));
    expect(links.map((l) => l.articleId)).toEqual([chinese!.id]);
    const market = await story('night-markets-reopen-after-summer-storms-2');
    expect(market!.title).toBe('Night markets reopen after summer storms');
    // The demo's story keeps its address and its text.
    expect((await story('night-markets-reopen-after-summer-storms'))!.body).not.toContain('fish quay');
  });

  it('keeps drafts as drafts, dates an undated post, schedules a future one', async () => {
    const draft = await story('tide-tables-explained');
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null });
    const [fallback] = await db().select().from(sections).where(eq(sections.id, draft!.sectionId));
    expect(fallback!.slug).toBe('from-wordpress');
    expect(await reader.getPublicArticleBySlug('tide-tables-explained')).toBeUndefined();
    expect(await story('memo-night-desk')).toMatchObject({ status: 'draft', publishedAt: null });
    expect(await story('harbour-office-holiday')).toMatchObject({ status: 'published', publishedAt: NOW });
    expect(await story('summer-timetable')).toMatchObject({
      status: 'scheduled',
      publishedAt: Date.UTC(2031, 5, 1),
    });
    // The author without an e-mail address is an author page like any other.
    const [oskar] = await db().select().from(authors).where(eq(authors.slug, 'oskar-lind'));
    expect(oskar!.name).toBe('Oskar Lind');
  });

  it('answers the old addresses with the new ones, and unknown addresses with nothing', async () => {
    const to = '/news/night-ferries-return';
    expect(await paths.renamedLocation('/2024/03/05/night-ferries-return/', '')).toBe(to);
    expect(await paths.renamedLocation('/night-ferries-return', '?utm_source=x')).toBe(`${to}?utm_source=x`);
    const [byId] = await db().select().from(redirects).where(eq(redirects.fromPath, '/?p=101'));
    expect(byId!.toPath).toBe(to);
    // A browser sends the Chinese slug percent-encoded, in capitals.
    expect(await paths.renamedLocation(encodeURI('/2024/03/08/灯塔重新点亮/'), '')).toBe(
      '/news/deng-ta-chong-xin-dian-liang',
    );
    expect(await paths.renamedLocation('/category/harbour-world/asia-desk/east-quay', '')).toBe('/section/east-quay');
    expect(await paths.renamedLocation('/category/east-quay/page/3/', '')).toBe('/section/east-quay/page/3');
    expect(await paths.renamedLocation(encodeURI('/tag/灯塔'), '')).toBe('/tag/deng-ta');
    for (const unknown of [
      '/2024/03/05/no-such-post',
      '/category/nothing',
      '/night-ferries-return/page/2',
      '/%E0%A4%A',
    ])
      expect(await paths.renamedLocation(unknown, '')).toBeUndefined();
    // WordPress's plain links reach the home page: the proxy answers them.
    const { NextRequest } = await import('next/server');
    const { oldWordPressLinkGate } = await import('@/lib/proxy/old-wordpress-links');
    const plain = await oldWordPressLinkGate(new NextRequest('http://127.0.0.1:3000/?p=101'));
    expect(plain?.status).toBe(301);
    expect(new URL(plain!.headers.get('location')!).pathname).toBe(to);
    for (const other of ['/?p=999', '/?p=101abc', '/?page_id=101', '/news/x?p=101'])
      expect(await oldWordPressLinkGate(new NextRequest(`http://127.0.0.1:3000${other}`))).toBeUndefined();
    // Drafts had no public address: none of theirs redirects.
    expect(await db().select().from(redirects).where(eq(redirects.fromPath, '/?p=103'))).toEqual([]);
    expect(first.redirects).toBe(await count(redirects));
  });
});

describe('running the import again', () => {
  it('creates nothing twice and says everything is unchanged', async () => {
    const before = await Promise.all([count(articles), count(media), count(redirects), count(sections)]);
    const again = await run.importBundle(wordpress.readWordPress(wxr()), { uploads, now: NOW + 60_000 });
    expect(again.stories).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
    expect(again.sections).toMatchObject({ created: 0, unchanged: 5 });
    expect(again.tags.unchanged).toBe(2);
    expect(again.authors.unchanged).toBe(2);
    expect(again.images).toEqual({ brought: 0, unchanged: 1 });
    expect(again.notes).toEqual([]);
    expect(await Promise.all([count(articles), count(media), count(redirects), count(sections)])).toEqual(before);
  });

  it('updates what changed at the source, and keeps what staff edited here since', async () => {
    const photos = await count(media);
    const bundle: SourceBundle = wordpress.readWordPress(wxr());
    const post = (id: string) => bundle.posts.find((p) => p.sourceId === id)!;
    post('101').title = 'Night ferries return, and stay';
    post('104').html = '<p>The office reopens on Wednesday.</p>';
    const edited = await story('harbour-office-holiday');
    await transaction((tx) =>
      tx
        .update(articles)
        .set({ title: 'Holiday hours (edited here)', updatedAt: NOW + 5 })
        .where(eq(articles.id, edited!.id)),
    );
    const result = await run.importBundle(bundle, { uploads, now: NOW + 120_000 });
    expect(result.stories).toMatchObject({ updated: 1, kept: 1, unchanged: 5, created: 0 });
    expect((await story('night-ferries-return'))!.title).toBe('Night ferries return, and stay');
    expect((await story('harbour-office-holiday'))!.title).toBe('Holiday hours (edited here)');
    expect(result.notes.map((n) => n.reason)).toContain(
      'changed at the source, but edited here since the last import: kept as it is here',
    );
    // The photo did not change: the story keeps the one processed the first time.
    expect(await count(media)).toBe(photos);
  });
});

describe('a Ghost export', () => {
  it('a dry run reports what would come in and writes nothing', async () => {
    const before = await Promise.all([count(articles), count(media), count(redirects), count(sections)]);
    const { mediaStore } = await import('@/lib/media/store');
    const files = (await mediaStore().keys()).length;
    const dry = await run.importBundle(ghost.readGhost(ghostJson()), { uploads, dryRun: true, now: NOW });
    expect(dry.dryRun).toBe(true);
    expect(dry.stories.created).toBe(7);
    expect(dry.images.brought).toBe(1);
    expect(await Promise.all([count(articles), count(media), count(redirects), count(sections)])).toEqual(before);
    expect(await mediaStore().keys()).toHaveLength(files);
  });

  it('brings posts in from Lexical and Mobiledoc, primary tags as sections, co-authors in the byline', async () => {
    const report = await run.importBundle(ghost.readGhost(ghostJson()), { uploads, now: NOW });
    expect(report.stories.created).toBe(7);
    expect(report.skipped.map((s) => s.what)).toEqual(['“About us”', 'tag “#sync”']);
    const kelp = await reader.getPublicArticleBySlug('kelp-record-harvest');
    expect(kelp!.sectionSlug).toBe('coast');
    expect(kelp!.byline).toBe('Ines Duarte and Tomas Reyes');
    expect(kelp!.tags.map((t) => t.slug).sort()).toEqual(['coast', 'farming']);
    expect(kelp!.hero?.alt).toBe('Kelp drying on racks');
    expect(kelp!.hero?.caption).toBe('Racks at the north farm.');
    const row = await story('kelp-record-harvest');
    expect(row!.body).toContain('## Why the water helped');
    expect(row!.body).toContain('- Longer days\n- Fewer storms');
    for (const bad of ['<script', 'ghost', 'onerror', 'javascript:']) expect(row!.bodyHtml).not.toContain(bad);
    const czech = await story('cestina-na-nabrezi');
    expect(czech!.body).toContain('*A walk along the embankment* in two languages.');
    expect(czech!.body).toContain('Tourists ask for **the old names** of the piers.');
    expect(await story('members-briefing')).toMatchObject({ status: 'draft' });
    expect(await story('tide-notes')).toMatchObject({ status: 'draft' });
    expect(await story('harbour-webcam')).toMatchObject({ status: 'published', publishedAt: NOW });
    expect((await story('harbour-webcam'))!.body).toContain('[https://video.example.net/embed/cam]');
    expect(await paths.renamedLocation('/kelp-record-harvest/', '')).toBe('/news/kelp-record-harvest');
    expect(await paths.renamedLocation(encodeURI('/čeština-na-nábřeží/'), '')).toBe('/news/cestina-na-nabrezi');
    // Ghost's /tag/coast/ and /author/ines/ are ours already: no redirect to themselves.
    expect(await db().select().from(redirects).where(eq(redirects.fromPath, '/tag/coast'))).toEqual([]);
  });
});

describe('a file that is not an export', () => {
  it('is refused with a message that says what is wrong', () => {
    const refuse = (read: () => unknown, message: RegExp) => {
      try {
        read();
      } catch (error) {
        expect(error).toBeInstanceOf(types.ImportFileError);
        expect((error as Error).message).toMatch(message);
        return;
      }
      throw new Error('not refused');
    };
    refuse(() => wordpress.readWordPress('<rss><channel><title>x'), /not well-formed XML \(line 1/);
    refuse(
      () => wordpress.readWordPress('<rss><channel><title>A feed</title></channel></rss>'),
      /not a WordPress export/,
    );
    refuse(
      () => wordpress.readWordPress('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss/>'),
      /declares XML entities/,
    );
    refuse(() => ghost.readGhost('{"db": [{"data": {}}]}'), /not a Ghost export/);
    refuse(() => ghost.readGhost('{"db": '), /not valid JSON/);
  });
});
