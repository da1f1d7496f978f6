// The staff area's tables and the sections that frame them: every list of stories, users, audit
// entries, bursts and chart figures is drawn by these two, so they look, scroll and read the same.
import type { HTMLAttributes, ReactNode } from 'react';

export type Column<Row> = {
  header: ReactNode;
  /** what a screen reader hears for a header drawn empty (a column of links or buttons) */
  hiddenHeader?: string;
  cell: (row: Row) => ReactNode;
  /** numbers: right-aligned, in tabular figures */
  numeric?: boolean;
  /** the cell that names the row (a <th scope="row">) */
  rowHeader?: boolean;
  className?: string;
};

/** A table of `rows`, one column definition each; `rowProps` adds attributes to a row (data-* for tests). */
export function AdminTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  className,
  rowProps,
}: {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  caption?: string;
  className?: string;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | number>;
}) {
  const align = (c: Column<Row>, extra?: string) =>
    [c.numeric ? 'text-right tabular-nums' : '', c.className ?? '', extra ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="overflow-x-auto">
      <table className={className ? `admin-table ${className}` : 'admin-table'}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'text-right' : undefined}>
                {c.hiddenHeader ? <span className="sr-only">{c.hiddenHeader}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={rowKey(row, r)} {...rowProps?.(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={align(c, c.className ? undefined : 'font-normal')}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={align(c)} data-label={typeof c.header === 'string' ? c.header : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A titled block of the staff area: a heading, the CSV download of what it shows, a note, then the
 * content, or `empty` when there is none. `data` names it for tests (data-table="bursts").
 */
export function ReportSection({
  id,
  title,
  csvHref,
  note,
  empty,
  data,
  children,
}: {
  id: string;
  title: string;
  csvHref?: string;
  /** drawn between the heading and the content (a summary, an explanation) */
  note?: ReactNode;
  /** shown instead of the content when the content is null */
  empty?: string;
  data: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="admin-card mb-6" {...data}>
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
      {note}
      {children ?? <p className="text-sm text-muted">{empty}</p>}
    </section>
  );
}
