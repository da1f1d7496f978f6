// npm run backup -- FILE: an online backup of DATABASE_PATH, checked with integrity_check before it is
// reported done. `VACUUM INTO` copies one read snapshot: consistent while the site keeps serving and
// votes keep landing (in WAL mode readers never block writers). SQLite's page-by-page backup API, by
// contrast, restarts whenever another process writes, and under steady votes may never finish.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '../db/config';

function main(): void {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run backup -- FILE   (the file must not exist yet)');
    process.exit(2);
  }
  const out = path.resolve(target);
  if (fs.existsSync(out)) {
    console.error(`${out} already exists; choose a new file name so no backup is overwritten.`);
    process.exit(2);
  }
  const source = databasePath();
  if (!fs.existsSync(source)) {
    console.error(`no database at ${source} (set DATABASE_PATH)`);
    process.exit(2);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const started = Date.now();
  db.prepare('vacuum into ?').run(out);
  db.close();

  const copy = new Database(out, { readonly: true });
  const integrity = copy.pragma('integrity_check', { simple: true });
  const votes = (copy.prepare('select count(*) as n from votes').get() as { n: number }).n;
  const articles = (copy.prepare('select count(*) as n from articles').get() as { n: number }).n;
  copy.close();
  if (integrity !== 'ok') {
    console.error(`backup written to ${out} but integrity_check says: ${String(integrity)}`);
    process.exit(1);
  }
  console.log(
    `backup of ${source} → ${out} in ${Date.now() - started} ms: integrity ok, ${articles} stories, ${votes} votes`,
  );
}

main();
