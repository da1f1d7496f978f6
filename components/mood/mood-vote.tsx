import { MOOD_SUPERLATIVES, MOODS, type VoteSummary } from '@/lib/domain/moods';
import { moodPath } from '@/lib/domain/routes';
import { MoodVoteForm } from './mood-vote-form';

/**
 * The mood vote under a story. Server-rendered with the counts (and, on the reader's own dynamic
 * variant of the page, their choice); a plain form that posts without JavaScript, improved by the
 * client island when scripts run.
 */
export function MoodVote({ articleId, summary, closed }: { articleId: number; summary: VoteSummary; closed: boolean }) {
  // This story's strongest mood leads to the ranking of other stories that drew it.
  const leading = MOODS.filter((m) => m !== 'no_comment').reduce(
    (best, m) => (summary.tallies[m] > summary.tallies[best] ? m : best),
    'touched' as (typeof MOODS)[number],
  );
  return (
    <section
      id="mood-vote"
      aria-labelledby="mood-vote-title"
      className="no-print my-10 scroll-mt-4 border-t-2 border-ink pt-4"
    >
      <h2 id="mood-vote-title" className="text-lg font-bold tracking-wide uppercase">
        How did this story make you feel?
      </h2>
      <MoodVoteForm articleId={articleId} initial={summary} closed={closed} />
      <p className="mt-4 text-sm">
        <a href={moodPath(leading)} className="font-semibold text-brand underline-offset-2 hover:underline">
          {MOOD_SUPERLATIVES[leading]} stories this week →
        </a>
      </p>
    </section>
  );
}
