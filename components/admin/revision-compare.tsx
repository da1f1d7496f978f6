// Two revisions of a story side by side: the short fields in a table, the body line by line with the
// lines that differ marked (lib/admin/line-diff.ts). Readable at 360 px: columns wrap, nothing scrolls.
import type { RevisionSummary, RevisionText } from '@/db/queries/revisions';
import { formatDateTime } from '@/lib/format';
import { diffLines } from '@/lib/admin/line-diff';

type Side = RevisionSummary & RevisionText;

const FIELDS: { key: keyof Omit<RevisionText, 'body'>; label: string }[] = [
  { key: 'title', label: 'Headline' },
  { key: 'standfirst', label: 'Standfirst' },
  { key: 'byline', label: 'Byline' },
  { key: 'dateline', label: 'Dateline' },
];

const cell = 'border border-rule px-2 py-1 align-top break-words whitespace-pre-wrap';
const changed = 'bg-amber-100 dark:bg-amber-900';

export function RevisionCompare({ left, right }: { left: Side; right: Side }) {
  const rows = diffLines(left.body, right.body);
  const differing = rows.filter((r) => r.kind === 'changed').length;
  const heading = (r: Side) => `#${r.id}, ${r.userName ?? 'a former account'}, ${formatDateTime(r.createdAt)}`;
  return (
    <div className="space-y-4 text-sm">
      <table className="w-full table-fixed border-collapse">
        <caption className="mb-1 text-left text-muted">
          {differing === 0 ? 'The bodies are the same.' : `${differing} lines of the body differ (marked).`}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={`${cell} w-24 text-left`}>
              Field
            </th>
            <th scope="col" className={`${cell} text-left`}>
              {heading(left)}
            </th>
            <th scope="col" className={`${cell} text-left`}>
              {heading(right)}
            </th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map((f) => {
            const differs = left[f.key] !== right[f.key];
            return (
              <tr key={f.key}>
                <th scope="row" className={`${cell} text-left`}>
                  {f.label}
                </th>
                <td className={`${cell} ${differs ? changed : ''}`}>{left[f.key]}</td>
                <td className={`${cell} ${differs ? changed : ''}`}>{right[f.key]}</td>
              </tr>
            );
          })}
          {rows.map((r, i) => (
            <tr key={i} data-diff={r.kind}>
              {i === 0 ? (
                <th scope="row" rowSpan={rows.length} className={`${cell} text-left`}>
                  Body
                </th>
              ) : null}
              {r.kind === 'same' ? (
                <>
                  <td className={`${cell} font-mono text-xs`}>{r.left}</td>
                  <td className={`${cell} font-mono text-xs`}>{r.right}</td>
                </>
              ) : (
                <>
                  <td className={`${cell} font-mono text-xs ${r.left !== undefined ? changed : ''}`}>
                    {r.left !== undefined ? <del className="no-underline">{r.left}</del> : null}
                  </td>
                  <td className={`${cell} font-mono text-xs ${r.right !== undefined ? changed : ''}`}>
                    {r.right !== undefined ? <ins className="no-underline">{r.right}</ins> : null}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
