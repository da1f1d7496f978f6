import { ServerImage } from '@/components/ui/server-image';
import type { ArticleCard as Card } from '@/db/queries/articles';
import { formatDate, isoDate } from '@/lib/format';
import { articlePath } from '@/lib/domain/routes';

/** A story in a list. `headingLevel` keeps the page's heading order without gaps. */
export function ArticleCard({
  article,
  headingLevel = 3,
  showImage = true,
  showSection = false,
  size = 'normal',
}: {
  article: Card;
  headingLevel?: 2 | 3;
  showImage?: boolean;
  showSection?: boolean;
  size?: 'lead' | 'normal';
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const lead = size === 'lead';
  if (lead && !(showImage && article.hero))
    return <TextLead article={article} Heading={Heading} showSection={showSection} />;
  return (
    <article className={lead ? 'grid gap-4 md:grid-cols-5' : 'flex gap-4'}>
      {showImage && article.hero ? (
        <a
          href={articlePath(article.slug)}
          tabIndex={-1}
          aria-hidden="true"
          className={lead ? 'md:col-span-3' : 'w-28 shrink-0 sm:w-40'}
        >
          <ServerImage
            src={article.hero.path}
            alt=""
            width={article.hero.width}
            height={article.hero.height}
            sizes={lead ? '(min-width: 768px) 640px, 100vw' : '160px'}
            unoptimized={article.hero.path.endsWith('.svg')}
            priority={lead}
            className="h-auto w-full bg-black/5"
          />
        </a>
      ) : null}
      <div className={lead ? 'md:col-span-2' : 'min-w-0'}>
        {showSection ? (
          <p className="text-xs font-bold tracking-wide text-brand uppercase">{article.sectionName}</p>
        ) : null}
        <Heading
          className={
            lead
              ? 'font-serif text-2xl leading-tight font-bold sm:text-3xl'
              : 'font-serif text-lg leading-snug font-bold'
          }
        >
          <a href={articlePath(article.slug)} className="hover:text-brand hover:underline">
            {article.title}
          </a>
        </Heading>
        {article.standfirst ? (
          <p className={lead ? 'mt-2 text-base text-muted' : 'mt-1 line-clamp-3 text-sm text-muted'}>
            {article.standfirst}
          </p>
        ) : null}
        <CardByline article={article} className="mt-1 text-xs text-muted" />
      </div>
    </article>
  );
}

/**
 * A lead story without a photo: the headline and standfirst take the whole row, set large, instead of
 * the photo lead's two fifths beside an empty three.
 */
function TextLead({ article, Heading, showSection }: { article: Card; Heading: 'h2' | 'h3'; showSection: boolean }) {
  return (
    <article data-lead-layout="text" className="border-l-4 border-brand py-1 pl-4 sm:pl-6">
      {showSection ? (
        <p className="text-xs font-bold tracking-wide text-brand uppercase">{article.sectionName}</p>
      ) : null}
      <Heading className="mt-1 max-w-4xl font-serif text-3xl leading-tight font-bold text-balance sm:text-5xl">
        <a href={articlePath(article.slug)} className="hover:text-brand hover:underline">
          {article.title}
        </a>
      </Heading>
      {article.standfirst ? (
        <p className="mt-4 max-w-3xl font-serif text-lg leading-8 text-muted sm:text-xl">{article.standfirst}</p>
      ) : null}
      <CardByline article={article} className="mt-3 text-sm text-muted" />
    </article>
  );
}

function CardByline({ article, className }: { article: Card; className: string }) {
  return (
    <p className={className}>
      {article.byline ? <>{article.byline} · </> : null}
      <time dateTime={isoDate(article.publishedAt)}>{formatDate(article.publishedAt)}</time>
    </p>
  );
}
