// Pause or resume voting on one story: a plain form (works without JavaScript) bound to the
// moderation action (app/(admin)/admin/moderation/actions.ts, passed by the page), which checks the
// role itself.
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/action-state';

export function VotingToggle({
  action,
  storyId,
  paused,
  fromModeration,
}: {
  action: FormAction;
  storyId: number;
  paused: boolean;
  fromModeration?: boolean;
}) {
  return (
    <ActionForm action={action} actionName="moderation.set-voting" className="inline-block">
      <input type="hidden" name="story" value={storyId} />
      <input type="hidden" name="paused" value={paused ? '0' : '1'} />
      {fromModeration ? <input type="hidden" name="from" value="moderation" /> : null}
      <SubmitButton variant={paused ? 'secondary' : 'danger'}>{paused ? 'Resume voting' : 'Pause voting'}</SubmitButton>
    </ActionForm>
  );
}
