// The report `npm run import` prints at the end: what came in, what was left out and why, and what
// came in changed. Repeated reasons are grouped ("12 × an attachment that is no post's featured image")
// with a few of the records they concern, so a large site's report stays readable.
import type { ImportReport, Tally } from './run';
import type { Skipped } from './types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function tallyLine(label: string, t: Tally, one: string, many?: string): string {
  const parts = [
    t.created && `${t.created} new`,
    t.matched && `${t.matched} matched to existing ones by slug`,
    t.updated && `${t.updated} updated`,
    t.unchanged && `${t.unchanged} unchanged`,
    t.kept && `${t.kept} edited here since, kept`,
    t.gone && `${t.gone} deleted here since, not brought back`,
  ].filter(Boolean);
  const total = t.created + t.matched + t.updated + t.unchanged + t.kept + t.gone;
  return `  ${label.padEnd(10)} ${plural(total, one, many)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** Reasons with their records, most frequent first; at most `shown` records named per reason. */
function grouped(items: Skipped[], shown = 3): string[] {
  const byReason = new Map<string, string[]>();
  for (const { what, reason } of items) byReason.set(reason, [...(byReason.get(reason) ?? []), what]);
  return [...byReason.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([reason, whats]) => {
      const names =
        whats.slice(0, shown).join(', ') + (whats.length > shown ? `, and ${whats.length - shown} more` : '');
      return `  ${whats.length} × ${reason}: ${names}`;
    });
}

export function formatReport(report: ImportReport): string {
  const source = report.system === 'wordpress' ? 'WordPress' : 'Ghost';
  const s = report.statuses;
  const lines = [
    report.dryRun ? `Dry run of the ${source} import: nothing was written.` : `${source} import finished.`,
    '',
    report.dryRun ? 'Would come in:' : 'Came in:',
    tallyLine('Stories', report.stories, 'story', 'stories'),
    ...(s.published + s.scheduled + s.review + s.draft
      ? [
          `${' '.repeat(13)}written: ${s.published} published, ${s.scheduled} scheduled, ${s.review} in review, ${plural(s.draft, 'draft')}`,
        ]
      : []),
    tallyLine('Sections', report.sections, 'section'),
    tallyLine('Tags', report.tags, 'tag'),
    tallyLine('Authors', report.authors, 'author page'),
    `  ${'Photos'.padEnd(10)} ${plural(report.images.brought, 'featured image')} processed${
      report.images.unchanged ? `, ${report.images.unchanged} unchanged` : ''
    }`,
    `  ${'Redirects'.padEnd(10)} ${plural(report.redirects, 'old address', 'old addresses')} now ${report.dryRun ? 'would answer' : 'answer'} 301`,
  ];
  lines.push('', report.skipped.length ? `Left out (${report.skipped.length}):` : 'Left out: nothing.');
  lines.push(...grouped(report.skipped));
  if (report.notes.length) lines.push('', `Came in with changes (${report.notes.length}):`, ...grouped(report.notes));
  return lines.join('\n');
}
