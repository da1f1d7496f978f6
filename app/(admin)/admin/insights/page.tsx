import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/admin/page-header';
import { AdminTable, ReportSection } from '@/components/admin/admin-table';
import { BarChart } from '@/components/insights/bar-chart';
import { ChartFigure, DataTable, figureSource, StatCards } from '@/components/insights/chart-figure';
import { formatCount } from '@/components/insights/chart-scale';
import { InsightsFilter } from '@/components/insights/insights-filter';
import { MoodTimelineFigure } from '@/components/insights/mood-timeline-chart';
import { ReadsReport } from '@/components/insights/reads-report';
import { LineChart } from '@/components/insights/line-chart';
import { SharesFigure } from '@/components/insights/shares-figure';
import { moodMixSummary, timelineSummary } from '@/components/insights/summaries';
import { listSections } from '@/db/queries/sections';
import { param, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { networkColour, PRIMARY_COLOUR, SECONDARY_COLOUR } from '@/lib/insights/colours';
import {
  dashboardTable,
  loadDashboard,
  networkLabel,
  resolveDashboardFilter,
  type Dashboard,
  type DashboardTable,
} from '@/lib/insights/reports';
import { bucketLabel, bucketTick, windowQuery } from '@/lib/insights/window';
import { MOODS, MOOD_LABELS } from '@/lib/domain/moods';

export const metadata: Metadata = { title: 'Insights' };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireStaff('insights.view');
  const params = await searchParams;
  const values = {
    window: param(params, 'window', 20),
    from: param(params, 'from', 20),
    to: param(params, 'to', 20),
    section: param(params, 'section', 100),
  };
  const sections = await listSections();
  const resolved = await resolveDashboardFilter(params);
  return (
    <>
      <PageHeader title="Insights" />
      <p className="mb-4 text-sm text-muted">
        How readers felt about and shared the stories, over a period. Days and hours are UTC.
      </p>
      <InsightsFilter
        action="/admin/insights"
        values={values}
        sections={sections}
        error={resolved.ok ? undefined : resolved}
      />
      {resolved.ok ? (
        <DashboardBody d={await loadDashboard(resolved.filter)} />
      ) : (
        <p className="text-muted">Correct the period above to see the figures.</p>
      )}
    </>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const w = d.filter.window;
  const query = windowQuery(w, { section: d.filter.section?.slug });
  const source = figureSource<DashboardTable>(
    (t) => dashboardTable(d, t, 'html'),
    (t) => `/admin/insights/export/${t}?${query}`,
  );
  const scope = `${w.label}${d.filter.section ? `, ${d.filter.section.name} and its subsections` : ', all sections'}`;
  const shareTotal = d.shares.reduce((n, s) => n + s.count, 0);
  const storyHref = (id: number) => `/admin/insights/stories/${id}?${windowQuery(w)}`;
  const storyLink = (s: { id: number; title: string }) => (
    <Link href={storyHref(s.id)} className="text-brand hover:underline">
      {s.title}
    </Link>
  );
  const moodSummary = moodMixSummary(d.totals, 'in this period');
  const lineSummary = timelineSummary(
    d.buckets.map((b) => ({ label: bucketLabel(b.start, w.bucket), total: b.total })),
    d.total,
    d.previousTotal,
    w.bucket,
  );
  const shareRows = d.shares.map((s) => ({ label: networkLabel(s.network), count: s.count }));
  const moodsWithLeaders = MOODS.filter((m) => d.leaders.some((l) => l.mood === m));
  return (
    <>
      <p className="mb-4 font-semibold" data-scope>
        {scope}
      </p>
      <StatCards
        stats={[
          { label: 'Votes', value: d.total, stat: 'votes' },
          { label: 'Previous period', value: d.previousTotal },
          { label: 'Shares', value: shareTotal, stat: 'shares' },
        ]}
      />

      <MoodTimelineFigure
        source={source('mood-timeline')}
        title="Votes by mood"
        summary={moodSummary}
        empty={d.total === 0 ? 'No votes in this period.' : undefined}
        bucket={w.bucket}
        buckets={d.buckets}
      />
      <ChartFigure
        {...source('votes-timeline')}
        title="Votes over time"
        summary={lineSummary}
        empty={d.total === 0 && d.previousTotal === 0 ? 'No votes in this period or the one before.' : undefined}
        chart={
          <LineChart
            id="votes-timeline-chart"
            title={`Votes per ${w.bucket}, this period against the previous one`}
            description={lineSummary}
            ticks={d.buckets.map((b) => bucketTick(b.start, w.bucket))}
            series={[
              { label: 'This period', colour: PRIMARY_COLOUR, values: d.buckets.map((b) => b.total) },
              {
                label: 'Previous period',
                colour: SECONDARY_COLOUR,
                values: d.buckets.map((b) => b.previous),
                dashed: true,
              },
            ]}
          />
        }
      />
      <SharesFigure
        source={source('shares')}
        title="Shares by network"
        shares={shareRows}
        chart={(summary) => (
          <BarChart
            id="shares-chart"
            title="Shares by network"
            description={summary}
            rows={d.shares.map((s) => ({
              label: networkLabel(s.network),
              value: s.count,
              colour: networkColour(s.network),
            }))}
          />
        )}
      />

      <ReadsReport scope={{ ...w, sectionIds: d.filter.sectionIds }} storyHref={storyHref} />
      <ReportSection
        id="top-by-mood"
        title="Most-voted stories for each mood"
        csvHref={source('top-by-mood').csvHref}
        empty="No votes in this period."
        data={{ 'data-table': 'top-by-mood' }}
      >
        {d.leaders.length ? (
          <AdminTable
            rows={moodsWithLeaders}
            rowKey={(m) => m}
            columns={[
              {
                header: 'Mood',
                rowHeader: true,
                className: 'font-semibold whitespace-nowrap',
                cell: (m) => MOOD_LABELS[m],
              },
              {
                header: 'Stories (votes of the mood / all votes in the period)',
                cell: (m) => (
                  <ol className="list-decimal pl-5">
                    {d.leaders
                      .filter((l) => l.mood === m)
                      .map((l) => (
                        <li key={l.id}>
                          {storyLink(l)}{' '}
                          <span className="text-muted">
                            {formatCount(l.moodVotes)} / {formatCount(l.totalVotes)}
                          </span>
                        </li>
                      ))}
                  </ol>
                ),
              },
            ]}
          />
        ) : null}
      </ReportSection>

      <ReportSection
        id="most-shared"
        title="Most-shared stories"
        csvHref={source('most-shared').csvHref}
        empty="No shares in this period."
        data={{ 'data-table': 'most-shared' }}
      >
        {d.shared.length ? (
          <AdminTable
            rows={d.shared}
            rowKey={(s) => s.id}
            columns={[
              {
                header: 'Story',
                rowHeader: true,
                cell: (s) => (
                  <>
                    {storyLink(s)} <span className="text-muted">· {s.sectionName}</span>
                  </>
                ),
              },
              { header: 'Shares', numeric: true, cell: (s) => formatCount(s.shares) },
              {
                header: 'Shared most to',
                cell: (s) => `${networkLabel(s.topNetwork)} (${formatCount(s.topNetworkShares)})`,
              },
            ]}
          />
        ) : null}
      </ReportSection>

      <ReportSection
        id="movers"
        title="Stories whose mood moved most"
        csvHref={source('movers').csvHref}
        empty="No story had at least 5 votes in both this period and the one before."
        note={
          <p className="mb-2 text-sm text-muted">
            Against the previous period of the same length, for stories with at least 5 votes in each. The shift is how
            much of the mood mix changed, in percentage points (0–100).
          </p>
        }
        data={{ 'data-table': 'movers' }}
      >
        {d.movers.length ? <DataTable table={{ caption: 'Stories whose mood moved most', ...moversTable(d) }} /> : null}
      </ReportSection>
    </>
  );
}

function moversTable(d: Dashboard) {
  const t = dashboardTable(d, 'movers', 'html');
  // The story number column is for the CSV; on the page the headline is enough.
  return { columns: t.columns.slice(0, -1), rows: t.rows.map((r) => r.slice(0, -1)), numeric: t.numeric.slice(0, -1) };
}
