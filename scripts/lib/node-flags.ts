// Node flags for the process that serves Moodwire: `npm start` and the benchmark start it the same way.

/**
 * V8 grows its heap lazily: with the default limit, a server that has rendered a few thousand pages
 * sits at 500+ MB of RSS. With old space capped at 256 MB (the live heap is about 60 MB) it collects
 * sooner and stays near 230 MB on the benchmark database (docs/decisions/009-benchmark-harness.md).
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=256'];
