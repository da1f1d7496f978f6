import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { listMoodRanking, MOOD_WINDOWS, type MoodWindow } from '@/db/queries/mood-rankings';
import { listSections, sectionAndDescendantIds, sectionTrail } from '@/db/queries/sections';
import { getSiteSettings } from '@/db/queries/site';
import { formatDate, isoDate } from '@/lib/format';
import { DEFAULT_MOOD_WINDOW } from '@/lib/mood-ranking-query';
import { MOOD_LABELS, MOOD_SUPERLATIVES, MOODS, type Mood } from '@/lib/domain/moods';
import { articlePath, moodPath } from '@/lib/domain/routes';
import { voteSettings } from '@/lib/votes/settings';

const WINDOW_LABELS: Record<MoodWindow, string> = { day: 'Last 24 hours', week: 'Last 7 days', month: 'Last 30 days' };
const numbers = new Intl.NumberFormat('en-GB');

/** The same for every period and section: they are views of one page. */
export function moodRankingMetadata(mood: Mood): Metadata {
  return {
    title: `${MOOD_SUPERLATIVES[mood]} stories`,
    description:
      `The stories our readers found ${MOOD_SUPERLATIVES[mood].toLowerCase().replace(/^most /, '')}, ` +
      `by the share of readers who chose “${MOOD_LABELS[mood]}”.`,
    alternates: { canonical: moodPath(mood) },
  };
}

/**
 * A mood's ranking for one period and section ('' for all). `problems` are messages about query
 * values that were not understood (only the per-request page has any).
 */
export async function MoodRanking({
  mood,
  window,
  sectionSlug,
  problems = [],
}: {
  mood: Mood;
  window: MoodWindow;
  sectionSlug: string;
  problems?: string[];
}) {
  const all = await listSections();
  const section = sectionSlug ? all.find((s) => s.slug === sectionSlug) : undefined;
  const { rankingMinVotes } = voteSettings();
  const rows = await listMoodRanking({
    mood,
    window,
    minVotes: rankingMinVotes,
    sectionIds: section ? sectionAndDescendantIds(all, section.id) : undefined,
  });
  const site = await getSiteSettings();
  const withQuery = (m: Mood) => {
    const q = new URLSearchParams();
    if (window !== DEFAULT_MOOD_WINDOW) q.set('window', window);
    if (section) q.set('section', section.slug);
    const s = q.toString();
    return s ? `${moodPath(m)}?${s}` : moodPath(m);
  };

  return (
    <>
      <Breadcrumb
        items={[
          { name: site.siteName, href: '/' },
          { name: `${MOOD_SUPERLATIVES[mood]} stories`, href: moodPath(mood) },
        ]}
      />
      <header className="mt-4 border-b border-rule pb-4">
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{MOOD_SUPERLATIVES[mood]} stories</h1>
        <p className="mt-2 max-w-2xl text-muted">
          Stories ranked by the share of readers who chose <strong className="text-ink">{MOOD_LABELS[mood]}</strong>,
          counting the votes cast in the period. A story needs at least {rankingMinVotes}{' '}
          {rankingMinVotes === 1 ? 'vote' : 'votes'} in the period to be ranked. New votes count here within a few
          seconds.
        </p>
        <nav aria-label="Moods" className="mt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            {MOODS.map((m) => (
              <li key={m}>
                <a
                  href={withQuery(m)}
                  aria-current={m === mood ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 font-semibold ${
                    m === mood ? 'border-brand bg-brand text-paper' : 'border-rule hover:border-brand hover:text-brand'
                  }`}
                >
                  {MOOD_LABELS[m]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action={moodPath(mood)} className="mt-4 flex flex-wrap items-end gap-3 text-sm">
          <div className="flex flex-col gap-1">
            <label htmlFor="mood-window" className="font-semibold">
              Period
            </label>
            <select
              id="mood-window"
              name="window"
              defaultValue={window}
              className="rounded border border-rule bg-paper px-2 py-2"
            >
              {(Object.keys(MOOD_WINDOWS) as MoodWindow[]).map((w) => (
                <option key={w} value={w}>
                  {WINDOW_LABELS[w]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="mood-section" className="font-semibold">
              Section
            </label>
            <select
              id="mood-section"
              name="section"
              defaultValue={section?.slug ?? ''}
              className="rounded border border-rule bg-paper px-2 py-2"
            >
              <option value="">All sections</option>
              {all.map((s) => (
                <option key={s.id} value={s.slug}>
                  {sectionTrail(all, s.id).length > 1 ? `— ${s.name}` : s.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-paper hover:bg-brand-dark">
            Show
          </button>
        </form>
      </header>

      {problems.length > 0 ? (
        <div
          role="alert"
          className="mt-4 rounded border-l-4 border-brand bg-black/[0.03] px-4 py-3 text-sm dark:bg-white/[0.05]"
        >
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}

      <h2 className="mt-6 text-lg font-bold">
        {WINDOW_LABELS[window]}
        {section ? ` · ${section.name}` : ''}
      </h2>
      {rows.length === 0 ? (
        <p className="py-6 text-muted">No story has enough votes in this period yet.</p>
      ) : (
        <ol className="mt-2 divide-y divide-rule">
          {rows.map((r, i) => (
            <li key={r.id} className="flex gap-4 py-4">
              <span aria-hidden="true" className="w-8 shrink-0 font-serif text-2xl font-bold text-muted tabular-nums">
                {i + 1}
              </span>
              <article className="min-w-0">
                <p className="text-xs font-bold tracking-wide text-brand uppercase">{r.sectionName}</p>
                <h3 className="font-serif text-lg leading-snug font-bold">
                  <a href={articlePath(r.slug)} className="hover:text-brand hover:underline">
                    {r.title}
                  </a>
                </h3>
                {r.standfirst ? <p className="mt-1 line-clamp-2 text-sm text-muted">{r.standfirst}</p> : null}
                <p className="mt-1 text-sm">
                  <strong>
                    {Math.round(r.share * 100)}% {MOOD_LABELS[mood]}
                  </strong>
                  <span className="text-muted">
                    {' '}
                    · {numbers.format(r.moodVotes)} of {numbers.format(r.totalVotes)} votes ·{' '}
                    <time dateTime={isoDate(r.publishedAt)}>{formatDate(r.publishedAt)}</time>
                  </span>
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
