// Next's page cache handlers (lib/server/route-cache-handler.cjs and redis-page-cache.cjs) built the
// way Next builds them, on a throwaway directory standing for `.next/server`, for the unit and
// integration tests of both.
import fs from 'node:fs';
import path from 'node:path';

/** The context Next gives a cache handler's constructor, on a real disk under `dist/server`. */
export function handlerContext(dist: string) {
  return {
    fs: {
      existsSync: fs.existsSync,
      readFile: fs.promises.readFile,
      readFileSync: fs.readFileSync,
      stat: fs.promises.stat,
      writeFile: fs.promises.writeFile,
      mkdir: (dir: string) => fs.promises.mkdir(dir, { recursive: true }),
    },
    serverDistDir: path.join(dist, 'server'),
    flushToDisk: true,
    maxMemoryCacheSize: 10 * 1024 * 1024,
    revalidatedTags: [],
  };
}

/** What Next passes with the read of an App Router page. */
export const PAGE_CTX = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false };
