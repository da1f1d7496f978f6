'use client';

// Never lose a draft (decision 039). Inside the story form:
// - the revision the form was opened on (hidden), so a save made after someone else's is refused, and
//   the box to save over it when that happened;
// - with JavaScript: a copy of the text on this device at every keystroke (localStorage), an autosave
//   to the server every few seconds when the text changed, a line saying when it last saved (or that it
//   could not, and that the text is kept here), who else is editing, and an offer to put back text that
//   was typed but never saved (from this device or from the last autosave), whichever is newer.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useFieldState } from '@/components/ui/action-form';

const FIELDS = ['title', 'standfirst', 'byline', 'dateline', 'body'] as const;
type Text = Record<(typeof FIELDS)[number], string>;
type Recovery = { text: Text; at: number; from: 'device' | 'autosave' };
type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'offline'; at?: number }
  | { kind: 'refused'; message: string };

export const AUTOSAVE_EVERY_MS = 5_000;

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const same = (a: Text, b: Text) => FIELDS.every((f) => a[f] === b[f]);

function readForm(form: HTMLFormElement): Text {
  const text = {} as Text;
  for (const f of FIELDS) {
    const el = form.elements.namedItem(f);
    text[f] = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : '';
  }
  return text;
}

/** Sets a field the way typing does, so that React's own state (the Markdown editor's) follows. */
function writeField(form: HTMLFormElement, name: string, value: string) {
  const el = form.elements.namedItem(name);
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function StoryDraftGuard({
  storyId,
  revision,
  autosave,
}: {
  storyId?: number;
  /** the newest saved revision when the page was rendered (null: none yet) */
  revision: number | null;
  /** this editor's autosave, when it is newer than the story's last save */
  autosave?: (Text & { createdAt: number }) | null;
}) {
  const id = useId();
  const state = useFieldState();
  const conflict = state.errors?.overwrite;
  const anchor = useRef<HTMLSpanElement>(null);
  const lastSent = useRef<Text | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [others, setOthers] = useState<{ name: string; at: number }[]>([]);
  const [newerSave, setNewerSave] = useState<{ name: string | null; at: number } | null>(null);
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const key = `moodwire:story-draft:${storyId ?? 'new'}`;

  const form = useCallback(() => anchor.current?.closest('form') ?? null, []);

  // On arrival: the newest unsaved text (this device's copy, or the autosave), if it differs from the form.
  useEffect(() => {
    const f = form();
    if (!f) return;
    const current = readForm(f);
    lastSent.current = current;
    let local: { text: Text; at: number } | null = null;
    try {
      local = JSON.parse(localStorage.getItem(key) ?? 'null') as { text: Text; at: number } | null;
    } catch {
      local = null;
    }
    if (local && same(local.text, current)) {
      localStorage.removeItem(key);
      local = null;
    }
    const candidates: Recovery[] = [];
    if (local?.text) candidates.push({ text: local.text, at: local.at, from: 'device' });
    if (autosave) {
      const { createdAt, ...text } = autosave;
      if (!same(text, current)) candidates.push({ text, at: createdAt, from: 'autosave' });
    }
    candidates.sort((a, b) => b.at - a.at);
    // After a refused save the form already holds the author's text: nothing to put back.
    const newest = candidates[0];
    if (!newest || state.values) return;
    // localStorage exists only in the browser: the offer appears once the page is there.
    const shown = setTimeout(() => setRecovery(newest), 0);
    return () => clearTimeout(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // This device's copy, at every keystroke.
  useEffect(() => {
    const f = form();
    if (!f) return;
    const keep = () => {
      try {
        localStorage.setItem(key, JSON.stringify({ text: readForm(f), at: Date.now() }));
      } catch {
        // Storage full or refused: the server autosave still runs.
      }
    };
    f.addEventListener('input', keep);
    return () => f.removeEventListener('input', keep);
  }, [form, key]);

  // The server autosave, when the text changed since the last one.
  useEffect(() => {
    if (storyId === undefined) return;
    let busy = false;
    const tick = async () => {
      const f = form();
      if (!f || busy) return;
      const text = readForm(f);
      if (lastSent.current && same(text, lastSent.current)) return;
      busy = true;
      setStatus({ kind: 'saving' });
      try {
        const res = await fetch(`/admin/stories/${storyId}/autosave`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...text, revision }),
        });
        const data = (await res.json()) as {
          savedAt?: number;
          error?: string;
          others?: { name: string; at: number }[];
          newerSave?: { name: string | null; at: number };
        };
        if (res.ok && data.savedAt) {
          lastSent.current = text;
          setStatus({ kind: 'saved', at: data.savedAt });
          setOthers(data.others ?? []);
          setNewerSave(data.newerSave ?? null);
        } else setStatus({ kind: 'refused', message: data.error ?? 'The autosave was refused.' });
      } catch {
        setStatus((s) => ({
          kind: 'offline',
          at: s.kind === 'saved' ? s.at : s.kind === 'offline' ? s.at : undefined,
        }));
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(tick, AUTOSAVE_EVERY_MS);
    return () => clearInterval(timer);
  }, [form, revision, storyId]);

  const putBack = () => {
    const f = form();
    if (!f || !recovery) return;
    for (const field of FIELDS) writeField(f, field, recovery.text[field]);
    // The server already holds its own autosave: nothing to send until the text changes again.
    if (recovery.from === 'autosave') lastSent.current = recovery.text;
    setRecovery(null);
  };
  const discard = () => {
    localStorage.removeItem(key);
    setRecovery(null);
  };

  return (
    <div className="mb-4 space-y-2 text-sm">
      <span ref={anchor} hidden />
      <input type="hidden" name="revision" value={revision ?? ''} />
      {conflict ? (
        <div className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p id={`${id}-conflict`}>{conflict.join(' ')}</p>
          <label className="mt-2 flex items-center gap-2 font-semibold">
            <input type="checkbox" name="overwrite" value="1" aria-describedby={`${id}-conflict`} />
            Replace their version with mine when I save
          </label>
        </div>
      ) : null}
      {recovery ? (
        <div
          role="alert"
          className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950 dark:text-amber-50"
        >
          <p>
            Text you typed at {time(recovery.at)} was not saved to the story. It was kept{' '}
            {recovery.from === 'device' ? 'on this device' : 'by the autosave'}.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              onClick={putBack}
              className="rounded bg-brand px-3 py-1 font-semibold text-white dark:text-black"
            >
              Put it back in the editor
            </button>
            <button
              type="button"
              onClick={discard}
              className="rounded border border-rule bg-paper px-3 py-1 font-semibold"
            >
              Discard it
            </button>
          </div>
        </div>
      ) : null}
      <p aria-live="polite" data-testid="autosave-status" className="text-muted">
        {status.kind === 'saved'
          ? `Autosaved at ${time(status.at)}. Save to update the story.`
          : status.kind === 'saving'
            ? 'Autosaving…'
            : status.kind === 'offline'
              ? `Not autosaved: the connection is lost${status.at ? ` (last autosave ${time(status.at)})` : ''}. Your text is kept on this device.`
              : status.kind === 'refused'
                ? `Not autosaved: ${status.message}`
                : null}
      </p>
      {others.length ? (
        <p role="status" className="font-semibold text-red-800 dark:text-red-300">
          {others.map((o) => o.name).join(', ')} {others.length === 1 ? 'is' : 'are'} editing this story too.
        </p>
      ) : null}
      {newerSave ? (
        <p role="status" className="font-semibold text-red-800 dark:text-red-300">
          {newerSave.name ?? 'Someone'} saved this story at {time(newerSave.at)}, after you opened it: saving now would
          replace their version. Open “Revisions” to compare.
        </p>
      ) : null}
    </div>
  );
}
