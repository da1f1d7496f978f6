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
});
