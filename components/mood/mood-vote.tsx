import type { VoteSummary } from '@/lib/moods';
import { MoodVoteForm } from './mood-vote-form';

/**
 * The mood vote under a story. Server-rendered with the counts (and, on the reader's own dynamic
 * variant of the page, their choice); a plain form that posts without JavaScript, improved by the
 * client island when scripts run.
 */
export function MoodVote({ articleId, summary, closed }: { articleId: number; summary: VoteSummary; closed: boolean }) {
  return (
    <section id="mood-vote" aria-labelledby="mood-vote-title" className="no-print my-10 scroll-mt-4 border-t-2 border-ink pt-4">
      <h2 id="mood-vote-title" className="text-lg font-bold uppercase tracking-wide">
        How did this story make you feel?
      </h2>
      <MoodVoteForm articleId={articleId} initial={summary} closed={closed} />
    </section>
  );
}
