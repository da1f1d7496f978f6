import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/admin/page-header';
import { BarChart } from '@/components/insights/bar-chart';
import { ChartFigure, DataTable } from '@/components/insights/chart-figure';
import { formatCount } from '@/components/insights/chart-scale';
import { InsightsFilter } from '@/components/insights/insights-filter';
import { MoodTimelineChart } from '@/components/insights/mood-timeline-chart';
import { LineChart } from '@/components/insights/line-chart';
import { moodMixSummary, sharesSummary, timelineSummary } from '@/components/insights/summaries';
import { listSections } from '@/db/queries/sections';
import { param, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { NETWORK_COLOURS, PRIMARY_COLOUR, SECONDARY_COLOUR } from '@/lib/insights/colours';
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
  const sections = listSections();
  const resolved = resolveDashboardFilter(params);
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
        <DashboardBody d={loadDashboard(resolved.filter)} />
      ) : (
        <p className="text-muted">Correct the period above to see the figures.</p>
      )}
    </>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const w = d.filter.window;
  const query = windowQuery(w, { section: d.filter.section?.slug });
  const csv = (t: DashboardTable) => `/admin/insights/export/${t}?${query}`;
  const table = (t: DashboardTable) => ({ caption: t, ...dashboardTable(d, t, 'html') });
  const scope = `${w.label}${d.filter.section ? `, ${d.filter.section.name} and its subsections` : ', all sections'}`;
  const shareTotal = d.shares.reduce((n, s) => n + s.count, 0);
  const storyHref = (id: number) => `/admin/insights/stories/${id}?${windowQuery(w)}`;
  const moodSummary = moodMixSummary(d.totals, 'in this period');
  const lineSummary = timelineSummary(
    d.buckets.map((b) => ({ label: bucketLabel(b.start, w.bucket), total: b.total })),
    d.total,
    d.previousTotal,
    w.bucket,
  );
  const shareRows = d.shares.map((s) => ({ label: networkLabel(s.network), count: s.count }));
  return (
    <>
      <p className="mb-4 font-semibold" data-scope>
        {scope}
      </p>
      <dl className="mb-6 grid grid-cols-3 gap-3">
        <div className="admin-card">
          <dt className="text-sm text-muted">Votes</dt>
          <dd className="text-2xl font-bold" data-stat="votes">
            {formatCount(d.total)}
          </dd>
        </div>
        <div className="admin-card">
          <dt className="text-sm text-muted">Previous period</dt>
          <dd className="text-2xl font-bold">{formatCount(d.previousTotal)}</dd>
        </div>
        <div className="admin-card">
          <dt className="text-sm text-muted">Shares</dt>
          <dd className="text-2xl font-bold" data-stat="shares">
            {formatCount(shareTotal)}
          </dd>
        </div>
      </dl>

      <ChartFigure
        id="mood-timeline"
        title="Votes by mood"
        summary={moodSummary}
        csvHref={csv('mood-timeline')}
        table={table('mood-timeline')}
        empty={d.total === 0 ? 'No votes in this period.' : undefined}
        chart={<MoodTimelineChart bucket={w.bucket} buckets={d.buckets} description={moodSummary} />}
      />
      <ChartFigure
        id="votes-timeline"
        title="Votes over time"
        summary={lineSummary}
        csvHref={csv('votes-timeline')}
        table={table('votes-timeline')}
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
      <ChartFigure
        id="shares"
        title="Shares by network"
        summary={sharesSummary(shareRows)}
        csvHref={csv('shares')}
        table={table('shares')}
        empty={shareTotal === 0 ? 'No shares in this period.' : undefined}
        chart={
          <BarChart
            id="shares-chart"
            title="Shares by network"
            description={sharesSummary(shareRows)}
            rows={d.shares.map((s) => ({
              label: networkLabel(s.network),
              value: s.count,
              colour: NETWORK_COLOURS[s.network] ?? PRIMARY_COLOUR,
            }))}
          />
        }
      />

      <StoryTable
        id="top-by-mood"
        title="Most-voted stories for each mood"
        csvHref={csv('top-by-mood')}
        empty="No votes in this period."
      >
        {d.leaders.length ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Mood</th>
                <th scope="col">Stories (votes of the mood / all votes in the period)</th>
              </tr>
            </thead>
            <tbody>
              {MOODS.filter((m) => d.leaders.some((l) => l.mood === m)).map((m) => (
                <tr key={m}>
                  <th scope="row" className="font-semibold whitespace-nowrap">
                    {MOOD_LABELS[m]}
                  </th>
                  <td>
                    <ol className="list-decimal pl-5">
                      {d.leaders
                        .filter((l) => l.mood === m)
                        .map((l) => (
                          <li key={l.id}>
                            <Link href={storyHref(l.id)} className="text-brand hover:underline">
                              {l.title}
                            </Link>{' '}
                            <span className="text-muted">
                              {formatCount(l.moodVotes)} / {formatCount(l.totalVotes)}
                            </span>
                          </li>
                        ))}
                    </ol>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </StoryTable>

      <StoryTable
        id="most-shared"
        title="Most-shared stories"
        csvHref={csv('most-shared')}
        empty="No shares in this period."
      >
        {d.shared.length ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Story</th>
                <th scope="col" className="text-right">
                  Shares
                </th>
                <th scope="col">Shared most to</th>
              </tr>
            </thead>
            <tbody>
              {d.shared.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="font-normal">
                    <Link href={storyHref(s.id)} className="text-brand hover:underline">
                      {s.title}
                    </Link>{' '}
                    <span className="text-muted">· {s.sectionName}</span>
                  </th>
                  <td className="text-right tabular-nums">{formatCount(s.shares)}</td>
                  <td>
                    {networkLabel(s.topNetwork)} ({formatCount(s.topNetworkShares)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </StoryTable>

      <StoryTable
        id="movers"
        title="Stories whose mood moved most"
        csvHref={csv('movers')}
        empty="No story had at least 5 votes in both this period and the one before."
        note="Against the previous period of the same length, for stories with at least 5 votes in each. The shift is how much of the mood mix changed, in percentage points (0–100)."
      >
        {d.movers.length ? <DataTable table={{ caption: 'Stories whose mood moved most', ...moversTable(d) }} /> : null}
      </StoryTable>
    </>
  );
}

function moversTable(d: Dashboard) {
  const t = dashboardTable(d, 'movers', 'html');
  // The story number column is for the CSV; on the page the headline is enough.
  return { columns: t.columns.slice(0, -1), rows: t.rows.map((r) => r.slice(0, -1)), numeric: t.numeric.slice(0, -1) };
}

function StoryTable({
  id,
  title,
  csvHref,
  empty,
  note,
  children,
}: {
  id: string;
  title: string;
  csvHref: string;
  empty: string;
  note?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="admin-card mb-6" data-table={id}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {title}
        </h2>
        <a href={csvHref} className="text-sm font-semibold text-brand hover:underline" download>
          Download CSV<span className="sr-only"> of {title}</span>
        </a>
      </div>
      {note ? <p className="mb-2 text-sm text-muted">{note}</p> : null}
      <div className="overflow-x-auto">{children ?? <p className="text-sm text-muted">{empty}</p>}</div>
    </section>
  );
}
