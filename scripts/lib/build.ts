// Is a production build older than the sources it was made from, or made for another SITE_URL?
// Shared by `npm start` and the bench.
import fs from 'node:fs';
import path from 'node:path';
import { siteUrl } from '../../lib/domain/routes';

const SOURCES = [
  'app',
  'components',
  'db',
  'lib',
  'drizzle',
  'proxy.ts',
  'instrumentation.ts',
  'auth.ts',
  'auth.config.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

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

// Prerendered pages, feeds and sitemaps carry absolute links built from SITE_URL at build time.
const stampFile = (root: string, distDir: string) => path.join(root, distDir, 'moodwire-site-url');
// Without SITE_URL the address includes PORT (lib/routes.ts), so a start on another port rebuilds too.
export const currentSiteUrl = () => siteUrl();

/** Records which SITE_URL a fresh build was made for. */
export function stampBuild(root: string, distDir = '.next'): void {
  fs.writeFileSync(stampFile(root, distDir), currentSiteUrl());
}

/** True when `<distDir>/BUILD_ID` is missing, older than any source file, or built for another SITE_URL. */
export function buildIsStale(root: string, distDir = '.next'): boolean {
  const buildId = path.join(root, distDir, 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const stamp = stampFile(root, distDir);
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== currentSiteUrl()) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}
