/** Previous / next links with "Page N of M"; `href(n)` builds the URL of page n. */
export function Pagination({
  page,
  pageCount,
  href,
  labels = { previous: '← Newer stories', next: 'Older stories →' },
}: {
  page: number;
  pageCount: number;
  href: (n: number) => string;
  labels?: { previous: string; next: string };
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between border-t border-rule pt-4 text-sm">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="font-semibold text-brand hover:underline">
          {labels.previous}
        </a>
      ) : (
        <span />
      )}
      <p className="text-muted">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next" className="font-semibold text-brand hover:underline">
          {labels.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
