export type Crumb = { name: string; href: string };

/**
 * WAI-ARIA breadcrumb: every level a link, the last one marked as the current page, unless the trail
 * stops above the page (a story's ends at its section).
 */
export function Breadcrumb({ items, endsAtCurrentPage = true }: { items: Crumb[]; endsAtCurrentPage?: boolean }) {
  return (
    <nav aria-label="Breadcrumb" className="no-print text-sm">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1 text-muted">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          const current = last && endsAtCurrentPage;
          return (
            <li key={item.href} className="flex items-center gap-x-1">
              <a
                href={item.href}
                aria-current={current ? 'page' : undefined}
                // py-0.5: each link is at least 24px tall, a comfortable target when the trail wraps on a phone.
                className={`inline-block py-0.5 ${current ? 'font-semibold text-ink' : 'underline-offset-2 hover:text-brand hover:underline'}`}
              >
                {item.name}
              </a>
              {last ? null : <span aria-hidden="true">›</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
