// Node flags for the process that serves Moodwire: `npm start` and the benchmark start it the same way.

/**
 * V8 grows its heap lazily: with the default limit, a server that has rendered a few thousand pages
 * sits at 500+ MB of RSS. With old space capped (the live heap is about 60 MB) it collects sooner
 * (docs/decisions/009-benchmark-harness.md). 256 MB of old space let the benchmark's peak reach
 * 361 MB (50 first renders at once); 160 MB and 8 MB semi-spaces: 327 MB, at the same CPU per request.
 * About 80 MB of any RSS here is file-backed (the node binary, its ICU data, native modules).
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=8'];

/**
 * Environment for the serving process, beside its flags. glibc gives each thread that allocates its
 * own malloc arena (up to 8 per core) and keeps freed memory there: sharp's image work runs on
 * libuv's pool threads, so photos processed one after another left a decoded image's worth of freed
 * memory in each of several arenas. Two arenas: six simultaneous 40-megapixel uploads peaked at
 * 301 MB instead of 335–358 MB (decision 020). An operator's own MALLOC_ARENA_MAX wins.
 */
export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', ...env };
}
