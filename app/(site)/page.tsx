import type { Metadata } from 'next';
import { ArticleCard } from '@/components/article/article-card';
import { MoodPanel } from '@/components/mood/mood-panel';
import { MostRead } from '@/components/reads/most-read';
import { listHomeSectionBlocks, listTopStories } from '@/db/queries/front-page';
import { listMoodLeaders } from '@/db/queries/mood-rankings';
import { getSiteSettings } from '@/db/queries/site';
import { sectionPath, siteImagePath } from '@/lib/domain/routes';
import { pageMetadata } from '@/lib/seo';
import { voteSettings } from '@/lib/votes/settings';

// Cached and regenerated at most once a minute; edits also revalidate it on demand. Votes do not (one
// render per vote would cost too much): the "How readers feel" panel lags by at most a minute, and a
// pin's expiry shows within a minute too.
export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings();
  return pageMetadata({
    site,
    title: site.tagline ? `${site.siteName}: ${site.tagline}` : site.siteName,
    absoluteTitle: true,
    description: site.aboutBlurb || site.tagline,
    path: '/',
    imagePath: siteImagePath(),
  });
}

export default async function HomePage() {
  const [lead, ...top] = await listTopStories();
  const { panelMinVotes } = voteSettings();
  const panelMoods = async (window: 'day' | 'week') =>
    (await listMoodLeaders({ window, minVotes: panelMinVotes })).filter((l) => l.mood !== 'no_comment');
  const [today, week, blocks] = await Promise.all([
    panelMoods('day'),
    panelMoods('week'),
    listHomeSectionBlocks([lead, ...top].flatMap((a) => (a ? [a.id] : []))),
  ]);

  return (
    <>
      <h1 className="sr-only">Latest news</h1>
      {lead ? (
        <section aria-labelledby="top-stories" className="border-b border-rule pb-8">
          <h2 id="top-stories" className="sr-only">
            Top stories
          </h2>
          <ArticleCard article={lead} size="lead" showSection />
          <div className="mt-8 grid gap-6 md:grid-cols-2">
            {top.map((a) => (
              <ArticleCard key={a.id} article={a} showSection />
            ))}
          </div>
        </section>
      ) : (
        <p className="py-10 text-muted">No stories have been published yet.</p>
      )}

      <MoodPanel today={today} week={week} minVotes={panelMinVotes} />
      <MostRead />

      <div className="mt-8 grid gap-x-10 gap-y-10 md:grid-cols-2">
        {blocks.map(({ section, stories }) => (
          // Below the first screen on a phone: the browser lays these out when they come near it.
          <section
            key={section.id}
            aria-labelledby={`home-${section.slug}`}
            className="[contain-intrinsic-block-size:auto_30rem] [content-visibility:auto]"
          >
            <h2
              id={`home-${section.slug}`}
              className="border-b-2 border-ink pb-1 text-lg font-bold tracking-wide uppercase"
            >
              <a href={sectionPath(section.slug)} className="hover:text-brand">
                {section.name}
              </a>
            </h2>
            <div className="mt-4 space-y-5">
              {stories.map((a) => (
                <ArticleCard key={a.id} article={a} />
              ))}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
