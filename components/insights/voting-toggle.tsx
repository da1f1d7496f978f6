// Pause or resume voting on one story: a plain form (works without JavaScript) bound to the
// moderation action, which checks the role itself.
import { setVotingPausedAction } from '@/app/(admin)/admin/moderation/actions';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';

export function VotingToggle({ storyId, paused }: { storyId: number; paused: boolean }) {
  return (
    <ActionForm action={setVotingPausedAction} actionName="moderation.set-voting" className="inline-block">
      <input type="hidden" name="story" value={storyId} />
      <input type="hidden" name="paused" value={paused ? '0' : '1'} />
      <SubmitButton variant={paused ? 'secondary' : 'danger'}>{paused ? 'Resume voting' : 'Pause voting'}</SubmitButton>
    </ActionForm>
  );
}
