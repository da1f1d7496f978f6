// What the story editor's save needs from revisions: the revision the form was opened on, and the
// message when someone saved after that (decision 039).
import type { ActionState } from '@/lib/action-state';
import { formatDateTime } from '@/lib/format';

/**
 * The revision a submitted form was based on: a number, null for a story that had none yet, or
 * undefined (no check) when the form carries no such field or its author chose to overwrite.
 */
export function revisionBase(form: FormData): number | null | undefined {
  if (form.get('overwrite') === '1') return undefined;
  const raw = form.get('revision');
  if (typeof raw !== 'string') return undefined;
  if (raw === '') return null;
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export function conflictState(
  conflict: { userName: string | null; createdAt: number },
  values: Record<string, string>,
): ActionState {
  const who = conflict.userName ?? 'Someone';
  return {
    ok: false,
    message: `${who} saved this story at ${formatDateTime(conflict.createdAt)}, after you opened it. Nothing was saved: your text is still below.`,
    errors: {
      overwrite: [
        `Compare with their version under “Revisions”, or tick the box to replace it with yours (theirs stays in the revisions).`,
      ],
    },
    values,
  };
}
