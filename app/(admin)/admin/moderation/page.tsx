import type { Metadata } from 'next';
import Link from 'next/link';
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

export const metadata: Metadata = { title: 'Moderation' };

const minutes = (ms: number) =>
  ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
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
    ? `Voided ${formatCount(voided)} ${voided === 1 ? 'vote' : 'votes'}. The story’s counts are corrected for readers now.`
    : VOTING_NOTICES[param(params, 'voting', 20) ?? ''];
  const settings = moderationSettings();
  const bursts = listVoteBursts(settings);
  const spikes = listVoteSpikes(settings);
  const paused = listPausedStories();
  return (
    <>
      <PageHeader title="Moderation" />
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
        >
          {notice}
        </p>
      ) : null}
      <p className="mb-6 max-w-3xl text-sm text-muted">
        A <strong>burst</strong> is {settings.burstMinVotes} or more votes on one story from one address within{' '}
        {minutes(settings.burstWindowMs)}, in the last 48 hours (addresses are kept, hashed, no longer). A{' '}
        <strong>spike</strong> is an hour with at least {settings.spikeMinVotes} votes on a story and{' '}
        {settings.spikeFactor} times its usual hourly rate, in the last{' '}
        {Math.round(settings.spikeLookbackMs / 86_400_000)} days. Voiding takes the votes out of every count at once;
        their rows stay for the audit, and their readers cannot vote on that story again.
      </p>

      <section aria-labelledby="bursts-title" className="mb-8" data-table="bursts">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="bursts-title" className="text-lg font-bold">
            Vote bursts from one address
          </h2>
          <a
            href="/admin/moderation/export/bursts"
            className="text-sm font-semibold text-brand hover:underline"
            download
          >
            Download CSV<span className="sr-only"> of vote bursts</span>
          </a>
        </div>
        {bursts.length === 0 ? (
          <p className="text-sm text-muted">No burst in the last 48 hours.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Story</th>
                  <th scope="col" className="text-right">
                    Votes
                  </th>
                  <th scope="col">When</th>
                  <th scope="col">Address (hashed)</th>
                  <th scope="col">Moods</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {bursts.map((b) => (
                  <tr key={`${b.articleId}-${b.ipHash}-${b.from}`} data-burst={b.articleId}>
                    <th scope="row" className="font-normal">
                      <Link href={`/admin/insights/stories/${b.articleId}`} className="text-brand hover:underline">
                        {b.title}
                      </Link>
                      {b.votingPaused ? <span className="ml-2 text-xs text-muted">(voting paused)</span> : null}
                    </th>
                    <td className="text-right tabular-nums">{formatCount(b.votes)}</td>
                    <td className="whitespace-nowrap">
                      {formatDateTime(b.from)}
                      <br />
                      <span className="text-muted">over {minutes(b.to - b.from)}</span>
                    </td>
                    <td>
                      <code className="text-xs">{b.ipHash.slice(0, 10)}…</code>
                    </td>
                    <td className="text-xs">{moodMix(b)}</td>
                    <td>
                      <ActionForm action={voidBurstAction} actionName="moderation.void-burst">
                        <input type="hidden" name="kind" value="ip" />
                        <input type="hidden" name="articleId" value={b.articleId} />
                        <input type="hidden" name="ipHash" value={b.ipHash} />
                        <input type="hidden" name="from" value={b.from} />
                        <input type="hidden" name="to" value={b.to} />
                        <SubmitButton variant="danger">
                          Void burst
                          <span className="sr-only">
                            : {formatCount(b.votes)} votes on {b.title}
                          </span>
                        </SubmitButton>
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="spikes-title" className="mb-8" data-table="spikes">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="spikes-title" className="text-lg font-bold">
            Hourly spikes
          </h2>
          <a
            href="/admin/moderation/export/spikes"
            className="text-sm font-semibold text-brand hover:underline"
            download
          >
            Download CSV<span className="sr-only"> of hourly spikes</span>
          </a>
        </div>
        {spikes.length === 0 ? (
          <p className="text-sm text-muted">
            No spike in the last {Math.round(settings.spikeLookbackMs / 86_400_000)} days.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Story</th>
                  <th scope="col">Hour</th>
                  <th scope="col" className="text-right">
                    Votes
                  </th>
                  <th scope="col" className="text-right">
                    Usual per hour
                  </th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {spikes.map((s) => (
                  <tr key={`${s.articleId}-${s.hour}`} data-spike={s.articleId}>
                    <th scope="row" className="font-normal">
                      <Link href={`/admin/insights/stories/${s.articleId}`} className="text-brand hover:underline">
                        {s.title}
                      </Link>
                    </th>
                    <td className="whitespace-nowrap">{formatDateTime(s.hour)}</td>
                    <td className="text-right tabular-nums">{formatCount(s.votes)}</td>
                    <td className="text-right tabular-nums">{s.usualPerHour.toFixed(1)}</td>
                    <td className="flex flex-wrap gap-2">
                      <ActionForm action={voidBurstAction} actionName="moderation.void-burst">
                        <input type="hidden" name="kind" value="spike" />
                        <input type="hidden" name="articleId" value={s.articleId} />
                        <input type="hidden" name="hour" value={s.hour} />
                        <SubmitButton variant="danger">
                          Void the hour’s votes
                          <span className="sr-only">
                            : {formatCount(s.votes)} votes on {s.title}
                          </span>
                        </SubmitButton>
                      </ActionForm>
                      <VotingToggle
                        action={setVotingPausedAction}
                        storyId={s.articleId}
                        paused={s.votingPaused}
                        fromModeration
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

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
