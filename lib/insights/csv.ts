// CSV exports of the insights and moderation tables: RFC 4180 (CRLF line ends, fields quoted when
// they hold a comma, quote or line break, quotes doubled), with a UTF-8 byte order mark so that
// spreadsheet programs read accents and Chinese titles right. A text cell starting with = + - @ (or a
// tab or carriage return) is prefixed with ' so that no spreadsheet runs it as a formula: headlines
// are written by staff and could carry one.
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The download response: never cached, named after what it holds. */
export function csvResponse(filename: string, header: string[], rows: CsvCell[][]): Response {
  return new Response(toCsv(header, rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '-')}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
