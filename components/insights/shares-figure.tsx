// Shares by network in a figure, as the dashboard (totals) and a story's page (day by day) show them:
// the same summary sentence and empty state; each page draws its own chart from the summary.
import type { ReactNode } from 'react';
import { ChartFigure, type ChartTable } from './chart-figure';
import { sharesSummary } from './summaries';

export function SharesFigure({
  source,
  title,
  shares,
  chart,
}: {
  source: { id: string; table: ChartTable; csvHref: string };
  title: string;
  /** shares per network over the period, named for readers */
  shares: { label: string; count: number }[];
  chart: (summary: string) => ReactNode;
}) {
  const summary = sharesSummary(shares);
  const total = shares.reduce((n, s) => n + s.count, 0);
  return (
    <ChartFigure
      {...source}
      title={title}
      summary={summary}
      empty={total === 0 ? 'No shares in this period.' : undefined}
      chart={chart(summary)}
    />
  );
}
