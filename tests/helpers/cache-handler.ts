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
 * A read the way a request makes it: inside the server hook's context, so a miss's render slot
 * (lib/server/first-renders.cjs) is freed when the response closes, here as soon as the read is done.
 */
export async function readAsRequest<T>(cache: Reader<T>, key: string, ctx: object = PAGE_CTX): Promise<T> {
  const { withResponse } = require('../../lib/server/first-renders.cjs') as {
    withResponse<R>(res: EventEmitter, serve: () => R): R;
  };
  const res = new EventEmitter();
  try {
    return await withResponse(res, () => cache.get(key, ctx));
  } finally {
    res.emit('close');
  }
}
