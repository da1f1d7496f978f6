import type { SectionNode } from '@/db/queries/sections';
import { QUERY_MAX_CHARS } from '@/lib/search-query';

type Values = { q: string; section?: string; from?: string; to?: string };

const field = 'mt-1 block w-full rounded border border-muted bg-paper px-3 py-2 text-base text-ink';

/**
 * The full search form: words, section and dates. A plain GET form, with or without JavaScript: the
 * results page is one small document, cheaper to load again than a client-side router (decision 016).
 */
export function SearchForm({ values, sections }: { values: Values; sections: SectionNode[] }) {
  const top = sections.filter((s) => s.parentId === null);
  return (
    <form action="/search" method="get" role="search" aria-label="Search stories" className="grid gap-4 sm:grid-cols-6">
      <div className="sm:col-span-6">
        <label htmlFor="search-q" className="font-semibold">
          Search for
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={values.q}
          maxLength={QUERY_MAX_CHARS}
          className={field}
        />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="search-section" className="font-semibold">
          Section
        </label>
        <select id="search-section" name="section" defaultValue={values.section ?? ''} className={field}>
          <option value="">All sections</option>
          {top.map((s) => [
            <option key={s.id} value={s.slug}>
              {s.name}
            </option>,
            ...sections
              .filter((c) => c.parentId === s.id)
              .map((c) => (
                <option key={c.id} value={c.slug}>
                  {`\u2003${c.name}`}
                </option>
              )),
          ])}
        </select>
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="search-from" className="font-semibold">
          Published from
        </label>
        <input id="search-from" type="date" name="from" defaultValue={values.from} className={field} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="search-to" className="font-semibold">
          Published to
        </label>
        <input id="search-to" type="date" name="to" defaultValue={values.to} className={field} />
      </div>
      <div className="sm:col-span-6">
        <button
          type="submit"
          className="min-h-11 rounded bg-brand px-6 py-2 font-semibold text-paper hover:bg-brand-dark"
        >
          Search
        </button>
      </div>
    </form>
  );
}
