import { checkDatabaseHealth } from '@/db/queries/health';
import { checkPageCacheHealth } from '@/lib/server/page-cache-health';
import { recordCause } from '@/lib/server/request-causes.cjs';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const [health, cache] = await Promise.all([checkDatabaseHealth(), checkPageCacheHealth()]);
  // The 503's log line says why (lib/server/request-log.cjs).
  if (!health.ok) recordCause(request.headers, { message: `health check: ${health.reason}` });
  // A shared page cache that is away degrades the server without stopping it: it still answers
  // every page (rendering, or from what it holds), so the answer stays 200 for the load balancer.
  const reasons = [...(health.ok ? [] : [health.reason]), ...(cache.ok ? [] : [`page cache: ${cache.reason}`])];
  const body = {
    status: reasons.length ? 'degraded' : 'ok',
    ...(reasons.length ? { reason: reasons.join('; ') } : {}),
    version: packageJson.version,
    migrations: health.migrations,
    cache,
  };
  return Response.json(body, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
