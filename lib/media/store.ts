// Where the renditions of uploaded photos live (decision 055). On PostgreSQL, in its media_files table,
// so that every server behind a load balancer serves the photo another one processed; on SQLite (one
// machine), files under <data folder>/media/<key>/<file>, as they always were. The rest of the media
// code (upload, serving, deletion, the janitor's sweep, the library's sizes) goes through this.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '@/db/config';
import { engineKind } from '@/db/engine';
import {
  deleteMediaFiles,
  listMediaFileKeys,
  mediaFilesSize,
  readMediaFile,
  saveMediaFiles,
  type MediaFile,
} from '@/db/queries/media-files';
import { dataDir } from '@/lib/data-dir';

export const MEDIA_KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const mediaRoot = () => path.join(/*turbopackIgnore: true*/ dataDir(), 'media');

export type { MediaFile };

export interface MediaStore {
  readonly kind: 'files' | 'database';
  /** Stores every rendition of a new photo; on failure nothing of it is left. */
  save(key: string, files: MediaFile[]): Promise<void>;
  read(key: string, file: string): Promise<{ contentType: string; bytes: Buffer } | undefined>;
  remove(key: string): Promise<void>;
  /** Bytes stored for a photo (0 when none). */
  size(key: string): Promise<number>;
  /** Every stored photo, with when it was written (what the janitor's sweep compares with the media rows). */
  keys(): Promise<{ key: string; storedAt: number }[]>;
}

const CONTENT_TYPES: Record<string, string> = { '.webp': 'image/webp' };

const fileStore: MediaStore = {
  kind: 'files',
  async save(key, files) {
    const root = mediaRoot();
    const dir = path.join(root, key);
    await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    // A media folder made by an older version was readable by every local user.
    await fs.chmod(root, PRIVATE_DIR_MODE).catch(() => undefined);
    try {
      for (const f of files) await fs.writeFile(path.join(dir, f.file), f.bytes, { mode: PRIVATE_FILE_MODE });
    } catch (error) {
      await fs.rm(dir, { recursive: true, force: true });
      throw error;
    }
  },
  async read(key, file) {
    try {
      const bytes = await fs.readFile(path.join(mediaRoot(), key, file));
      return { contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', bytes };
    } catch {
      return undefined;
    }
  },
  async remove(key) {
    await fs.rm(path.join(mediaRoot(), key), { recursive: true, force: true });
  },
  async size(key) {
    const dir = path.join(mediaRoot(), key);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    const sizes = await Promise.all(
      names.map((n) =>
        fs.stat(path.join(dir, n)).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    return sizes.reduce((a, b) => a + b, 0);
  },
  async keys() {
    const entries = await fs.readdir(mediaRoot()).catch(() => [] as string[]);
    const found: { key: string; storedAt: number }[] = [];
    for (const key of entries) {
      if (!MEDIA_KEY_PATTERN.test(key)) continue;
      const stat = await fs.stat(path.join(mediaRoot(), key)).catch(() => undefined);
      if (stat?.isDirectory()) found.push({ key, storedAt: stat.mtimeMs });
    }
    return found;
  },
};

const databaseStore: MediaStore = {
  kind: 'database',
  save: (key, files) => saveMediaFiles(key, files),
  read: readMediaFile,
  remove: deleteMediaFiles,
  size: mediaFilesSize,
  keys: listMediaFileKeys,
};

/** The store of the running engine: rows on PostgreSQL, files on SQLite. */
export const mediaStore = (): MediaStore => (engineKind() === 'postgres' ? databaseStore : fileStore);
