// Horizontal bars with their values written beside them (shares by network, a story's moods).
// Server-rendered SVG; the label and the number are text, the bar only repeats them.
import { formatCount } from './chart-scale';
import { ChartSvg } from './chart-svg';

export type BarRow = { label: string; value: number; colour: string; note?: string };

const W = 640;
const ROW = 26;
const LABEL_W = 120;
const VALUE_W = 110;

export function BarChart({
  id,
  title,
  description,
  rows,
}: {
  id: string;
  title: string;
  description: string;
  rows: BarRow[];
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const H = rows.length * ROW + 4;
  const plotW = W - LABEL_W - VALUE_W;
  return (
    <ChartSvg id={id} title={title} description={description} width={W} height={H}>
      {rows.map((r, i) => {
        const yMid = i * ROW + ROW / 2 + 2;
        const w = (r.value / max) * plotW;
        return (
          <g key={r.label}>
            <text x={LABEL_W - 8} y={yMid} dy="0.32em" textAnchor="end" fontSize="12" fill="currentColor">
              {r.label}
            </text>
            <rect
              x={LABEL_W}
              y={yMid - 8}
              width={Math.max(r.value > 0 ? 2 : 0, w)}
              height="16"
              rx="2"
              fill={r.colour}
            />
            <text x={LABEL_W + w + 6} y={yMid} dy="0.32em" fontSize="12" fill="currentColor">
              {formatCount(r.value)}
              {r.note ? ` (${r.note})` : ''}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
