// The period (and section) filter of the insights pages: a plain GET form, so every view has its own
// address, works without JavaScript and can be bookmarked or shared with a colleague.
import Link from 'next/link';
import { sectionOptions } from '@/components/admin/section-options';
import type { SectionNode } from '@/db/queries/sections';
import { MAX_SPAN_DAYS, WINDOW_KINDS, WINDOW_LABELS } from '@/lib/insights/window';
import { Notice } from '@/components/ui/notice';

const fieldClass = 'mt-1 rounded border border-rule bg-paper px-2 py-1 font-normal';

export type FilterValues = { window?: string; from?: string; to?: string; section?: string };

export function InsightsFilter({
  action,
  values,
  sections,
  error,
}: {
  action: string;
  values: FilterValues;
  sections?: SectionNode[];
  error?: { field: string; message: string };
}) {
  const describedBy = (field: string) => (error?.field === field ? 'insights-filter-error' : undefined);
  return (
    <form
      method="get"
      action={action}
      aria-label="Insights filters"
      className="mb-6 flex flex-wrap items-end gap-3 text-sm"
      data-form="insights-filter"
    >
      {error ? (
        <Notice id="insights-filter-error" tone="problem" className="w-full">
          {error.message}
        </Notice>
      ) : null}
      <label className="flex flex-col font-semibold">
        Period
        <select
          name="window"
          defaultValue={values.window ?? ''}
          className={fieldClass}
          aria-invalid={error?.field === 'window' || undefined}
          aria-describedby={describedBy('window')}
        >
          <option value="">Default</option>
          {WINDOW_KINDS.map((k) => (
            <option key={k} value={k}>
              {WINDOW_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">Custom dates (UTC), at most {MAX_SPAN_DAYS} days</legend>
        <label className="flex flex-col font-semibold">
          From (custom)
          <input
            type="date"
            name="from"
            defaultValue={values.from ?? ''}
            className={fieldClass}
            aria-invalid={error?.field === 'from' || undefined}
            aria-describedby={describedBy('from')}
          />
        </label>
        <label className="flex flex-col font-semibold">
          To (custom)
          <input
            type="date"
            name="to"
            defaultValue={values.to ?? ''}
            className={fieldClass}
            aria-invalid={error?.field === 'to' || undefined}
            aria-describedby={describedBy('to')}
          />
        </label>
      </fieldset>
      {sections ? (
        <label className="flex flex-col font-semibold">
          Section
          <select
            name="section"
            defaultValue={values.section ?? ''}
            className={fieldClass}
            aria-invalid={error?.field === 'section' || undefined}
            aria-describedby={describedBy('section')}
          >
            <option value="">All sections</option>
            {sectionOptions(sections).map((o) => {
              const slug = sections.find((s) => String(s.id) === String(o.value))?.slug ?? '';
              return (
                <option key={o.value} value={slug}>
                  {o.label}
                </option>
              );
            })}
          </select>
        </label>
      ) : null}
      <button
        type="submit"
        className="rounded bg-brand px-4 py-1.5 font-semibold text-white hover:bg-brand-dark dark:text-black"
      >
        Show
      </button>
      <Link href={action} className="py-1 text-muted hover:underline">
        Reset
      </Link>
    </form>
  );
}
