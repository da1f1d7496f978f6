import type { SectionNode } from '@/db/queries/sections';
import { sectionPath } from '@/lib/domain/routes';

export function Masthead({
  siteName,
  tagline,
  sections,
}: {
  siteName: string;
  tagline: string;
  sections: SectionNode[];
}) {
  return (
    <header className="no-print border-b-4 border-brand">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-2 px-4 pt-4 pb-3">
        <div>
          <a href="/" className="font-serif text-3xl font-bold tracking-tight text-brand sm:text-4xl">
            {siteName}
          </a>
          {tagline ? <p className="mt-1 text-sm text-muted">{tagline}</p> : null}
        </div>
        {/* A plain GET form: it is on every page, so it ships no JavaScript (the search page's own form does). */}
        <form
          action="/search"
          method="get"
          role="search"
          aria-label="Site search"
          className="flex w-full gap-2 sm:w-auto"
        >
          <label htmlFor="masthead-q" className="sr-only">
            Search stories
          </label>
          <input
            id="masthead-q"
            type="search"
            name="q"
            placeholder="Search stories"
            className="min-h-11 w-full min-w-0 rounded border border-muted bg-paper px-3 text-base placeholder:text-muted sm:w-56"
          />
          <button type="submit" className="min-h-11 rounded bg-brand px-4 font-semibold text-paper hover:bg-brand-dark">
            Search
          </button>
        </form>
      </div>
      <nav aria-label="Sections" className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl gap-x-1 overflow-x-auto px-2 text-sm font-semibold whitespace-nowrap">
          <li>
            <a href="/" className="inline-block px-2 py-3 hover:text-brand">
              Home
            </a>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={sectionPath(s.slug)} className="inline-block px-2 py-3 hover:text-brand">
                {s.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
