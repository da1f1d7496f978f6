'use server';

import { redirect } from 'next/navigation';
import { addCorrection } from '@/db/queries/corrections';
import type { ActionState } from '@/lib/action-state';
import { correctionSchema, type CorrectionInput } from '@/lib/admin/correction-schema';
import { revalidateStory } from '@/lib/admin/revalidate';
import { staffAction } from '@/lib/auth/staff-action';
import type { StaffUser } from '@/lib/auth/staff';

export async function addCorrectionAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return staffAction(form, 'story.publish', correctionSchema, appendCorrection);
}

async function appendCorrection(input: CorrectionInput, user: StaffUser): Promise<ActionState> {
  const result = await addCorrection(user.id, input.id, { kind: input.kind, note: input.note });
  if (!result.ok)
    return {
      ok: false,
      message:
        result.reason === 'missing'
          ? 'This story no longer exists.'
          : 'Only a story readers can see takes a public note: edit a draft or a scheduled story instead.',
    };
  await revalidateStory({ slug: result.slug, sectionIds: [result.sectionId] });
  redirect(`/admin/stories/${input.id}?saved=${input.kind}`);
}
