'use client';

// Puts a photo block ({{photo 12}}) into the story's body, on a paragraph of its own after the line the
// cursor is on (or at the end). Without JavaScript the block is shown to copy instead.
import { useFieldState } from '@/components/ui/action-form';

export function insertIntoBody(block: string): boolean {
  const body = document.querySelector<HTMLTextAreaElement>('form[data-action="story.save"] textarea[name="body"]');
  if (!body) return false;
  const text = body.value;
  const lineEnd = text.indexOf('\n', body.selectionEnd);
  const at =
    body === document.activeElement || body.selectionEnd > 0 ? (lineEnd === -1 ? text.length : lineEnd) : text.length;
  const before = text.slice(0, at).replace(/\s*$/, '');
  const after = text.slice(at).replace(/^\s*/, '');
  const next = `${before}${before ? '\n\n' : ''}${block}\n\n${after}`.replace(/\s*$/, '\n');
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(body, next);
  body.dispatchEvent(new Event('input', { bubbles: true }));
  body.focus();
  return true;
}

/** "Insert into the body" for a block given, or for the one the upload form's last result carries. */
export function InsertBlockButton({ block, label }: { block?: string; label?: string }) {
  const state = useFieldState();
  const value = block ?? state.values?.block;
  if (!value) return null;
  return (
    <button
      type="button"
      onClick={() => insertIntoBody(value)}
      className="rounded border border-rule bg-paper px-3 py-1 text-sm font-semibold hover:border-ink"
    >
      {label ?? `Insert ${value} into the body`}
    </button>
  );
}
