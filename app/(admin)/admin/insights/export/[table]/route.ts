// CSV of one dashboard table, for the same filters as the page (?window=…&from=…&to=…&section=…).
// Checks the session and the permission itself; bad filters get a 400 with the reason.
import { staffForRoute } from '@/lib/auth/staff';
import { csvResponse } from '@/lib/insights/csv';
import {
  DASHBOARD_TABLES,
  dashboardTable,
  loadDashboard,
  resolveDashboardFilter,
  type DashboardTable,
} from '@/lib/insights/reports';

const plain = (message: string, status: number) =>
  new Response(message + '\n', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export async function GET(request: Request, { params }: RouteContext<'/admin/insights/export/[table]'>) {
  const gate = await staffForRoute('insights.view');
  if ('response' in gate) return gate.response;
  const { table } = await params;
  if (!(DASHBOARD_TABLES as readonly string[]).includes(table))
    return plain(`No such table. Choose one of: ${DASHBOARD_TABLES.join(', ')}.`, 404);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const resolved = await resolveDashboardFilter(search);
  if (!resolved.ok) return plain(resolved.message, 400);
  const t = dashboardTable(await loadDashboard(resolved.filter), table as DashboardTable, 'csv');
  const w = resolved.filter.window;
  const section = resolved.filter.section ? `-${resolved.filter.section.slug}` : '';
  const name = `moodwire-${table}-${w.fromDay}-to-${w.toDay}${section}.csv`;
  return csvResponse(name, t.columns, t.rows);
}
