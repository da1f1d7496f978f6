// The server's memory after a full garbage collection, for `npm run bench` (voters reading, three
// identical rounds: the heap must not grow from one to the next, issue 22). RSS alone cannot tell a
// leak from a heap V8 has not collected yet. Exists only on a server started by the benchmark (which
// also passes --expose-gc); everywhere else it is a 404.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (process.env.MOODWIRE_BENCH !== '1' || !collect)
    return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  collect();
  collect();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return Response.json({ rss, heapUsed, external, arrayBuffers }, { headers: { 'cache-control': 'no-store' } });
}
