'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { idField } from '@/lib/admin/schemas';
import { restoreStoryRevision } from '@/lib/admin/restore-revision';
import { revalidateStory } from '@/lib/admin/revalidate';
import { staffAction } from '@/lib/auth/staff-action';
import { deliverQueuedWebhooks } from '@/lib/webhooks/events';

const restoreSchema = z.object({ id: idField, revision: idField });

/** Puts an older revision's text back into the story, as a new revision; status and publish time stay. */
export async function restoreRevisionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.write', restoreSchema, async (input, user) => {
    const result = await restoreStoryRevision(input, user);
    if (!result.ok) return result;
    await revalidateStory(result.saved);
    deliverQueuedWebhooks(result.saved.webhooks);
    redirect(`/admin/stories/${input.id}?saved=restored`);
  });
}
