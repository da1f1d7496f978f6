// What the story editor's save needs from revisions: the revision the form was opened on, and the
// message when someone saved after that (decision 039).
import { z } from 'zod';
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

/** What the editor's autosave sends: the text fields the revision keeps, and the revision it is based on. */
export const autosaveSchema = z.object({
  title: z.string().max(200, 'The headline is too long.'),
  standfirst: z.string().max(400, 'The standfirst is too long.'),
  byline: z.string().max(120, 'The byline is too long.'),
  dateline: z.string().max(60, 'The dateline is too long.'),
  body: z.string().max(200_000, 'The body is too long.'),
  revision: z.number().int().positive().max(2_147_483_647).nullable(),
});
