import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '@/db/client';
import { seedDemo } from '../../scripts/lib/seed-demo';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A separate process keeps writing votes (row + tally in one transaction) while the backup runs.
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
const ids = db.prepare("select id from articles where status = 'published'").all().map((r) => r.id);
const insert = db.prepare("insert into votes (article_id, reader_id, mood, created_at, updated_at) values (?, ?, 'happy', ?, ?)");
const bump = db.prepare("update vote_tallies set count = count + 1 where article_id = ? and mood = 'happy'");
const vote = db.transaction((id, reader) => { const now = Date.now(); insert.run(id, reader, now, now); bump.run(id); });
let n = 0;
let stop = false;
process.on('SIGTERM', () => { stop = true; });
// Write in short bursts so the SIGTERM handler gets a turn.
const burst = () => {
  for (let i = 0; i < 50; i++) { vote(ids[n % ids.length], 'reader-' + n); n++; }
  if (stop) { console.log(n); process.exit(0); }
  setImmediate(burst);
};
burst();
`;

describe('npm run backup', () => {
  it(
    'takes a consistent online backup while votes are written, and the restored copy checks out',
    { timeout: 180_000 },
    async () => {
      const source = path.join(dir, 'live.db');
      const db = openDatabase(source);
      migrateDatabase(db);
      seedDemo(db);
      db.$client.close();

      const writer = spawn(process.execPath, ['-e', WRITER, source], { stdio: ['ignore', 'pipe', 'inherit'] });
      let written = '';
      writer.stdout.on('data', (d) => (written += d));
      const probe = new Database(source, { readonly: true });
      const votesSoFar = () => (probe.prepare('select count(*) as n from votes').get() as { n: number }).n;
      while (votesSoFar() < 200) await new Promise((r) => setTimeout(r, 50));
      const backupFile = path.join(dir, 'copy', 'backup.db');
      const { stdout } = await run(
        process.execPath,
        ['node_modules/tsx/dist/cli.mjs', 'scripts/backup.ts', backupFile],
        {
          env: { ...process.env, DATABASE_PATH: source },
        },
      );
      expect(stdout).toMatch(/integrity ok/);
      const duringBackup = votesSoFar();
      probe.close();
      writer.kill('SIGTERM');
      await new Promise((r) => writer.on('exit', r));
      expect(Number(written)).toBeGreaterThanOrEqual(duringBackup);

      // Restore as the README says: copy the file into place (no -wal/-shm beside it) and open it.
      const restored = path.join(dir, 'restored.db');
      fs.copyFileSync(backupFile, restored);
      const copy = new Database(restored, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const votes = (copy.prepare('select count(*) as n from votes').get() as { n: number }).n;
      const tallied = (copy.prepare('select coalesce(sum(count), 0) as n from vote_tallies').get() as { n: number }).n;
      expect(votes).toBeGreaterThan(0);
      expect(tallied).toBe(votes); // a transaction is either wholly in the backup or not at all
      expect(
        (copy.prepare("select count(*) as n from articles where status = 'published'").get() as { n: number }).n,
      ).toBeGreaterThanOrEqual(30);
      copy.close();

      // It refuses to overwrite an existing file.
      await expect(
        run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/backup.ts', backupFile], {
          env: { ...process.env, DATABASE_PATH: source },
        }),
      ).rejects.toThrow();
    },
  );

  it('copies the uploaded photos beside the backup, and only the new ones the next time', async () => {
    const source = path.join(dir, 'photos', 'live.db');
    fs.mkdirSync(path.dirname(source));
    const db = openDatabase(source);
    migrateDatabase(db);
    const media = path.join(path.dirname(source), 'media');
    const put = (key: string) => {
      fs.mkdirSync(path.join(media, key), { recursive: true });
      for (const width of [640, 1600]) fs.writeFileSync(path.join(media, key, `${width}.webp`), `${key} ${width}`);
      db.$client
        .prepare(
          "insert into media (path, mime, width, height, alt, created_at) values (?, 'image/webp', 1600, 900, 'A photo', 0)",
        )
        .run(`/media/${key}/1600.webp`);
    };
    put('A'.repeat(22));
    const backup = (name: string) =>
      run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/backup.ts', path.join(dir, 'kept', name)], {
        env: { ...process.env, DATABASE_PATH: source },
      });
    const first = await backup('monday.db');
    expect(first.stdout).toMatch(/photos: 2 renditions copied to .*kept\/media \(0 already there\)/);
    const kept = path.join(dir, 'kept', 'media', 'A'.repeat(22));
    expect(fs.readFileSync(path.join(kept, '1600.webp'), 'utf8')).toBe(`${'A'.repeat(22)} 1600`);
    expect(fs.statSync(path.join(kept, '1600.webp')).mode & 0o777).toBe(0o600);

    put('B'.repeat(22));
    db.$client.close();
    const second = await backup('tuesday.db');
    expect(second.stdout).toMatch(/photos: 2 renditions copied to .* \(2 already there\)/);
    expect(fs.readdirSync(path.join(dir, 'kept', 'media')).sort()).toEqual(['A'.repeat(22), 'B'.repeat(22)]);
    expect(second.stdout).not.toMatch(/deleted before/);
  });
});
