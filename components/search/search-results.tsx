import type { SearchHit } from '@/db/queries/search';
import { formatDate, isoDate } from '@/lib/format';
import { articlePath } from '@/lib/domain/routes';
import { Highlighted } from './highlighted';

/** One page of results; `start` is the rank of the first one (1 on page 1). */
export function SearchResults({
  hits,
  start,
  literals,
}: {
  hits: SearchHit[];
  start: number;
  literals: readonly string[];
}) {
  return (
    <ol start={start} className="mt-6 divide-y divide-rule">
      {hits.map(({ article, title, snippet }) => (
        <li key={article.id} className="py-5 first:pt-0">
          <article>
            <p className="text-xs font-bold tracking-wide text-brand uppercase">{article.sectionName}</p>
            <h3 className="mt-1 font-serif text-xl leading-snug font-bold">
              <a href={articlePath(article.slug)} className="hover:text-brand hover:underline">
                <Highlighted text={title} literals={literals} />
              </a>
            </h3>
            <p className="mt-1 text-xs text-muted">
              {article.byline ? <>{article.byline} · </> : null}
              <time dateTime={isoDate(article.publishedAt)}>{formatDate(article.publishedAt)}</time>
            </p>
            {snippet ? (
              <p className="mt-2 text-base leading-7 text-ink">
                <Highlighted text={snippet} literals={literals} />
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
