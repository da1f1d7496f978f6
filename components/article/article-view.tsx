import type { ReactNode } from 'react';
import type { ArticleFull } from '@/db/queries/articles';
import type { Correction } from '@/db/queries/corrections';
import { CORRECTION_LABELS } from '@/lib/domain/corrections';
import { formatDateTime, isoDate } from '@/lib/format';
import { authorPath, tagPath } from '@/lib/domain/routes';
import { Breadcrumb, type Crumb } from './breadcrumb';
import { HeroFigure } from './hero-figure';

/**
 * The story itself: headline, standfirst, byline, times, photo and body. The page around it adds the
 * furniture (promo, related stories, sharing, the mood vote) as `children`, below the body.
 */
export function ArticleView({
  article,
  crumbs,
  url,
  corrections = [],
  children,
}: {
  article: ArticleFull;
  crumbs: Crumb[];
  url: string;
  corrections?: Correction[];
  children?: ReactNode;
}) {
  return (
    <article className="print-url mx-auto max-w-3xl" data-url={url}>
      {/* The trail stops at the section: the headline, just below, is the last step (it stays in the JSON-LD). */}
      <Breadcrumb items={crumbs.slice(0, -1)} endsAtCurrentPage={false} />
      <header className="mt-4">
        <h1 className="font-serif text-3xl leading-tight font-bold sm:text-4xl">{article.title}</h1>
        {article.standfirst ? <p className="mt-3 text-lg leading-7 text-muted">{article.standfirst}</p> : null}
        <div className="mt-4 flex flex-wrap gap-x-4 gap-y-1 border-y border-rule py-2 text-sm text-muted">
          {article.byline ? (
            <p>
              By{' '}
              {article.author ? (
                <a
                  href={authorPath(article.author.slug)}
                  rel="author"
                  className="font-semibold text-ink underline underline-offset-2 hover:text-brand"
                >
                  {article.byline}
                </a>
              ) : (
                <span className="font-semibold text-ink">{article.byline}</span>
              )}
            </p>
          ) : null}
          <p>
            Published <time dateTime={isoDate(article.publishedAt)}>{formatDateTime(article.publishedAt)}</time>
          </p>
          {article.revisedAt && article.revisedAt > article.publishedAt ? (
            <p>
              Updated <time dateTime={isoDate(article.revisedAt)}>{formatDateTime(article.revisedAt)}</time>
            </p>
          ) : null}
        </div>
        {corrections.length > 0 ? <CorrectionNotes corrections={corrections} /> : null}
      </header>
      {article.hero ? <HeroFigure hero={article.hero} priority /> : null}
      <div
        className="prose-body mt-6"
        dangerouslySetInnerHTML={{ __html: withDateline(article.bodyHtml, article.dateline) }}
      />
      {article.tags.length > 0 ? (
        <ul aria-label="Topics" className="no-print mt-8 flex flex-wrap gap-2 text-sm">
          {article.tags.map((t) => (
            <li key={t.slug}>
              <a
                href={tagPath(t.slug)}
                className="inline-block rounded-full border border-rule px-3 py-1.5 text-muted hover:border-brand hover:text-brand"
              >
                {t.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </article>
  );
}

/** The editors' dated correction and update notes, oldest first, under the byline. */
function CorrectionNotes({ corrections }: { corrections: Correction[] }) {
  return (
    <section aria-label="Corrections and updates" className="mt-3 space-y-2 text-sm" data-corrections>
      {corrections.map((c) => (
        <p key={c.id} className="border-l-4 border-brand bg-black/[0.03] px-3 py-2 dark:bg-white/[0.05]">
          <strong>
            {CORRECTION_LABELS[c.kind]}, <time dateTime={isoDate(c.createdAt)}>{formatDateTime(c.createdAt)}</time>:
          </strong>{' '}
          <span className="whitespace-pre-line">{c.note}</span>
        </p>
      ))}
    </section>
  );
}

/** Puts "BEIJING —" in front of the first paragraph, as newspapers do. The dateline is escaped. */
function withDateline(html: string, dateline: string): string {
  if (!dateline || !html.startsWith('<p>')) return html;
  const safe = dateline.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<p><strong class="font-sans text-sm tracking-wide">${safe} —</strong> ${html.slice(3)}`;
}
