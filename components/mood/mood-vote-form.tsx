'use client';
// The vote buttons. Without JavaScript this is a plain form: each button submits its mood and the
// server answers with a 303 back to #mood-vote. With JavaScript the same form votes in place:
// optimistic counts, a pending state, rollback with a message on failure, and the new percentages
// announced politely. Button names never change; counts are their descriptions.
import { useEffect, useRef, useState } from 'react';
import { applyChoice, isMood, MOOD_LABELS, MOODS, percentages, sumTallies, type Mood, type MoodChoice as State, type Tallies, type VoteSummary } from '@/lib/moods';
type SummaryJson = { ok: true; tallies: Tallies; mine: Mood | null; closed?: boolean; paused?: string };

const numbers = new Intl.NumberFormat('en-GB');
const votesText = (n: number) => `${numbers.format(n)} ${n === 1 ? 'vote' : 'votes'}`;

function isSummaryJson(data: unknown): data is SummaryJson {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  if (d.ok !== true || typeof d.tallies !== 'object' || d.tallies === null) return false;
  if (d.mine !== null && !isMood(d.mine)) return false;
  const t = d.tallies as Record<string, unknown>;
  return MOODS.every((m) => Number.isInteger(t[m]) && (t[m] as number) >= 0);
}

function messageOf(data: unknown): string | undefined {
  const message = (data as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.length > 0 ? message : undefined;
}

function announce(s: State): string {
  const total = sumTallies(s.tallies);
  const pct = percentages(s.tallies);
  const parts = MOODS.filter((m) => s.tallies[m] > 0).map((m) => `${MOOD_LABELS[m]} ${pct[m]}%`);
  const lead = s.mine ? `Vote saved: ${MOOD_LABELS[s.mine]}.` : 'Your vote is taken back.';
  return total === 0 ? `${lead} No votes yet.` : `${lead} Now ${parts.join(', ')}, of ${votesText(total)}.`;
}

export function MoodVoteForm({ articleId, initial, closed }: { articleId: number; initial: VoteSummary; closed: boolean }) {
  const [state, setState] = useState<State>({ tallies: initial.tallies, mine: initial.mine });
  const [isClosed, setClosed] = useState(closed);
  const [pending, setPending] = useState<Mood | null>(null);
  const [error, setError] = useState('');
  // Why the database cannot take votes right now (full, read-only, locked), from the live counts.
  const [paused, setPaused] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const busy = useRef(false);
  const clicked = useRef<Mood | null>(null);
  /** bumped by every vote, so a refresh that raced with it cannot overwrite its result */
  const generation = useRef(0);

  // A cached page (or one restored from the back/forward cache) may be behind: fetch the live counts
  // and the reader's own choice once the vote comes near the screen.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    // Marks the form as handled by this script (tests wait for it before clicking).
    form.dataset.enhanced = 'true';
    const refresh = async () => {
      // A vote in flight answers with fresher counts; and a refresh sent before its reader cookie
      // exists would come back without the reader's own choice.
      if (busy.current) return;
      const started = generation.current;
      try {
        const res = await fetch(`/api/vote?article=${articleId}`, { cache: 'no-store', headers: { accept: 'application/json' } });
        const data: unknown = await res.json();
        if (!res.ok || !isSummaryJson(data) || busy.current || generation.current !== started) return;
        setState({ tallies: data.tallies, mine: data.mine });
        setClosed(data.closed === true);
        setPaused(typeof data.paused === 'string' ? data.paused : '');
      } catch {
        // Offline or blocked: the counts rendered with the page stay.
      }
    };
    let seen = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (seen || !entries.some((e) => e.isIntersecting)) return;
        seen = true;
        observer.disconnect();
        void refresh();
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(form);
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) void refresh();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => {
      observer.disconnect();
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [articleId]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const mood = submitter?.value ?? clicked.current;
    if (!isMood(mood) || busy.current || isClosed) return;
    busy.current = true;
    generation.current += 1;
    const before = state;
    setState(applyChoice(before, mood));
    setPending(mood);
    setError('');
    try {
      const res = await fetch('/api/vote', {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams({ article: String(articleId), mood, current: before.mine ?? '' }),
      });
      const data: unknown = await res.json().catch(() => null);
      if (res.ok && isSummaryJson(data)) {
        const saved = { tallies: data.tallies, mine: data.mine };
        setState(saved);
        setPaused('');
        setAnnouncement(announce(saved));
      } else {
        setState(before);
        setError(messageOf(data) ?? `Your vote could not be saved (error ${res.status}). Please try again.`);
        if (res.status === 409 && /closed/i.test(messageOf(data) ?? '')) setClosed(true);
      }
    } catch {
      setState(before);
      setError('Your vote could not be sent. Check your connection and try again.');
    } finally {
      busy.current = false;
      setPending(null);
    }
  }

  const total = sumTallies(state.tallies);
  const pct = percentages(state.tallies);

  return (
    <form ref={formRef} method="post" action="/api/vote" onSubmit={onSubmit} className="mt-4">
      <input type="hidden" name="article" value={articleId} />
      <input type="hidden" name="current" value={state.mine ?? ''} />
      <div role="group" aria-labelledby="mood-vote-title" aria-describedby="mood-vote-total" aria-busy={pending ? true : undefined}>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {MOODS.map((m) => {
            const chosen = state.mine === m;
            return (
              <li key={m}>
                <button
                  type="submit"
                  name="mood"
                  value={m}
                  aria-pressed={chosen}
                  aria-labelledby={`mood-${m}-label`}
                  aria-describedby={`mood-${m}-stats`}
                  aria-disabled={pending ? true : undefined}
                  disabled={isClosed}
                  onClick={() => {
                    clicked.current = m;
                  }}
                  className={`group flex min-h-[4.5rem] w-full flex-col justify-between rounded border-2 px-3 py-2 text-left transition-colors disabled:cursor-not-allowed ${
                    chosen ? 'border-brand bg-brand text-paper' : 'border-rule bg-paper text-ink enabled:hover:border-brand'
                  } ${pending === m ? 'opacity-80' : ''}`}
                >
                  <span className="flex items-center justify-between gap-2">
                    <span id={`mood-${m}-label`} className="font-semibold">
                      {MOOD_LABELS[m]}
                    </span>
                    {chosen ? (
                      <span aria-hidden="true" className="text-sm font-bold">
                        ✓
                      </span>
                    ) : null}
                  </span>
                  <span aria-hidden="true" className={`mt-2 block h-1.5 w-full overflow-hidden rounded-full ${chosen ? 'bg-paper/35' : 'bg-rule'}`}>
                    <span className={`block h-full rounded-full ${chosen ? 'bg-paper' : 'bg-brand'}`} style={{ width: `${pct[m]}%` }} />
                  </span>
                  <span id={`mood-${m}-stats`} className={`mt-1 block text-sm tabular-nums ${chosen ? '' : 'text-muted'}`}>
                    {pct[m]}% · {votesText(state.tallies[m])}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <p id="mood-vote-total" className="mt-3 text-sm text-muted">
        {total === 0 ? 'No votes yet.' : `${votesText(total)} in all.`}{' '}
        {isClosed ? (
          <strong className="text-ink">Voting is closed for this story.</strong>
        ) : state.mine ? (
          <>
            You chose <strong className="text-ink">{MOOD_LABELS[state.mine]}</strong>. Choose it again to take your vote back.
          </>
        ) : (
          'Choose the mood closest to yours; choose it again to take your vote back.'
        )}
      </p>
      {pending ? (
        <p className="mt-1 text-sm font-semibold" data-testid="mood-vote-pending">
          Saving your vote…
        </p>
      ) : null}
      {paused && !error && !isClosed ? (
        <p role="status" className="mt-2 rounded border-l-4 border-brand bg-black/[0.03] px-3 py-2 text-sm font-semibold dark:bg-white/[0.05]">
          {paused}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 rounded border-l-4 border-brand bg-black/[0.03] px-3 py-2 text-sm font-semibold dark:bg-white/[0.05]">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </form>
  );
}
