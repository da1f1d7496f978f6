import { checkDatabaseHealth } from '@/db/queries/health';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

export function GET() {
  const health = checkDatabaseHealth();
  const body = health.ok
    ? { status: 'ok', version: packageJson.version, migrations: health.migrations }
    : { status: 'degraded', reason: health.reason, version: packageJson.version, migrations: health.migrations };
  return Response.json(body, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
