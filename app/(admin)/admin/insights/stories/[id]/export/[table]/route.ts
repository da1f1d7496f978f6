// CSV of one table of a story's insights. Editors and admins get any story's, writers their own
// stories' only: the same rule as the page, checked here too.
import { getStoryForInsights } from '@/db/queries/insights';
import { staffForRoute } from '@/lib/auth/staff';
import { csvResponse } from '@/lib/insights/csv';
import { loadStoryReport, STORY_TABLES, storyTable, type StoryTable } from '@/lib/insights/reports';
import { parseInsightsWindow } from '@/lib/insights/window';
import { canViewStoryInsights } from '@/lib/permissions';

const plain = (message: string, status: number) =>
  new Response(message + '\n', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export async function GET(request: Request, { params }: RouteContext<'/admin/insights/stories/[id]/export/[table]'>) {
  const gate = await staffForRoute('insights.own');
  if ('response' in gate) return gate.response;
  const { id, table } = await params;
  const story = /^[1-9]\d{0,8}$/.test(id) ? await getStoryForInsights(Number(id)) : undefined;
  if (!story) return plain('No such story.', 404);
  if (!canViewStoryInsights(gate.user, story))
    return Response.json(
      { error: 'Your role does not allow this.' },
      { status: 403, headers: { 'Cache-Control': 'no-store' } },
    );
  if (!(STORY_TABLES as readonly string[]).includes(table))
    return plain(`No such table. Choose one of: ${STORY_TABLES.join(', ')}.`, 404);
  const search = new URL(request.url).searchParams;
  const window = parseInsightsWindow(
    {
      window: search.get('window') ?? undefined,
      from: search.get('from') ?? undefined,
      to: search.get('to') ?? undefined,
    },
    Date.now(),
    '30d',
  );
  if (!window.ok) return plain(window.message, 400);
  const t = storyTable(await loadStoryReport(story.id, window.window), table as StoryTable, 'csv');
  return csvResponse(
    `moodwire-story-${story.id}-${table}-${window.window.fromDay}-to-${window.window.toDay}.csv`,
    t.columns,
    t.rows,
  );
}
