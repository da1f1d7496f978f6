import Link from 'next/link';

/** Previous / next links with "Page N of M"; `href(n)` builds the URL of page n. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (n: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between border-t border-rule pt-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="font-semibold text-brand hover:underline">
          ← Newer stories
        </Link>
      ) : (
        <span />
      )}
      <p className="text-muted">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className="font-semibold text-brand hover:underline">
          Older stories →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
