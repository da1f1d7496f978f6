// The command itself, as a newsroom runs it: `npm run import -- wordpress export.xml --uploads DIR` on a
// temporary SQLite database (a child process, with the package.json script's flags), run twice, then
// with a bad file and bad arguments. The queries behind it are tested on both engines in imports.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '@/db/client';
import packageJson from '../../package.json';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'import', 'wordpress.xml');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-import-cli-'));
const file = path.join(dir, 'site.db');
const uploads = path.join(dir, 'uploads');

/** `npm run import -- …args`, as package.json defines it, on the temporary database. */
function importCommand(...args: string[]) {
  const script = packageJson.scripts.import.split(' ');
  expect(script[0]).toBe('tsx');
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...script.slice(1), ...args], {
    env: { ...process.env, DATABASE_PATH: file, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.close();
  fs.mkdirSync(path.join(uploads, '2024', '03'), { recursive: true });
  await sharp({ create: { width: 700, height: 450, channels: 3, background: { r: 200, g: 90, b: 40 } } })
    .jpeg()
    .toFile(path.join(uploads, '2024', '03', 'harbour.jpg'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run import', () => {
  it(
    'imports a WordPress export, prints the report, and a second run finds everything unchanged',
    { timeout: 240_000 },
    () => {
      const first = importCommand('wordpress', FIXTURE, '--uploads', uploads);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      expect(first.out).toContain('WordPress import finished.');
      expect(first.out).toContain('Stories    7 stories (7 new)');
      expect(first.out).toContain('written: 4 published, 1 scheduled, 0 in review, 2 drafts');
      expect(first.out).toContain('Photos     1 featured image processed');
      expect(first.out).toMatch(/Left out \(3\):/);
      expect(first.out).toContain('its featured image is missing from the uploads folder (2024/03/lighthouse.jpg)');

      const second = importCommand('wordpress', FIXTURE, '--uploads', uploads);
      expect(second.code).toBe(0);
      expect(second.out).toContain('Stories    7 stories (7 unchanged)');
      expect(second.out).toContain('Redirects  0 old addresses now answer 301');

      const db = new Database(file, { readonly: true });
      try {
        const stories = db.prepare('select count(*) as n from articles').get() as { n: number };
        expect(stories.n).toBe(7);
        const photo = db.prepare("select path from media where alt = 'Ferry at dusk'").get() as { path: string };
        expect(fs.existsSync(path.join(dir, photo.path))).toBe(true);
        const audit = db.prepare("select count(*) as n from audit_log where action = 'import.run'").get() as {
          n: number;
        };
        expect(audit.n).toBe(2);
      } finally {
        db.close();
      }
    },
  );

  it('a dry run writes nothing', { timeout: 120_000 }, () => {
    const counts = () => {
      const db = new Database(file, { readonly: true });
      try {
        return ['articles', 'sections', 'tags', 'authors', 'media', 'redirects', 'import_sources', 'audit_log'].map(
          (table) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
        );
      } finally {
        db.close();
      }
    };
    const before = counts();
    const ghost = path.join(path.dirname(FIXTURE), 'ghost.json');
    const dry = importCommand('ghost', ghost, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run of the Ghost import: nothing was written.');
    expect(dry.out).toContain('has a featured image: not brought in (give the uploads folder with --uploads)');
    expect(dry.out).toContain('Stories    7 stories (7 new)');
    expect(counts()).toEqual(before);
  });

  it(
    'refuses a bad file or bad arguments with a message, no stack trace, and a non-zero exit',
    { timeout: 120_000 },
    () => {
      const bad = path.join(dir, 'not-wordpress.xml');
      fs.writeFileSync(bad, '<rss><channel><title>A feed</channel></rss>');
      const refused = importCommand('wordpress', bad);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/^Cannot import .*not-wordpress\.xml: The file is not well-formed XML \(line 1/);
      expect(refused.err).toContain('Nothing was written.');
      expect(refused.err).not.toMatch(/\n\s+at /);

      const missing = importCommand('ghost', path.join(dir, 'nowhere.json'));
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('There is no file at');

      const noFolder = importCommand('wordpress', FIXTURE, '--uploads', path.join(dir, 'no-such-folder'));
      expect(noFolder.code).toBe(1);
      expect(noFolder.err).toContain('does not exist or is not a folder');

      const usage = importCommand('joomla', FIXTURE);
      expect(usage.code).toBe(2);
      expect(usage.err).toContain('Usage:');
    },
  );
});
