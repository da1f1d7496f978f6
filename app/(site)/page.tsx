import type { Metadata } from 'next';
import { ArticleCard } from '@/components/article/article-card';
import { MoodPanel } from '@/components/mood/mood-panel';
import { MostRead } from '@/components/reads/most-read';
import { listArticleCardsByIds, listArticles } from '@/db/queries/articles';
import { listMoodLeaders } from '@/db/queries/mood-rankings';
import { listLivePinIds } from '@/db/queries/pins';
import { listSections, sectionAndDescendantIds, topLevelSections } from '@/db/queries/sections';
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

const TOP_STORIES = 5;

/** The editor's pins in their order (the first is the lead), then the newest stories; newest alone without pins. */
async function topStories() {
  const pinned = await listArticleCardsByIds(await listLivePinIds(null));
  const pinnedIds = new Set(pinned.map((a) => a.id));
  const newest = (await listArticles({}, { limit: TOP_STORIES + pinned.length })).filter((a) => !pinnedIds.has(a.id));
  return [...pinned, ...newest].slice(0, Math.max(TOP_STORIES, pinned.length));
}

export default async function HomePage() {
  const [lead, ...top] = await topStories();
  const all = await listSections();
  const leadIds = new Set([lead, ...top].filter(Boolean).map((a) => a!.id));
  const { panelMinVotes } = voteSettings();
  const panelMoods = async (window: 'day' | 'week') =>
    (await listMoodLeaders({ window, minVotes: panelMinVotes })).filter((l) => l.mood !== 'no_comment');
  const [today, week, sectionStories] = await Promise.all([
    panelMoods('day'),
    panelMoods('week'),
    Promise.all(
      topLevelSections(all).map((section) =>
        listArticles({ sectionIds: sectionAndDescendantIds(all, section.id) }, { limit: 6 }),
      ),
    ),
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
        {topLevelSections(all).map((section, i) => {
          const stories = sectionStories[i]!.filter((a) => !leadIds.has(a.id)).slice(0, 3);
          if (stories.length === 0) return null;
          return (
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
          );
        })}
      </div>
    </>
  );
}
