// Where Moodwire keeps its files on disk: beside the database. Plain Node (no Next imports) so scripts
// can use it too.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { databasePath, makePrivateDir, PRIVATE_FILE_MODE } from '../db/config';

/** The folder beside the database: the generated secret and uploads' bookkeeping live here. */
export function dataDir(): string {
  return path.dirname(/*turbopackIgnore: true*/ databasePath());
}

/**
 * AUTH_SECRET from the environment, or one generated on first use and kept (mode 0600) in the data
 * folder, so that no environment variable is needed to run the site.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters long.');
    return fromEnv;
  }
  const file = path.join(/*turbopackIgnore: true*/ dataDir(), 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  makePrivateDir(path.dirname(file));
  const secret = crypto.randomBytes(48).toString('base64url');
  try {
    // 'wx' fails if another process won the race; then we read theirs.
    fs.writeFileSync(file, secret + '\n', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    return secret;
  } catch {
    return fs.readFileSync(file, 'utf8').trim();
  }
}
