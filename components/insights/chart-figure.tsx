// The frame every insights chart sits in: a heading, a one-sentence text summary (what a screen
// reader user hears first, and what anyone can read at a glance), the chart itself, the same numbers
// as a table in a <details> (open it without JavaScript), and a CSV download of that table.
import type { ReactNode } from 'react';

export type ChartTable = { caption: string; columns: string[]; rows: (string | number)[][]; numeric?: boolean[] };

export function ChartFigure({
  id,
  title,
  summary,
  chart,
  table,
  csvHref,
  empty,
}: {
  id: string;
  title: string;
  summary: string;
  chart: ReactNode;
  table: ChartTable;
  csvHref?: string;
  empty?: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="admin-card mb-6" data-chart={id}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {title}
        </h2>
        {csvHref ? (
          <a href={csvHref} className="text-sm font-semibold text-brand hover:underline" download>
            Download CSV<span className="sr-only"> of {title}</span>
          </a>
        ) : null}
      </div>
      <p className="mb-3 text-sm" data-summary>
        {summary}
      </p>
      {empty ? <p className="text-sm text-muted">{empty}</p> : chart}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-semibold">Table of {title.toLowerCase()}</summary>
        <div className="mt-2 overflow-x-auto">
          <DataTable table={table} />
        </div>
      </details>
    </section>
  );
}

export function DataTable({ table }: { table: ChartTable }) {
  return (
    <table className="admin-table">
      <caption className="sr-only">{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={c} scope="col" className={table.numeric?.[i] ? 'text-right' : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="font-normal">
                  {cell}
                </th>
              ) : (
                <td key={i} className={table.numeric?.[i] ? 'text-right tabular-nums' : undefined}>
                  {typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A colour key; the labels carry the meaning, the swatches only repeat it. */
export function Legend({ items }: { items: { label: string; colour: string; dashed?: boolean }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-1">
          <svg width="18" height="10" viewBox="0 0 18 10" focusable="false">
            {i.dashed ? (
              <line x1="0" y1="5" x2="18" y2="5" stroke={i.colour} strokeWidth="2" strokeDasharray="4 3" />
            ) : (
              <rect width="18" height="10" rx="2" fill={i.colour} />
            )}
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
