// The vote buttons, drawn on the server. Without JavaScript this is a plain form: each button submits
// its mood and the server answers with a 303 back to #mood-vote. With JavaScript, lib/votes/vote-in-place.ts
// (in /reader.js, no framework) votes in place on the same markup: optimistic counts, a pending state,
// rollback with a message on failure, the new percentages announced politely. Button names never
// change; counts are their descriptions. The look of a chosen, pending or closed button follows its
// attributes (aria-pressed, data-pending, disabled), so the script only sets those.
import { MOOD_LABELS, MOODS, percentages, sumTallies, type VoteSummary } from '@/lib/domain/moods';
import { moodStatsText, voteStatus } from '@/lib/votes/vote-text';

export function MoodVoteForm({
  articleId,
  initial,
  closed,
}: {
  articleId: number;
  initial: VoteSummary;
  closed: boolean;
}) {
  const state = { tallies: initial.tallies, mine: initial.mine };
  const pct = percentages(state.tallies);
  const total = sumTallies(state.tallies);
  const status = voteStatus(state, closed);

  return (
    <form
      method="post"
      action="/api/vote"
      // data-empty: no vote yet, so the buttons show no bars or figures (the script keeps it current).
      className="group/vote mt-4"
      data-empty={total === 0 ? '' : undefined}
      data-mood-vote={articleId}
      data-tallies={JSON.stringify(state.tallies)}
      data-mine={state.mine ?? ''}
      data-closed={closed ? 'true' : 'false'}
    >
      <input type="hidden" name="article" value={articleId} />
      <input type="hidden" name="current" value={state.mine ?? ''} />
      <div role="group" aria-labelledby="mood-vote-title" aria-describedby="mood-vote-total">
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {MOODS.map((m) => (
            <li key={m}>
              <button
                type="submit"
                name="mood"
                value={m}
                aria-pressed={state.mine === m}
                aria-labelledby={`mood-${m}-label`}
                aria-describedby={`mood-${m}-stats`}
                disabled={closed}
                // Drawn as a key to press (a raised edge that sinks when pressed), not as a cell of figures.
                className="group flex min-h-[4.5rem] w-full flex-col justify-between rounded-lg border-2 border-b-4 border-rule bg-paper px-3 py-2 text-left text-ink shadow-sm transition-transform enabled:cursor-pointer enabled:hover:border-brand enabled:not-aria-pressed:hover:bg-brand/5 enabled:active:translate-y-0.5 enabled:active:border-b-2 disabled:cursor-not-allowed aria-pressed:border-brand aria-pressed:bg-brand aria-pressed:text-paper data-pending:opacity-80"
              >
                <span className="flex items-center justify-between gap-2">
                  <span id={`mood-${m}-label`} className="font-semibold">
                    {MOOD_LABELS[m]}
                  </span>
                  <span aria-hidden="true" className="hidden text-sm font-bold group-aria-pressed:inline">
                    ✓
                  </span>
                </span>
                <span
                  aria-hidden="true"
                  className="mt-2 block h-1.5 w-full overflow-hidden rounded-full bg-rule group-aria-pressed:bg-paper/35 group-data-[empty]/vote:hidden"
                >
                  <span
                    data-mood-bar
                    className="block h-full rounded-full bg-brand group-aria-pressed:bg-paper"
                    style={{ width: `${pct[m]}%` }}
                  />
                </span>
                <span
                  id={`mood-${m}-stats`}
                  className="mt-1 block text-sm text-muted tabular-nums group-aria-pressed:text-paper"
                >
                  {moodStatsText(pct[m], state.tallies[m], total)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <p id="mood-vote-total" className="mt-3 text-sm text-muted">
        <span data-vote-total>{status.total}</span> <span data-vote-lead>{status.before}</span>
        <strong data-vote-strong className="text-ink">
          {status.strong}
        </strong>
        <span data-vote-after>{status.after}</span>
      </p>
      <p aria-live="polite" className="sr-only" data-vote-announce />
    </form>
  );
}
