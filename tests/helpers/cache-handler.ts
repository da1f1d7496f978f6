// Next's page cache handlers (lib/server/route-cache-handler.cjs and redis-page-cache.cjs) built the
// way Next builds them, on a throwaway directory standing for `.next/server`, for the unit and
// integration tests of both.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

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

type Reader<T> = { get(key: string, ctx: object): Promise<T> };

/**
 * A read whose render these tests leave out (they look at what the read finds): a miss takes one of
 * lib/server/first-renders.cjs's render slots, released here as the server hook releases a failed
 * render's, so reads without a render never fill the slots.
 */
export async function readAlone<T>(cache: Reader<T>, key: string, ctx: object = PAGE_CTX): Promise<T> {
  const { releaseOnServerError } =
    require('../../lib/server/first-renders.cjs') as typeof import('../../lib/server/first-renders.cjs');
  const found = await cache.get(key, ctx);
  if (found === null) {
    const res = Object.assign(new EventEmitter(), { statusCode: 500 });
    releaseOnServerError({ method: 'GET' }, res);
    res.emit('close');
  }
  return found;
}
