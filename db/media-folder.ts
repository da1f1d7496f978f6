// The media folder beside a SQLite database: where a SQLite site keeps the renditions of its uploaded
// photos (<folder of the database>/media/<key>/<file>; decision 055). Plain Node, for db:copy and the
// backup script, which move photos between that folder and PostgreSQL's media_files rows.
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from './config';

const KEY = /^[A-Za-z0-9_-]{22}$/;
const FILE = /^[A-Za-z0-9_-]+\.[a-z0-9]+$/;
const CONTENT_TYPES: Record<string, string> = { '.webp': 'image/webp' };

export const mediaFolderOf = (databaseFile: string) => path.join(path.dirname(databaseFile), 'media');

export type StoredFile = {
  key: string;
  file: string;
  contentType: string;
  path: string;
  size: number;
  mtimeMs: number;
};

/** Every rendition in a media folder (none when there is no folder), keys and files in name order. */
export function listMediaFolder(folder: string): StoredFile[] {
  const out: StoredFile[] = [];
  const names = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
  for (const key of names(folder)) {
    if (!KEY.test(key)) continue;
    const dir = path.join(folder, key);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of names(dir)) {
      if (!FILE.test(file)) continue;
      const stat = fs.statSync(path.join(dir, file), { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      out.push({
        key,
        file,
        contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        path: path.join(dir, file),
        size: stat.size,
        mtimeMs: Math.floor(stat.mtimeMs),
      });
    }
  }
  return out;
}

/** Writes one rendition into a media folder, readable by its owner only, as the server writes them. */
export function writeMediaFile(folder: string, key: string, file: string, bytes: Uint8Array): void {
  if (!KEY.test(key) || !FILE.test(file)) throw new Error(`not a rendition's name: ${key}/${file}`);
  makePrivateDir(path.join(folder, key));
  fs.writeFileSync(path.join(folder, key, file), bytes, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
}
