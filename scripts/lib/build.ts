// Is a production build older than the sources it was made from? Shared by `npm start` and the bench.
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'db', 'lib', 'drizzle', 'proxy.ts', 'auth.ts', 'auth.config.ts', 'next.config.ts',
  'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when `<distDir>/BUILD_ID` is missing or older than any source file. */
export function buildIsStale(root: string, distDir = '.next'): boolean {
  const buildId = path.join(root, distDir, 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}
