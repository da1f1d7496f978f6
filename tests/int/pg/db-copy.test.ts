// npm run db:copy: the demo site, with a bit of everything a live site has, goes SQLite → PostgreSQL →
// SQLite and comes back row for row; on PostgreSQL in between it searches, counts and takes new rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDatabase, tablesInCopyOrder } from '@/db/copy';
import { closeEngine, db, rows, transaction } from '@/db/engine';
import { articles, sections } from '@/db/schema';
import { recomputeVoteRollups } from '@/db/vote-rollups';
import { parseQuery } from '@/lib/search-query';
import { sql } from 'drizzle-orm';
import { mediaFolderOf } from '@/db/media-folder';
import { createEmptyPostgresDatabase } from '../../helpers/test-db';
import { createTempDatabase } from '../../helpers/temp-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;
let dir: string;
let source: ReturnType<typeof createTempDatabase>;
let target: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;

// Two uploaded photos of the SQLite site, as the server stores them: <media>/<key>/<width>.webp.
const PHOTOS = ['AAAAAAAAAAAAAAAAAAAAAA', 'b_b-BBBBBBBBBBBBBBBBBB'];
const renditions = PHOTOS.flatMap((key, i) =>
  ['640.webp', '1600.webp'].map((file, j) => ({
    key,
    file,
    bytes: Buffer.from(`RIFF…WEBP photo ${i} width ${j} ${'x'.repeat(900 * (j + 1))}`),
  })),
);

/** The renditions in a media folder: key/file → bytes. */
function mediaFolder(databaseFile: string): Record<string, string> {
  const root = mediaFolderOf(databaseFile);
  const out: Record<string, string> = {};
  if (!fs.existsSync(root)) return out;
  for (const key of fs.readdirSync(root))
    for (const file of fs.readdirSync(path.join(root, key)))
      out[`${key}/${file}`] = fs.readFileSync(path.join(root, key, file)).toString('base64');
  return out;
}

/** Every row of every table, in primary-key order: what "the same site" means. */
function dump(file: string): Record<string, unknown[]> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of tablesInCopyOrder()) {
      const columns = t.columns.map((c) => `"${c.name}"`).join(', ');
      out[t.name] = sqlite
        .prepare(`select ${columns} from "${t.name}" order by ${t.columns.map((_, i) => i + 1).join(', ')}`)
        .all();
    }
    return out;
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-copy-'));
  const previous = process.env.DATABASE_PATH;
  source = createTempDatabase({ now: NOW });
  process.env.DATABASE_PATH = previous;
  const s = source.db.$client;
  // A site that has lived a little: staff, votes (one voided), rollups, shares, audit, redirects,
  // throttles, contact messages, an upload, a paused story, a hidden promo, a section moved under a
  // newer one, awkward text, and a time far in the future.
  s.exec(`
    insert into users (email, name, role, password_hash, disabled, sessions_valid_after, created_at, updated_at)
      values ('ed@example.com', 'Ed ''Quotes'' \\ Back', 'editor', '$argon2id$x', 1, ${NOW}, ${NOW}, ${NOW}),
             ('admin@example.com', '管理员 🙂', 'admin', '$argon2id$y', 0, 0, ${NOW}, ${NOW});
    insert into media (path, mime, width, height, alt, uploaded_by, created_at)
      values ('/uploads/ab/1600.webp', 'image/webp', 1600, 900, 'A photo', 1, ${NOW});
    update articles set voting_paused = 1 where id = 2;
    update promos set active = 0;
    insert into sections (slug, name, parent_id, created_at, updated_at) values ('late-parent', 'Late parent', null, ${NOW}, ${NOW});
    update sections set parent_id = (select max(id) from sections) where slug = 'sports';
    insert into votes (article_id, reader_id, mood, ip_hash, created_at, updated_at, voided_at) values
      (1, 'r1', 'angry', 'h1', ${NOW - 2 * HOUR}, ${NOW - 2 * HOUR}, null),
      (1, 'r2', 'happy', 'h1', ${NOW - HOUR}, ${NOW - HOUR}, null),
      (1, 'r3', 'sad', 'h2', ${NOW - HOUR}, ${NOW - HOUR}, ${NOW}),
      (2, 'r1', 'no_comment', 'h1', ${NOW}, ${NOW}, null);
    insert into share_clicks values (1, 'weibo', '2026-11-25', 3), (1, 'wechat', '2026-11-24', 1);
    insert into audit_log (user_id, action, object_type, object_id, detail, created_at)
      values (2, 'story.publish', 'article', '1', '{"title":"x"}', ${NOW});
    insert into redirects values ('/news/old-slug', '/news/new-slug', ${NOW});
    insert into related_overrides values (1, 2, 0);
    insert into login_throttle (key, failures, first_failure_at, locked_until, lock_level)
      values ('account:ed@example.com', 2, ${NOW}, 0, 0);
    insert into rate_limits values ('vote:ip:abc', ${NOW}, 4);
    insert into contact_messages (name, email, subject, message, created_at, read_at)
      values ('Reader', 'r@example.com', 'Hi', 'Line one\nline two — “quoted”', ${NOW}, ${NOW});
    update articles set published_at = 32503680000000 where id = 3;
  `);
  recomputeVoteRollups(source.db, 1);
  recomputeVoteRollups(source.db, 2);
  for (const r of renditions) {
    fs.mkdirSync(path.join(mediaFolderOf(source.file), r.key), { recursive: true });
    fs.writeFileSync(path.join(mediaFolderOf(source.file), r.key, r.file), r.bytes);
  }
  target = await createEmptyPostgresDatabase();
});

afterAll(async () => {
  await closeEngine();
  await target?.cleanup();
  source?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('db:copy', () => {
  it('copies every table into PostgreSQL, verifies the counts, and the copy works as a site', async () => {
    const lines: string[] = [];
    const report = await copyDatabase(
      { kind: 'sqlite', file: source.file },
      { kind: 'postgres', url: target.url },
      (l) => lines.push(l),
    );
    const copied = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    expect(copied).toMatchObject({
      votes: 4,
      users: 2,
      audit_log: 1,
      share_clicks: 2,
      contact_messages: 1,
      media_files: renditions.length,
    });
    expect(Object.keys(copied).sort()).toEqual(
      tablesInCopyOrder()
        .map((t) => t.name)
        .sort(),
    );
    expect(lines.join('\n')).toMatch(/counts verified/);
    expect(report.searchDocuments).toBe(copied.articles);

    process.env.DATABASE_URL = target.url;
    const { searchArticles } = await import('@/db/queries/search');
    const found = await searchArticles(parseQuery('微信'), {}, { now: NOW });
    expect(found.hits.map((h) => h.article.slug)).toEqual(['wechat-outage-leaves-millions-cut-off']);
    // Sequences were moved past the copied ids: the next story gets a new one.
    const [maxId] = await rows<{ n: number }>(sql`select max(id) as n from articles`);
    const [section] = await db().select({ id: sections.id }).from(sections).limit(1);
    const [added] = await transaction((tx) =>
      tx
        .insert(articles)
        .values({
          slug: 'after-the-move',
          title: 'After the move',
          sectionId: section!.id,
          createdAt: NOW,
          updatedAt: NOW,
        })
        .returning({ id: articles.id }),
    );
    expect(added!.id).toBe(maxId!.n + 1);
    const [paused] = await db().select({ v: articles.votingPaused }).from(articles).where(eq(articles.id, 2));
    expect(paused!.v).toBe(true);
    await transaction((tx) => tx.delete(articles).where(eq(articles.id, added!.id)));

    // The photos came along as rows, and the site serves them from there.
    const { mediaStore } = await import('@/lib/media/store');
    expect(mediaStore().kind).toBe('database');
    for (const r of renditions) {
      const served = await mediaStore().read(r.key, r.file);
      expect(served?.bytes.equals(r.bytes), `${r.key}/${r.file}`).toBe(true);
      expect(served?.contentType).toBe('image/webp');
    }
    const stored = await rows<{ n: number; bytes: number }>(
      sql`select count(*) as n, sum(size) as bytes from media_files`,
    );
    expect(stored[0]).toEqual({ n: 4, bytes: renditions.reduce((n, r) => n + r.bytes.length, 0) });
  });

  it('refuses to copy into a database that is not empty, and changes nothing there', async () => {
    const before = await rows<{ n: number }>(sql`select count(*) as n from votes`);
    await expect(
      copyDatabase({ kind: 'sqlite', file: source.file }, { kind: 'postgres', url: target.url }),
    ).rejects.toThrow(/not empty/);
    expect(await rows<{ n: number }>(sql`select count(*) as n from votes`)).toEqual(before);
  });

  it('copies the PostgreSQL site back into a new SQLite file, row for row the same as the original', async () => {
    await closeEngine();
    const back = path.join(dir, 'back.db');
    await copyDatabase({ kind: 'postgres', url: target.url }, { kind: 'sqlite', file: back });
    const original = dump(source.file);
    const roundTrip = dump(back);
    for (const table of Object.keys(original)) expect(roundTrip[table], table).toEqual(original[table]);
    // The photos are files again, beside the new database, byte for byte, readable by their owner only.
    expect(mediaFolder(back)).toEqual(mediaFolder(source.file));
    expect(Object.keys(mediaFolder(back))).toHaveLength(renditions.length);
    const one = path.join(mediaFolderOf(back), renditions[0]!.key, renditions[0]!.file);
    expect(fs.statSync(one).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(one)).mode & 0o777).toBe(0o700);
    // Another site's photos in the target's folder: refused, as a database that is not empty is.
    const beside = path.join(dir, 'beside.db');
    await expect(copyDatabase({ kind: 'postgres', url: target.url }, { kind: 'sqlite', file: beside })).rejects.toThrow(
      /not empty .*photos of another site/,
    );
    const check = new Database(back, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare('select count(*) as n from search_words').get()).toEqual(
      check.prepare('select count(*) as n from articles').get(),
    );
    const wechat = check
      .prepare("select a.slug from search_words w join articles a on a.id = w.rowid where search_words match 'wechat'")
      .all() as { slug: string }[];
    expect(wechat.map((r) => r.slug)).toContain('wechat-outage-leaves-millions-cut-off');
    check.close();
  });

  it('the command line says what it does, and refuses bad arguments with a clear message', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db-copy.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
    const bad = run('--to');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--to needs a value/);
    const full = run('--from', source.file, '--to', target.url);
    expect(full.status).toBe(1);
    expect(full.stderr).toMatch(/nothing was committed to the target: The target database is not empty/);
    expect(full.stdout).toMatch(/copying SQLite .* → PostgreSQL postgres:\/\//);
  });
});
