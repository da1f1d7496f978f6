// The frame every insights chart sits in: a heading, a one-sentence text summary (what a screen
// reader user hears first, and what anyone can read at a glance), the chart itself, the same numbers
// as a table in a <details> (open it without JavaScript), and a CSV download of that table.
import type { ReactNode } from 'react';
import { AdminTable, ReportSection } from '@/components/admin/admin-table';
import { formatCount } from './chart-scale';

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
    <ReportSection
      id={id}
      title={title}
      csvHref={csvHref}
      data={{ 'data-chart': id }}
      note={
        <p className="mb-3 text-sm" data-summary>
          {summary}
        </p>
      }
    >
      {empty ? <p className="text-sm text-muted">{empty}</p> : chart}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-semibold">Table of {title.toLowerCase()}</summary>
        <div className="mt-2">
          <DataTable table={table} />
        </div>
      </details>
    </ReportSection>
  );
}

/** A report's table as built by lib/insights/reports.ts: the first column names the row. */
export function DataTable({ table }: { table: ChartTable }) {
  return (
    <AdminTable<(string | number)[]>
      caption={table.caption}
      rows={table.rows}
      rowKey={(_row, i) => i}
      columns={table.columns.map((header, i) => ({
        header,
        numeric: table.numeric?.[i],
        rowHeader: i === 0,
        cell: (row) => {
          const cell = row[i];
          return typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell;
        },
      }))}
    />
  );
}

/**
 * What a figure named `id` takes from its report: the table under the chart and the CSV of the same
 * rows. `build` is the report's table builder, `csvHref` the page's export address.
 */
export function figureSource<Id extends string>(
  build: (id: Id) => Omit<ChartTable, 'caption'>,
  csvHref: (id: Id) => string,
) {
  return (id: Id) => ({ id, table: { caption: id, ...build(id) }, csvHref: csvHref(id) });
}

/** The headline numbers above a report's charts. */
export function StatCards({ stats }: { stats: { label: string; value: number; stat?: string }[] }) {
  return (
    <dl className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
      {stats.map((s) => (
        <div key={s.label} className="admin-card">
          <dt className="text-sm text-muted">{s.label}</dt>
          <dd className="text-2xl font-bold" data-stat={s.stat}>
            {formatCount(s.value)}
          </dd>
        </div>
      ))}
    </dl>
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
