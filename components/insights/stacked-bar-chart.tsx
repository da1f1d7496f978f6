// Vertical bars, one per hour or day, each split into coloured segments (moods, or share networks).
// Server-rendered SVG: no JavaScript, scales with its container, text in the page's own colour.
import { formatCount, labelledIndexes, niceScale } from './chart-scale';
import { Legend } from './chart-figure';
import { ChartSvg, ValueGrid } from './chart-svg';

export type StackedSeries = { key: string; label: string; colour: string };
export type StackedBucket = { tick: string; label: string; values: Record<string, number> };

const W = 640;
const H = 240;
const M = { top: 10, right: 8, bottom: 28, left: 48 };

export function StackedBarChart({
  id,
  title,
  description,
  series,
  buckets,
}: {
  id: string;
  title: string;
  description: string;
  series: StackedSeries[];
  buckets: StackedBucket[];
}) {
  const totals = buckets.map((b) => series.reduce((n, s) => n + (b.values[s.key] ?? 0), 0));
  const { top, ticks } = niceScale(Math.max(0, ...totals));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, buckets.length);
  const barW = Math.max(1, Math.min(40, slot * 0.75));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const labelled = labelledIndexes(buckets.length);
  return (
    <>
      <ChartSvg id={id} title={title} description={description} width={W} height={H}>
        <ValueGrid ticks={ticks} left={M.left} right={W - M.right} y={y} />
        {buckets.map((b, i) => {
          const x = M.left + i * slot + (slot - barW) / 2;
          let acc = 0;
          return (
            <g key={i}>
              {series.map((s) => {
                const v = b.values[s.key] ?? 0;
                if (v <= 0) return null;
                const y0 = y(acc);
                acc += v;
                const y1 = y(acc);
                return (
                  <rect
                    key={s.key}
                    x={x}
                    y={y1}
                    width={barW}
                    height={Math.max(0.5, y0 - y1)}
                    fill={s.colour}
                    stroke="var(--color-paper)"
                    strokeWidth={barW > 4 ? 0.75 : 0}
                  >
                    <title>{`${b.label}: ${s.label} ${formatCount(v)}`}</title>
                  </rect>
                );
              })}
              {labelled.has(i) ? (
                <text
                  x={M.left + i * slot + slot / 2}
                  y={H - M.bottom + 16}
                  textAnchor="middle"
                  fontSize="11"
                  fill="currentColor"
                >
                  {b.tick}
                </text>
              ) : null}
            </g>
          );
        })}
      </ChartSvg>
      <Legend items={series.map((s) => ({ label: s.label, colour: s.colour }))} />
    </>
  );
}
