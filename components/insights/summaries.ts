// One-sentence text summaries of the charts: the main finding in words, for a glance and for screen
// readers (the same sentence is the chart's <desc>).
import { MOODS, MOOD_LABELS, percentages, sumTallies, type Tallies } from '@/lib/domain/moods';
import { formatCount } from './chart-scale';

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function moodMixSummary(t: Tallies, period: string): string {
  const total = sumTallies(t);
  if (total === 0) return `No votes ${period}.`;
  const p = percentages(t);
  const ranked = [...MOODS].filter((m) => t[m] > 0).sort((a, b) => t[b] - t[a]);
  const top = ranked
    .slice(0, 3)
    .map((m) => `${MOOD_LABELS[m]} ${p[m]}% (${formatCount(t[m])})`)
    .join(', ');
  return `${plural(total, 'vote', 'votes')} ${period}. Most common: ${top}.`;
}

export function timelineSummary(
  buckets: { label: string; total: number }[],
  total: number,
  previousTotal: number,
  unit: 'hour' | 'day',
): string {
  if (total === 0 && previousTotal === 0) return 'No votes in this period or the one before.';
  const peak = buckets.reduce((best, b) => (b.total > best.total ? b : best), buckets[0] ?? { label: '', total: 0 });
  const change =
    previousTotal === 0
      ? 'the previous period had none'
      : `${total >= previousTotal ? 'up' : 'down'} ${Math.abs(Math.round(((total - previousTotal) / previousTotal) * 100))}%` +
        ` on the previous period (${formatCount(previousTotal)})`;
  const busiest = `Busiest ${unit}: ${peak.label} with ${formatCount(peak.total)}.`;
  return `${plural(total, 'vote', 'votes')} in all, ${change}. ${busiest}`;
}

export function sharesSummary(rows: { label: string; count: number }[]): string {
  const total = rows.reduce((n, r) => n + r.count, 0);
  if (total === 0) return 'No shares in this period.';
  const top = [...rows].sort((a, b) => b.count - a.count).slice(0, 3);
  const networks = top.map((r) => `${r.label} (${formatCount(r.count)}, ${Math.round((r.count / total) * 100)}%)`);
  return `${plural(total, 'share', 'shares')}. Most shared to ${networks.join(', ')}.`;
}
