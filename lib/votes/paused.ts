// What a reader is told when the database cannot take votes (docs/security.md, items 9 and 10).
import type { WriteUnavailable } from '@/db/write-errors';

export const PAUSED_TITLE = 'Voting is paused';

/** The answer to a vote that was refused. */
export function pausedMessage(kind: WriteUnavailable): string {
  return kind === 'busy'
    ? 'Voting is paused for a moment: the site is very busy and your vote was not counted. Please try again shortly.'
    : 'Voting is paused: the site cannot save votes right now, so your vote was not counted. ' +
        'You can go on reading; please try again later.';
}

/** Shown with the vote before anyone tries (from the live counts the script fetches). */
export function pausedNotice(kind: WriteUnavailable): string {
  return kind === 'busy'
    ? 'Voting is paused for a moment: the site is very busy. Please try again shortly.'
    : 'Voting is paused: the site cannot save votes right now. You can go on reading; please try again later.';
}
