'use client';

// The body field with a live preview beside it. Without JavaScript it is a plain textarea (and the
// story's preview page shows the result); with it, the server renders the Markdown through the same
// sanitiser as the save and the pane shows that HTML.
import { useEffect, useId, useRef, useState } from 'react';
import { useFieldState } from '@/components/ui/action-form';
import { typedBeforeHydration } from '@/components/ui/typed-before-hydration';

export function MarkdownEditor({
  name,
  label,
  defaultValue,
  hint,
  rows = 18,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  hint?: string;
  rows?: number;
}) {
  const id = useId();
  const state = useFieldState();
  const errors = state.errors?.[name];
  const initial = state.values?.[name] ?? defaultValue ?? '';
  const [text, setText] = useState(() => typedBeforeHydration(id, initial));
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      try {
        const res = await fetch('/admin/markdown-preview', {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain;charset=utf-8' },
          body: text,
          signal: controller.signal,
        });
        const data = (await res.json()) as { html?: string; error?: string };
        if (data.html !== undefined) {
          setHtml(data.html);
          setProblem(null);
        } else setProblem(data.error ?? 'Preview unavailable.');
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setProblem('Preview unavailable just now.');
      }
    }, 300);
    return () => {
      controller.abort();
      clearTimeout(timer.current);
    };
  }, [text]);

  return (
    <div className="mb-4 grid gap-4 lg:grid-cols-2">
      <div>
        <label htmlFor={id} className="block text-sm font-semibold">
          {label}
        </label>
        <textarea
          id={id}
          name={name}
          rows={rows}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
          className="mt-1 block w-full rounded border border-rule bg-paper px-3 py-2 font-mono text-sm"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
        {errors?.length ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
      <section aria-label="Live preview" aria-live="polite" className="rounded border border-dashed border-rule p-4">
        <p className="mb-2 text-xs font-bold tracking-wide text-muted uppercase">Live preview</p>
        {problem ? <p className="text-sm text-red-700">{problem}</p> : null}
        {/* Server-rendered and sanitised by lib/markdown.ts, the same HTML readers get. */}
        {html !== null ? (
          <div className="prose-body text-base" data-testid="live-preview" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <p className="text-sm text-muted">Rendering…</p>
        )}
      </section>
    </div>
  );
}
