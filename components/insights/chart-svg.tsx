// What every chart's SVG shares: the accessible frame (role img, title, desc) and, for charts with a
// value axis, the horizontal grid lines with their counts.
import type { ReactNode } from 'react';
import { formatCount } from './chart-scale';

export function ChartSvg({
  id,
  title,
  description,
  width,
  height,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-svg-title`}
      aria-describedby={`${id}-svg-desc`}
      className="h-auto w-full max-w-3xl text-ink"
      focusable="false"
    >
      <title id={`${id}-svg-title`}>{title}</title>
      <desc id={`${id}-svg-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

export function ValueGrid({
  ticks,
  left,
  right,
  y,
}: {
  ticks: number[];
  left: number;
  right: number;
  y: (v: number) => number;
}) {
  return ticks.map((t) => (
    <g key={t}>
      <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={t === 0 ? 0.6 : 0.15} />
      <text x={left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="11" fill="currentColor">
        {formatCount(t)}
      </text>
    </g>
  ));
}
