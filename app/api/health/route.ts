import { checkDatabaseHealth } from '@/db/queries/health';
import { protectionsReport } from '@/lib/server/protections-registry.cjs';
import { recordCause } from '@/lib/server/request-causes.cjs';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const health = await checkDatabaseHealth();
  // The 503's log line says why (lib/server/request-log.cjs).
  if (!health.ok) recordCause(request.headers, { message: `health check: ${health.reason}` });
  // Which server hooks this process runs with, and how it was started (decision 053): names only.
  const protections = protectionsReport();
  const body = health.ok
    ? { status: 'ok', version: packageJson.version, migrations: health.migrations, protections }
    : {
        status: 'degraded',
        reason: health.reason,
        version: packageJson.version,
        migrations: health.migrations,
        protections,
      };
  return Response.json(body, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
