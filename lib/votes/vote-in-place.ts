// The mood vote in place, for the form components/mood/mood-vote-form.tsx draws on the server. Part of
// /reader.js (lib/client/reader.ts): plain DOM, no framework, nothing runs until a form is on the page.
// A cached page (or one restored from the back/forward cache) may be behind: the live counts and the
// reader's own choice are fetched once the vote comes near the screen.
import { isMood, MOODS, percentages, sumTallies, type Mood, type Tallies } from '@/lib/domain/moods';
import { applyChoice, type MoodChoice } from '@/lib/votes/choice';
import { moodStatsText, voteAnnouncement, voteStatus, VOTE_PENDING } from '@/lib/votes/vote-text';

type SummaryJson = { ok: true; tallies: Tallies; mine: Mood | null; closed?: boolean; paused?: string };

const NOTE =
  'mt-2 rounded border-l-4 border-brand bg-black/[0.03] px-3 py-2 text-sm font-semibold dark:bg-white/[0.05]';

function isTallies(value: unknown): value is Tallies {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return MOODS.every((m) => Number.isInteger(t[m]) && (t[m] as number) >= 0);
}

function isSummaryJson(data: unknown): data is SummaryJson {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d.ok === true && isTallies(d.tallies) && (d.mine === null || isMood(d.mine));
}

function messageOf(data: unknown): string | undefined {
  const message = (data as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.length > 0 ? message : undefined;
}

function initialTallies(form: HTMLFormElement): Tallies | undefined {
  try {
    const parsed: unknown = JSON.parse(form.dataset.tallies ?? '');
    return isTallies(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A message paragraph after `anchor`, created when needed and removed when empty. */
function note(form: HTMLFormElement, key: string, text: string, make: () => HTMLElement) {
  let el = form.querySelector<HTMLElement>(`[data-vote-note="${key}"]`);
  if (!text) {
    el?.remove();
    return;
  }
  if (!el) {
    el = make();
    el.dataset.voteNote = key;
    form.querySelector('[data-vote-announce]')?.before(el);
  }
  el.textContent = text;
}

export function enhanceMoodVote(form: HTMLFormElement): void {
  const articleId = Number(form.dataset.moodVote);
  const tallies = initialTallies(form);
  if (!Number.isInteger(articleId) || articleId <= 0 || !tallies) return;
  const mine = form.dataset.mine;

  let state: MoodChoice = { tallies, mine: isMood(mine) ? mine : null };
  let closed = form.dataset.closed === 'true';
  let pending: Mood | null = null;
  let error = '';
  /** why the database cannot take votes right now (full, read-only, locked), from the live counts */
  let paused = '';
  let busy = false;
  let clicked: Mood | null = null;
  /** bumped by every vote, so a refresh that raced with it cannot overwrite its result */
  let generation = 0;

  const buttons = [...form.querySelectorAll<HTMLButtonElement>('button[name="mood"]')];
  const group = form.querySelector<HTMLElement>('[role="group"]');
  const current = form.querySelector<HTMLInputElement>('input[name="current"]');
  const announcer = form.querySelector<HTMLElement>('[data-vote-announce]');

  function render() {
    const pct = percentages(state.tallies);
    const total = sumTallies(state.tallies);
    form.toggleAttribute('data-empty', total === 0);
    if (current) current.value = state.mine ?? '';
    if (pending) group?.setAttribute('aria-busy', 'true');
    else group?.removeAttribute('aria-busy');
    for (const button of buttons) {
      const m = button.value;
      if (!isMood(m)) continue;
      button.setAttribute('aria-pressed', String(state.mine === m));
      button.disabled = closed;
      button.toggleAttribute('data-pending', pending === m);
      if (pending) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
      const bar = button.querySelector<HTMLElement>('[data-mood-bar]');
      if (bar) bar.style.width = `${pct[m]}%`;
      const stats = button.querySelector<HTMLElement>(`#mood-${m}-stats`);
      if (stats) stats.textContent = moodStatsText(pct[m], state.tallies[m], total);
    }
    const status = voteStatus(state, closed);
    const parts: Record<string, string> = {
      total: status.total,
      lead: status.before,
      strong: status.strong ?? '',
      after: status.after ?? '',
    };
    for (const [key, text] of Object.entries(parts)) {
      const el = form.querySelector<HTMLElement>(`[data-vote-${key}]`);
      if (el && el.textContent !== text) el.textContent = text;
    }
    note(form, 'pending', pending ? VOTE_PENDING : '', () => {
      const p = document.createElement('p');
      p.className = 'mt-1 text-sm font-semibold';
      p.dataset.testid = 'mood-vote-pending';
      return p;
    });
    note(form, 'paused', paused && !error && !closed ? paused : '', () => {
      const p = document.createElement('p');
      p.setAttribute('role', 'status');
      p.className = NOTE;
      return p;
    });
    note(form, 'error', error, () => {
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.className = NOTE;
      return p;
    });
  }

  async function refresh() {
    // A vote in flight answers with fresher counts; and a refresh sent before its reader cookie exists
    // would come back without the reader's own choice.
    if (busy) return;
    const started = generation;
    try {
      const res = await fetch(`/api/vote?article=${articleId}`, {
        cache: 'no-store',
        headers: { accept: 'application/json' },
      });
      const data: unknown = await res.json();
      if (!res.ok || !isSummaryJson(data) || busy || generation !== started) return;
      state = { tallies: data.tallies, mine: data.mine };
      closed = data.closed === true;
      paused = typeof data.paused === 'string' ? data.paused : '';
      render();
    } catch {
      // Offline or blocked: the counts drawn with the page stay.
    }
  }

  async function submit(mood: Mood) {
    busy = true;
    generation += 1;
    const before = state;
    state = applyChoice(before, mood);
    pending = mood;
    error = '';
    render();
    try {
      const res = await fetch('/api/vote', {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams({ article: String(articleId), mood, current: before.mine ?? '' }),
      });
      const data: unknown = await res.json().catch(() => null);
      if (res.ok && isSummaryJson(data)) {
        state = { tallies: data.tallies, mine: data.mine };
        paused = '';
        if (announcer) announcer.textContent = voteAnnouncement(state);
      } else {
        state = before;
        error = messageOf(data) ?? `Your vote could not be saved (error ${res.status}). Please try again.`;
        if (res.status === 409 && /closed/i.test(messageOf(data) ?? '')) closed = true;
      }
    } catch {
      state = before;
      error = 'Your vote could not be sent. Check your connection and try again.';
    } finally {
      busy = false;
      pending = null;
      render();
    }
  }

  for (const button of buttons) {
    button.addEventListener('click', () => {
      clicked = isMood(button.value) ? button.value : null;
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    const mood = submitter?.value ?? clicked;
    if (!isMood(mood) || busy || closed) return;
    void submit(mood);
  });

  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void refresh();
    },
    { rootMargin: '300px 0px' },
  );
  observer.observe(form);
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) void refresh();
  });
  // Marks the form as handled by this script (tests wait for it before clicking).
  form.dataset.enhanced = 'true';
}
