// Axis arithmetic shared by the SVG charts: a round top for the value axis and which ticks to label.

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max` (at least 1), and ticks from 0 to it. */
export function niceScale(max: number, ticks = 4): { top: number; ticks: number[] } {
  const rough = Math.max(1, max) / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const stepWhole = Math.max(1, Math.ceil(step));
  const top = Math.max(stepWhole, Math.ceil(Math.max(1, max) / stepWhole) * stepWhole);
  const out: number[] = [];
  for (let v = 0; v <= top; v += stepWhole) out.push(v);
  return { top, ticks: out };
}

/** Indexes of the x labels to print, at most `max` of them, evenly spaced, first and last included. */
export function labelledIndexes(count: number, max = 8): Set<number> {
  if (count <= max) return new Set(Array.from({ length: count }, (_, i) => i));
  const every = Math.ceil((count - 1) / (max - 1));
  const out = new Set<number>();
  for (let i = 0; i < count; i += every) out.add(i);
  out.add(count - 1);
  return out;
}

export const formatCount = (n: number) => n.toLocaleString('en-GB');
