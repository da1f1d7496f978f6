// A route handler that does nothing: `npm run bench` posts the vote's own request here to measure
// what Next itself costs per POST to a route handler, the floor under the vote (decision 015). It
// exists only on a server started by the benchmark; everywhere else it is a 404.
export function POST(): Response {
  if (process.env.MOODWIRE_BENCH !== '1')
    return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
