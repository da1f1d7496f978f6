'use server';

import { z } from 'zod';
import { findStoryByRef, setVotingPaused, voidVoteBurst } from '@/db/queries/moderation';
import { type ActionState } from '@/lib/action-state';
import { idField } from '@/lib/admin/schemas';
import { staffAction } from '@/lib/auth/staff-action';
import { revalidateStoryVotes } from '@/lib/moderation/revalidate';
import { moderationSettings } from '@/lib/moderation/settings';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

const instant = z.coerce.number({ message: 'Missing time.' }).int().min(0).max(8_640_000_000_000_000);

const voidSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ip'),
    articleId: idField,
    ipHash: z.string().min(1).max(200),
    from: instant,
    to: instant,
  }),
  z.object({ kind: z.literal('spike'), articleId: idField, hour: instant }),
]);

export async function voidBurstAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(
    form,
    'votes.moderate',
    voidSchema,
    async (burst, user) => {
      const result = await voidVoteBurst(user.id, burst, moderationSettings());
      if (!result.ok) {
        return {
          ok: false,
          message:
            result.reason === 'not-found'
              ? 'This story no longer exists.'
              : 'This burst is no longer there: it was voided already, or its votes changed. The list below is up to date.',
        };
      }
      revalidateStoryVotes(result.slug);
      // The burst's row, and the form in it, are gone from the list: the page says what happened.
      redirect(`/admin/moderation?voided=${result.voided}`);
    },
    { ok: false, message: 'This burst could not be read. Reload the page and try again.' },
  );
}

const pauseSchema = z.object({
  story: z.string().trim().min(1, 'Enter the story’s number or address.').max(200, 'At most 200 characters.'),
  paused: z.enum(['1', '0'], { message: 'Choose pause or resume.' }),
  /** set by the moderation page's lists, whose row may vanish with the change */
  from: z.enum(['moderation']).optional(),
});

export async function setVotingPausedAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'votes.moderate', pauseSchema, async (input, user) => {
    // The story may be named by its number, its slug or its address (/news/<slug>).
    const ref = input.story.replace(/^.*\/news\//, '').replace(/[/?#].*$/, '');
    const story = await findStoryByRef(ref);
    if (!story)
      return {
        ok: false,
        message: 'Please correct the fields marked below.',
        errors: { story: ['No story has this number or address.'] },
        values: { story: input.story },
      };
    const paused = input.paused === '1';
    const result = await setVotingPaused(user.id, story.id, paused);
    if (!result) return { ok: false, message: 'This story no longer exists.' };
    revalidateStoryVotes(result.slug);
    revalidatePath('/admin/moderation');
    revalidatePath(`/admin/insights/stories/${story.id}`);
    if (input.from === 'moderation') redirect(`/admin/moderation?voting=${paused ? 'paused' : 'resumed'}`);
    return {
      ok: true,
      message:
        `${paused ? 'Voting paused' : 'Voting resumed'} on “${result.title}”` +
        `${result.changed ? '' : ' (it already was)'}.`,
    };
  });
}
