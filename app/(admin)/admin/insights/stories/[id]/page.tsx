import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { PageHeader } from '@/components/admin/page-header';
import { StatusBadge } from '@/components/admin/status-badge';
import { BarChart } from '@/components/insights/bar-chart';
import { ChartFigure, figureSource, StatCards } from '@/components/insights/chart-figure';
import { MoodTimelineFigure } from '@/components/insights/mood-timeline-chart';
import { InsightsFilter } from '@/components/insights/insights-filter';
import { StoryReads } from '@/components/insights/reads-report';
import { StackedBarChart } from '@/components/insights/stacked-bar-chart';
import { SharesFigure } from '@/components/insights/shares-figure';
import { moodMixSummary } from '@/components/insights/summaries';
import { VotingToggle } from '@/components/moderation/voting-toggle';
import { storyIsPublic } from '@/db/queries/admin-stories';
import { getStoryForInsights } from '@/db/queries/insights';
import { param, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { MOOD_COLOURS, networkColour } from '@/lib/insights/colours';
import { loadStoryReport, networkLabel, storyTable, type StoryReport, type StoryTable } from '@/lib/insights/reports';
import { bucketLabel, bucketTick, parseInsightsWindow, windowQuery } from '@/lib/insights/window';
import { MOODS, MOOD_LABELS, percentages } from '@/lib/domain/moods';
import { can, canEditStory, canViewStoryInsights } from '@/lib/permissions';
import { articlePath } from '@/lib/domain/routes';
import { setVotingPausedAction } from '@/app/(admin)/admin/moderation/actions';

export const metadata: Metadata = { title: 'Story insights' };

export default async function StoryInsightsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const user = await requireStaff('insights.own');
  const { id: rawId } = await params;
  if (!/^[1-9]\d{0,8}$/.test(rawId)) notFound();
  const story = await getStoryForInsights(Number(rawId));
  if (!story) notFound();
  if (!canViewStoryInsights(user, story)) forbidden();

  const query = await searchParams;
  const values = { window: param(query, 'window', 20), from: param(query, 'from', 20), to: param(query, 'to', 20) };
  const window = parseInsightsWindow(values, undefined, '30d');
  const seesAll = can(user.role, 'insights.view');

  return (
    <>
      <PageHeader
        title={story.title}
        back={
          seesAll ? { href: '/admin/insights', label: 'Insights' } : { href: '/admin/stories', label: 'Your stories' }
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <StatusBadge status={story.status} publishedAt={story.publishedAt} />
        <span>{story.sectionName}</span>
        {storyIsPublic(story) ? (
          <Link href={articlePath(story.slug)} className="text-brand hover:underline">
            Read the story
          </Link>
        ) : null}
        {canEditStory(user, story) ? (
          <Link href={`/admin/stories/${story.id}`} className="text-brand hover:underline">
            Edit
          </Link>
        ) : null}
        <span data-voting={story.votingPaused ? 'paused' : 'open'}>
          {story.votingPaused ? 'Voting is paused' : 'Voting is open'}
        </span>
        {can(user.role, 'votes.moderate') ? (
          <VotingToggle action={setVotingPausedAction} storyId={story.id} paused={story.votingPaused} />
        ) : null}
      </div>
      <InsightsFilter
        action={`/admin/insights/stories/${story.id}`}
        values={values}
        error={window.ok ? undefined : window}
      />
      {window.ok ? (
        <StoryBody id={story.id} r={await loadStoryReport(story.id, window.window)} />
      ) : (
        <p className="text-muted">Correct the period above to see the figures.</p>
      )}
    </>
  );
}

function StoryBody({ id, r }: { id: number; r: StoryReport }) {
  const w = r.window;
  const source = figureSource<StoryTable>(
    (t) => storyTable(r, t, 'html'),
    (t) => `/admin/insights/stories/${id}/export/${t}?${windowQuery(w)}`,
  );
  const p = percentages(r.tallies);
  const mixSummary = moodMixSummary(r.tallies, 'counted on this story in all');
  const timeSummary = moodMixSummary(r.windowTotals, `cast in this period (${w.label})`);
  const shareRows = r.networks.map((n) => ({ label: networkLabel(n), count: r.shareTotals[n] ?? 0 }));
  return (
    <>
      <StatCards
        stats={[
          { label: 'Readers who voted', value: r.readers.readers, stat: 'readers' },
          { label: 'Votes voided by moderation', value: r.readers.voided, stat: 'voided' },
          { label: 'Distinct addresses, last 48 hours', value: r.readers.recentAddresses },
        ]}
      />
      <StoryReads id={id} scope={w} />
      <ChartFigure
        {...source('moods')}
        title="Mood distribution"
        summary={mixSummary}
        empty={r.total === 0 ? 'Nobody has voted on this story yet.' : undefined}
        chart={
          <BarChart
            id="moods-chart"
            title="Mood distribution, all votes counted"
            description={mixSummary}
            rows={MOODS.map((m) => ({
              label: MOOD_LABELS[m],
              value: r.tallies[m],
              colour: MOOD_COLOURS[m],
              note: `${p[m]}%`,
            }))}
          />
        }
      />
      <MoodTimelineFigure
        source={source('mood-timeline')}
        title="Votes over time by mood"
        summary={timeSummary}
        empty={r.buckets.every((b) => b.total === 0) ? 'No votes were cast in this period.' : undefined}
        bucket={w.bucket}
        buckets={r.buckets}
      />
      <SharesFigure
        source={source('shares-timeline')}
        title="Shares by network over time"
        shares={shareRows}
        chart={(summary) => (
          <StackedBarChart
            id="shares-timeline-chart"
            title="Shares by network, day by day"
            description={summary}
            series={r.networks.map((n) => ({ key: n, label: networkLabel(n), colour: networkColour(n) }))}
            buckets={r.shareDays.map((d) => {
              const start = Date.parse(`${d.day}T00:00:00Z`);
              return { tick: bucketTick(start, 'day'), label: bucketLabel(start, 'day'), values: d.counts };
            })}
          />
        )}
      />
    </>
  );
}
