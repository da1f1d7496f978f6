// Pause or resume voting on one story: a plain form (works without JavaScript) bound to the
// moderation action, which checks the role itself.
import { setVotingPausedAction } from '@/app/(admin)/admin/moderation/actions';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';

export function VotingToggle({
  storyId,
  paused,
  fromModeration,
}: {
  storyId: number;
  paused: boolean;
  fromModeration?: boolean;
}) {
  return (
    <ActionForm action={setVotingPausedAction} actionName="moderation.set-voting" className="inline-block">
      <input type="hidden" name="story" value={storyId} />
      <input type="hidden" name="paused" value={paused ? '0' : '1'} />
      {fromModeration ? <input type="hidden" name="from" value="moderation" /> : null}
      <SubmitButton variant={paused ? 'secondary' : 'danger'}>{paused ? 'Resume voting' : 'Pause voting'}</SubmitButton>
    </ActionForm>
  );
}
