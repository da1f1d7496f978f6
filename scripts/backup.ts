// npm run backup -- FILE: an online backup of DATABASE_PATH (PostgreSQL: pg_dump, see backupPostgres), checked with integrity_check before it is
// reported done. `VACUUM INTO` copies one read snapshot: consistent while the site keeps serving and
// votes keep landing (in WAL mode readers never block writers). SQLite's page-by-page backup API, by
// contrast, restarts whenever another process writes, and under steady votes may never finish.
// Uploaded photos (decision 055): on SQLite they are files, copied after the snapshot into the media
// folder beside the backup (renditions never change, so a folder shared by several backups only gets
// the new ones); on PostgreSQL they are media_files rows, inside the dump.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { engineKind, redactUrl } from '../db/engine/config';
import { databasePath, makePrivateDir, PRIVATE_FILE_MODE, restrictToOwner } from '../db/config';
import { listMediaFolder, mediaFolderOf, writeMediaFile } from '../db/media-folder';

/**
 * PostgreSQL (DATABASE_URL): pg_dump's custom format, one consistent snapshot taken without stopping
 * the site, checked by listing it with pg_restore. Restore: pg_restore --dbname=… FILE.
 */
function backupPostgres(out: string): void {
  const url = process.env.DATABASE_URL!.trim();
  const started = Date.now();
  const dump = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, `--dbname=${url}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (dump.error || dump.status !== 0) {
    console.error(
      dump.error
        ? "pg_dump was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client, version 15 or newer), or back up with your provider's snapshots."
        : `pg_dump failed (exit ${dump.status}); nothing reported as backed up.`,
    );
    process.exit(1);
  }
  const list = spawnSync('pg_restore', ['--list', out], { encoding: 'utf8' });
  const entries = list.status === 0 ? list.stdout.split('\n').filter((l) => / TABLE DATA /.test(l)).length : 0;
  if (entries === 0 || !/ TABLE DATA public media_files /.test(list.stdout)) {
    console.error(`backup written to ${out} but pg_restore cannot read it back`);
    process.exit(1);
  }
  console.log(
    `backup of ${redactUrl(url)} → ${out} in ${Date.now() - started} ms: pg_restore reads it (${entries} tables, uploaded photos included as media_files rows)`,
  );
}

/**
 * Copies the site's photo renditions into the media folder beside the backup, skipping those already
 * there, and says how many photos the backup's media rows name that it lacks (deleted on the live site
 * between the snapshot and the copy).
 */
function backupMediaFolder(source: string, out: string): string {
  const from = mediaFolderOf(source);
  const to = mediaFolderOf(out);
  const there = new Set(listMediaFolder(to).map((f) => `${f.key}/${f.file}`));
  let copied = 0;
  for (const f of listMediaFolder(from)) {
    if (there.has(`${f.key}/${f.file}`)) continue;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(f.path);
    } catch {
      continue; // deleted while we copied: the snapshot check below counts it if the backup needs it
    }
    writeMediaFile(to, f.key, f.file, bytes);
    copied++;
  }
  const copy = new Database(out, { readonly: true });
  const named = copy.prepare("select path from media where path like '/media/%'").all() as { path: string }[];
  copy.close();
  const held = new Set(listMediaFolder(to).map((f) => f.key));
  const missing = named.filter((m) => !held.has(m.path.split('/')[2]!)).length;
  return (
    `photos: ${copied} renditions copied to ${to} (${there.size} already there)` +
    (missing ? `; ${missing} photos named by the backup were deleted before they could be copied` : '')
  );
}

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
  if (engineKind() !== 'postgres' && !fs.existsSync(source)) {
    console.error(`no database at ${source} (set DATABASE_PATH)`);
    process.exit(2);
  }
  // A backup holds everything the database does: readable by its owner only. VACUUM INTO and pg_dump
  // both write into an empty file that already exists, so it keeps this mode.
  makePrivateDir(path.dirname(out));
  fs.writeFileSync(out, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  if (engineKind() === 'postgres') {
    backupPostgres(out);
    restrictToOwner(out);
    return;
  }
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const started = Date.now();
  db.prepare('vacuum into ?').run(out);
  db.close();
  restrictToOwner(out);

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
  console.log(backupMediaFolder(source, out));
}

main();
