// One or more lines over the same hours or days (this period against the previous one).
// Server-rendered SVG; the previous period is dashed, so the two differ by more than colour.
import { formatCount, labelledIndexes, niceScale } from './chart-scale';
import { Legend } from './chart-figure';
import { ChartSvg, ValueGrid } from './chart-svg';

export type LineSeries = { label: string; colour: string; values: number[]; dashed?: boolean };

const W = 640;
const H = 220;
const M = { top: 10, right: 28, bottom: 28, left: 48 };

export function LineChart({
  id,
  title,
  description,
  ticks: xTicks,
  series,
}: {
  id: string;
  title: string;
  description: string;
  ticks: string[];
  series: LineSeries[];
}) {
  const { top, ticks } = niceScale(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const n = xTicks.length;
  const x = (i: number) => M.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const labelled = labelledIndexes(n);
  return (
    <>
      <ChartSvg id={id} title={title} description={description} width={W} height={H}>
        <ValueGrid ticks={ticks} left={M.left} right={W - M.right} y={y} />
        {xTicks.map((t, i) =>
          labelled.has(i) ? (
            <text key={i} x={x(i)} y={H - M.bottom + 16} textAnchor="middle" fontSize="11" fill="currentColor">
              {t}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <g key={s.label}>
            <polyline
              points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
              fill="none"
              stroke={s.colour}
              strokeWidth="2.5"
              strokeLinejoin="round"
              strokeDasharray={s.dashed ? '6 4' : undefined}
            />
            {!s.dashed && n <= 48
              ? s.values.map((v, i) => (
                  <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={s.colour}>
                    <title>{`${xTicks[i]}: ${formatCount(v)}`}</title>
                  </circle>
                ))
              : null}
          </g>
        ))}
      </ChartSvg>
      <Legend items={series.map((s) => ({ label: s.label, colour: s.colour, dashed: s.dashed }))} />
    </>
  );
}
