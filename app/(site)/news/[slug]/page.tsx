import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { PromoBox } from '@/components/article/promo-box';
import { RelatedStories } from '@/components/article/related-stories';
import { JsonLd } from '@/components/seo/json-ld';
import { ShareBar } from '@/components/share/share-bar';
import { MoodVote } from '@/components/mood/mood-vote';
import { ReadBeacon } from '@/components/reads/read-beacon';
import { getPublicArticleBySlug, listRelatedArticles } from '@/db/queries/articles';
import { listSections, sectionTrail } from '@/db/queries/sections';
import { getActivePromo, getSiteSettings } from '@/db/queries/site';
import { getVoteSummary } from '@/db/queries/votes';
import { listCorrections } from '@/db/queries/corrections';
import type { Mood } from '@/lib/domain/moods';
import { absoluteUrl, articlePath, sectionPath } from '@/lib/domain/routes';
import { articleDescription, articleJsonLd, articleMetadata } from '@/lib/seo';
import { SLUG_PATTERN } from '@/lib/domain/slug';

// Rendered on first request and cached; publishing, editing and votes revalidate the path on demand.
export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

/**
 * `readerMood` is passed only by ./mood/[mood]/page.tsx, the cached variant next.config.ts rewrites readers
 * to when they have chosen that mood on this story; the page itself never knows who is reading.
 */
type ArticlePageProps = Props & { readerMood?: Mood };

async function load(slug: string) {
  return SLUG_PATTERN.test(slug) ? await getPublicArticleBySlug(slug) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load((await params).slug);
  if (!article) return {};
  return articleMetadata(article, await getSiteSettings());
}

export default async function ArticlePage({ params, readerMood }: ArticlePageProps) {
  const article = await load((await params).slug);
  if (!article) notFound();
  const site = await getSiteSettings();
  const trail = sectionTrail(await listSections(), article.sectionId);
  const crumbs = [
    { name: site.siteName, href: '/' },
    ...trail.map((s) => ({ name: s.name, href: sectionPath(s.slug) })),
    { name: article.title, href: articlePath(article.slug) },
  ];
  const promo = await getActivePromo();
  const related = await listRelatedArticles(article.id, article.sectionId, { limit: 4 });
  const url = absoluteUrl(articlePath(article.slug));
  const votes = { ...(await getVoteSummary(article.id)), mine: readerMood ?? null };
  const corrections = await listCorrections(article.id);

  // The reader's actions (the vote, then sharing) come right after the text, before what leads elsewhere.
  return (
    <ArticleView article={article} crumbs={crumbs} url={url} corrections={corrections}>
      {articleJsonLd(article, site, crumbs, corrections).map((data) => (
        <JsonLd key={String(data['@type'])} data={data} />
      ))}
      <MoodVote articleId={article.id} summary={votes} closed={article.votingPaused} />
      <ShareBar slug={article.slug} title={article.title} summary={articleDescription(article)} url={url} />
      <ReadBeacon articleId={article.id} />
      {promo ? <PromoBox promo={promo} /> : null}
      <RelatedStories stories={related} />
    </ArticleView>
  );
}
