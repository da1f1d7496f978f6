// Issue 15 §5 and §8: what a stolen database file reveals (no reader address), who may read the files
// Moodwire writes (their owner only), and uploads under load (one image job at a time, a bounded
// queue, no files left behind by a replaced or removed photo). Real SQLite files, real sharp.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../helpers/temp-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const mode = (file: string) => fs.statSync(file).mode & 0o777;

let temp: ReturnType<typeof createTempDatabase>;
let savedSecret: string | undefined;

beforeAll(() => {
  savedSecret = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = SECRET;
  temp = createTempDatabase({ now: NOW });
});
afterAll(() => {
  if (savedSecret === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = savedSecret;
  temp.cleanup();
});

/** Every text and blob value stored anywhere in a SQLite file. */
function everyStoredValue(file: string): (string | Buffer)[] {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const values: (string | Buffer)[] = [];
    for (const { name } of tables)
      for (const row of db.prepare(`select * from "${name}"`).raw().all() as unknown[][])
        for (const v of row) if (typeof v === 'string' || Buffer.isBuffer(v)) values.push(v);
    return values;
  } finally {
    db.close();
  }
}

describe('a stolen database file', () => {
  it('cannot reproduce the address hash of a vote: the key is not in it', async () => {
    const { clientAddressHash } = await import('@/lib/votes/client-address');
    const { castVote } = await import('@/db/queries/votes');
    const articleId = (
      temp.db.$client.prepare("select id from articles where status = 'published' limit 1").get() as {
        id: number;
      }
    ).id;
    const address = '203.0.113.7';
    const from = (ip: string) => new Headers({ 'x-moodwire-client-ip': ip });
    const ipHash = clientAddressHash(from(address), NOW);
    await castVote({
      articleId,
      readerId: 'privacy-reader',
      newReader: true,
      mood: 'sad',
      intent: 'toggle',
      ipHash,
      limits: { perIpPerMinute: 30, perReaderPerMinute: 20 },
      now: NOW,
    });
    temp.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const stored = (
      temp.db.$client.prepare("select ip_hash from votes where reader_id = 'privacy-reader'").get() as {
        ip_hash: string;
      }
    ).ip_hash;
    expect(stored).toBe(ipHash);

    // Someone with the file tries every value in it as the key, the way a daily salt kept in the
    // database could be used to hash all of IPv4 and match.
    const values = everyStoredValue(temp.file);
    expect(values.length).toBeGreaterThan(1000);
    for (const key of values) {
      for (const input of [address, `${address}`.toLowerCase()]) {
        const guess = crypto.createHmac('sha256', key).update(input).digest('base64url');
        expect(guess).not.toBe(stored);
      }
      if (typeof key === 'string') expect(key).not.toContain(SECRET);
    }
    // The hash does depend on the secret kept outside the database (and on the day).
    process.env.AUTH_SECRET = `${SECRET}-rotated`;
    try {
      expect(clientAddressHash(from(address), NOW)).not.toBe(stored);
    } finally {
      process.env.AUTH_SECRET = SECRET;
    }
    expect(clientAddressHash(from(address), NOW)).toBe(stored);
    expect(clientAddressHash(from(address), NOW + 24 * 3600_000)).not.toBe(stored);
  });
});

describe('files Moodwire writes are readable by their owner only', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-modes-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the database, its -wal and -shm files and the folder made for them: 0600 and 0700', async () => {
    const { openDatabase, migrateDatabase } = await import('@/db/client');
    const folder = path.join(dir, 'data');
    const file = path.join(folder, 'site.db');
    const db = openDatabase(file);
    migrateDatabase(db);
    db.$client.prepare("insert into settings (key, value) values ('mode-test', 'x')").run();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    expect(mode(folder)).toBe(0o700);
    db.$client.close();

    // Files an older version left readable by everyone are tightened when the server opens them.
    const old = path.join(dir, 'old.db');
    new Database(old).close();
    fs.chmodSync(old, 0o644);
    expect(mode(old)).toBe(0o644);
    openDatabase(old).$client.close();
    expect(mode(old)).toBe(0o600);
  });

  it('a backup made with npm run backup: 0600', () => {
    const out = path.join(dir, 'backups', 'site-backup.db');
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/backup.ts', out], {
      env: { ...process.env, DATABASE_PATH: temp.file },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(mode(out)).toBe(0o600);
    expect(mode(path.dirname(out))).toBe(0o700);
  });

  it('the generated secret and its folder: 0600 and 0700', async () => {
    const { authSecret } = await import('@/lib/data-dir');
    const saved = { secret: process.env.AUTH_SECRET, db: process.env.DATABASE_PATH };
    delete process.env.AUTH_SECRET;
    process.env.DATABASE_PATH = path.join(dir, 'fresh', 'site.db');
    try {
      expect(authSecret().length).toBeGreaterThanOrEqual(32);
      expect(mode(path.join(dir, 'fresh', 'auth-secret'))).toBe(0o600);
      expect(mode(path.join(dir, 'fresh'))).toBe(0o700);
    } finally {
      process.env.AUTH_SECRET = saved.secret;
      process.env.DATABASE_PATH = saved.db;
    }
  });

  it('uploaded photos: the media folder and each photo’s folder 0700, every file 0600', async () => {
    const { mediaRoot, processHeroUpload } = await import('@/lib/media/upload');
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    const image = await processHeroUpload(new Uint8Array(photo));
    expect(mode(mediaRoot())).toBe(0o700);
    const folder = path.join(mediaRoot(), image.key);
    expect(mode(folder)).toBe(0o700);
    const files = fs.readdirSync(folder);
    expect(files).toHaveLength(5);
    for (const f of files) expect(mode(path.join(folder, f)), f).toBe(0o600);
  });
});

describe('uploads under load', () => {
  const picture = (i: number, width = 2400, height = 1600) =>
    sharp({ create: { width, height, channels: 3, background: { r: 20 * i, g: 120, b: 90 } } })
      .png()
      .toBuffer()
      .then((b) => new Uint8Array(b));

  it('six simultaneous uploads are processed one at a time, and all of them are saved', async () => {
    const { imageJobsPeak, processHeroUpload } = await import('@/lib/media/upload');
    const photos = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => picture(i)));
    const results = await Promise.all(photos.map((p) => processHeroUpload(p)));
    expect(results.map((r) => r.variants.length)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(new Set(results.map((r) => r.key)).size).toBe(6);
    expect(imageJobsPeak()).toBe(1);
  });

  it('past the waiting line, an upload is turned away with a message instead of queued', async () => {
    const { IMAGE_JOBS_WAITING_MAX, processHeroUpload, UploadError } = await import('@/lib/media/upload');
    const photos = await Promise.all(
      Array.from({ length: IMAGE_JOBS_WAITING_MAX + 4 }, (_, i) => picture(i, 4000, 3000)),
    );
    const outcomes = await Promise.allSettled(photos.map((p) => processHeroUpload(p)));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const o of refused) {
      expect(o.reason).toBeInstanceOf(UploadError);
      expect((o.reason as Error).message).toBe(
        'Many photos are being processed right now. Please try again in a minute.',
      );
    }
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(IMAGE_JOBS_WAITING_MAX + 1);
  });

  it('a replaced or removed photo leaves no files and no row behind; the sweep removes what a crash left', async () => {
    const { deleteReplacedImage, mediaRoot, processHeroUpload, sweepOrphanMedia } = await import('@/lib/media/upload');
    const { attachHeroImage, listUploadedMediaPaths } = await import('@/db/queries/media');
    const { setStoryHero } = await import('@/db/queries/admin-stories');
    const { insertUser } = await import('@/db/accounts');
    const editor = await insertUser(temp.db, {
      email: 'photo-desk@example.com',
      name: 'Photo desk',
      role: 'editor',
      passwordHash: 'x',
    });
    const storyId = (
      temp.db.$client.prepare("select id from articles where status = 'published' limit 1 offset 3").get() as {
        id: number;
      }
    ).id;
    const folders = () => new Set(fs.readdirSync(mediaRoot()));
    const before = folders();
    const rows = () =>
      (temp.db.$client.prepare("select count(*) as n from media where path like '/media/%'").get() as { n: number }).n;
    const rowsBefore = rows();
    for (let i = 0; i < 9; i++) {
      const image = await processHeroUpload(await picture(i, 800, 500));
      const result = await attachHeroImage(editor, storyId, { ...image, alt: `Photo ${i}`, caption: '', credit: '' });
      await deleteReplacedImage(result === 'refused' ? undefined : result?.replacedPath);
    }
    const added = [...folders()].filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    expect(rows()).toBe(rowsBefore + 1);

    const removed = await setStoryHero(editor, storyId, null, {});
    await deleteReplacedImage(removed === 'refused' ? undefined : removed?.replacedPath);
    expect([...folders()].filter((f) => !before.has(f))).toEqual([]);
    expect(rows()).toBe(rowsBefore);

    // A folder no row names (a crash between processing and saving) goes once it is an hour old.
    const orphan = await processHeroUpload(await picture(1, 800, 500));
    expect(await sweepOrphanMedia(await listUploadedMediaPaths())).toBe(0);
    expect(await sweepOrphanMedia(await listUploadedMediaPaths(), Date.now() + 3600_000 + 1000)).toBeGreaterThanOrEqual(
      1,
    );
    expect(folders().has(orphan.key)).toBe(false);
    for (const p of await listUploadedMediaPaths()) expect(folders().has(p.split('/')[2]!)).toBe(true);
  });
});
