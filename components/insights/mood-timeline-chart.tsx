// Votes by mood per hour or day, as stacked bars: the same chart on the dashboard and a story's page.
import type { Bucket } from '@/lib/insights/window';
import { MOOD_COLOURS } from '@/lib/insights/colours';
import { bucketLabel, bucketTick } from '@/lib/insights/window';
import { MOODS, MOOD_LABELS, type Mood } from '@/lib/domain/moods';
import { ChartFigure, type ChartTable } from './chart-figure';
import { StackedBarChart } from './stacked-bar-chart';

export function MoodTimelineChart({
  bucket,
  buckets,
  description,
}: {
  bucket: Bucket;
  buckets: { start: number; tallies: Record<Mood, number> }[];
  description: string;
}) {
  return (
    <StackedBarChart
      id="mood-timeline-chart"
      title={`Votes by mood, ${bucket === 'hour' ? 'hour by hour' : 'day by day'}`}
      description={description}
      series={MOODS.map((m) => ({ key: m, label: MOOD_LABELS[m], colour: MOOD_COLOURS[m] }))}
      buckets={buckets.map((b) => ({
        tick: bucketTick(b.start, bucket),
        label: bucketLabel(b.start, bucket),
        values: b.tallies,
      }))}
    />
  );
}

/** The timeline in its figure, as the dashboard and a story's page both show it. */
export function MoodTimelineFigure({
  source,
  title,
  summary,
  empty,
  bucket,
  buckets,
}: {
  source: { id: string; table: ChartTable; csvHref: string };
  title: string;
  summary: string;
  empty?: string;
  bucket: Bucket;
  buckets: { start: number; tallies: Record<Mood, number> }[];
}) {
  return (
    <ChartFigure
      {...source}
      title={title}
      summary={summary}
      empty={empty}
      chart={<MoodTimelineChart bucket={bucket} buckets={buckets} description={summary} />}
    />
  );
}
