import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable, ReportSection } from '@/components/admin/admin-table';
import { PageHeader } from '@/components/admin/page-header';
import { formatCount } from '@/components/insights/chart-scale';
import { VotingToggle } from '@/components/moderation/voting-toggle';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { listPausedStories, listVoteBursts, listVoteSpikes, type IpBurst } from '@/db/queries/moderation';
import { idParam, param, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { moderationSettings } from '@/lib/moderation/settings';
import { MOODS, MOOD_LABELS } from '@/lib/domain/moods';
import { articlePath } from '@/lib/domain/routes';
import { setVotingPausedAction, voidBurstAction } from './actions';
import { Notice } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Moderation' };

const minutes = (ms: number) =>
  ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
const storyLink = (s: { articleId: number; title: string }) => (
  <Link href={`/admin/insights/stories/${s.articleId}`} className="text-brand hover:underline">
    {s.title}
  </Link>
);
/** Voids a burst or a spike: `target` is what the action finds again before it voids anything. */
function VoidButton({
  target,
  label,
  of,
}: {
  target: Record<string, string | number>;
  label: string;
  of: { votes: number; title: string };
}) {
  return (
    <ActionForm action={voidBurstAction} actionName="moderation.void-burst">
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant="danger">
        {label}
        <span className="sr-only">
          : {formatCount(of.votes)} votes on {of.title}
        </span>
      </SubmitButton>
    </ActionForm>
  );
}

const moodMix = (b: IpBurst) =>
  MOODS.filter((m) => b.moods[m] > 0)
    .map((m) => `${MOOD_LABELS[m]} ${b.moods[m]}`)
    .join(', ');

const VOTING_NOTICES: Record<string, string> = {
  paused: 'Voting paused: readers see “voting is closed”.',
  resumed: 'Voting resumed: readers can vote again.',
};

export default async function ModerationPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireStaff('votes.moderate');
  const params = await searchParams;
  const voided = idParam(params, 'voided');
  const notice = voided
    ? `Voided ${formatCount(voided)} ${voided === 1 ? 'vote' : 'votes'}. ` +
      'The story’s counts are corrected for readers now.'
    : VOTING_NOTICES[param(params, 'voting', 20) ?? ''];
  const settings = moderationSettings();
  const bursts = await listVoteBursts(settings);
  const spikes = await listVoteSpikes(settings);
  const paused = await listPausedStories();
  return (
    <>
      <PageHeader title="Moderation" />
      {notice ? <Notice>{notice}</Notice> : null}
      <p className="mb-6 max-w-3xl text-sm text-muted">
        A <strong>burst</strong> is {settings.burstMinVotes} or more votes on one story from one address within{' '}
        {minutes(settings.burstWindowMs)}, in the last 48 hours (addresses are kept, hashed, no longer). A{' '}
        <strong>spike</strong> is an hour with at least {settings.spikeMinVotes} votes on a story and{' '}
        {settings.spikeFactor} times its usual hourly rate, in the last{' '}
        {Math.round(settings.spikeLookbackMs / 86_400_000)} days. Voiding takes the votes out of every count at once;
        their rows stay for the audit, and their readers cannot vote on that story again.
      </p>

      <ReportSection
        id="bursts"
        title="Vote bursts from one address"
        csvHref="/admin/moderation/export/bursts"
        empty="No burst in the last 48 hours."
        data={{ 'data-table': 'bursts' }}
      >
        {bursts.length ? (
          <AdminTable
            rows={bursts}
            rowKey={(b) => `${b.articleId}-${b.ipHash}-${b.from}`}
            rowProps={(b) => ({ 'data-burst': b.articleId })}
            columns={[
              {
                header: 'Story',
                rowHeader: true,
                cell: (b) => (
                  <>
                    {storyLink(b)}
                    {b.votingPaused ? <span className="ml-2 text-xs text-muted">(voting paused)</span> : null}
                  </>
                ),
              },
              { header: 'Votes', numeric: true, cell: (b) => formatCount(b.votes) },
              {
                header: 'When',
                className: 'whitespace-nowrap',
                cell: (b) => (
                  <>
                    {formatDateTime(b.from)}
                    <br />
                    <span className="text-muted">over {minutes(b.to - b.from)}</span>
                  </>
                ),
              },
              { header: 'Address (hashed)', cell: (b) => <code className="text-xs">{b.ipHash.slice(0, 10)}…</code> },
              { header: 'Moods', className: 'text-xs', cell: moodMix },
              {
                header: null,
                hiddenHeader: 'Actions',
                cell: (b) => (
                  <VoidButton
                    target={{ kind: 'ip', articleId: b.articleId, ipHash: b.ipHash, from: b.from, to: b.to }}
                    label="Void burst"
                    of={b}
                  />
                ),
              },
            ]}
          />
        ) : null}
      </ReportSection>

      <ReportSection
        id="spikes"
        title="Hourly spikes"
        csvHref="/admin/moderation/export/spikes"
        empty={`No spike in the last ${Math.round(settings.spikeLookbackMs / 86_400_000)} days.`}
        data={{ 'data-table': 'spikes' }}
      >
        {spikes.length ? (
          <AdminTable
            rows={spikes}
            rowKey={(s) => `${s.articleId}-${s.hour}`}
            rowProps={(s) => ({ 'data-spike': s.articleId })}
            columns={[
              { header: 'Story', rowHeader: true, cell: storyLink },
              { header: 'Hour', className: 'whitespace-nowrap', cell: (s) => formatDateTime(s.hour) },
              { header: 'Votes', numeric: true, cell: (s) => formatCount(s.votes) },
              { header: 'Usual per hour', numeric: true, cell: (s) => s.usualPerHour.toFixed(1) },
              {
                header: null,
                hiddenHeader: 'Actions',
                className: 'flex flex-wrap gap-2',
                cell: (s) => (
                  <>
                    <VoidButton
                      target={{ kind: 'spike', articleId: s.articleId, hour: s.hour }}
                      label="Void the hour’s votes"
                      of={s}
                    />
                    <VotingToggle
                      action={setVotingPausedAction}
                      storyId={s.articleId}
                      paused={s.votingPaused}
                      fromModeration
                    />
                  </>
                ),
              },
            ]}
          />
        ) : null}
      </ReportSection>

      <section aria-labelledby="pause-title" className="admin-card mb-8 max-w-2xl">
        <h2 id="pause-title" className="mb-3 text-lg font-bold">
          Pause or resume voting
        </h2>
        <ActionForm action={setVotingPausedAction} actionName="moderation.set-voting">
          <TextField
            name="story"
            label="Story (number or address)"
            hint="For example 42, or https://…/news/the-story-slug"
            maxLength={200}
          />
          <SelectField
            name="paused"
            label="Voting"
            defaultValue="1"
            options={[
              { value: '1', label: 'Pause: readers see “voting is closed”' },
              { value: '0', label: 'Resume' },
            ]}
          />
          <SubmitButton>Apply</SubmitButton>
        </ActionForm>
        <h3 className="mt-6 mb-2 font-bold">Stories with voting paused</h3>
        {paused.length === 0 ? (
          <p className="text-sm text-muted">None.</p>
        ) : (
          <ul className="space-y-2" data-list="paused">
            {paused.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3">
                <Link href={articlePath(s.slug)} className="text-brand hover:underline">
                  {s.title}
                </Link>
                <VotingToggle action={setVotingPausedAction} storyId={s.id} paused fromModeration />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
