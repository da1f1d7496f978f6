// CSV of the moderation lists (bursts, spikes), as the page shows them now.
import { listVoteBursts, listVoteSpikes } from '@/db/queries/moderation';
import { staffForRoute } from '@/lib/auth/staff';
import { csvResponse } from '@/lib/insights/csv';
import { moderationSettings } from '@/lib/moderation/settings';
import { MOODS, MOOD_LABELS } from '@/lib/domain/moods';

const iso = (ms: number) => new Date(ms).toISOString();

export async function GET(_request: Request, { params }: RouteContext<'/admin/moderation/export/[table]'>) {
  const gate = await staffForRoute('votes.moderate');
  if ('response' in gate) return gate.response;
  const { table } = await params;
  const settings = moderationSettings();
  const now = Date.now();
  const day = iso(now).slice(0, 10);
  if (table === 'bursts') {
    const rows = (await listVoteBursts(settings, now)).map((b) => [
      b.articleId,
      b.title,
      b.votes,
      iso(b.from),
      iso(b.to),
      b.ipHash.slice(0, 10),
      ...MOODS.map((m) => b.moods[m]),
    ]);
    return csvResponse(
      `moodwire-vote-bursts-${day}.csv`,
      [
        'Story number',
        'Story',
        'Votes',
        'First vote (UTC)',
        'Last vote (UTC)',
        'Address hash (start)',
        ...MOODS.map((m) => MOOD_LABELS[m]),
      ],
      rows,
    );
  }
  if (table === 'spikes') {
    const rows = (await listVoteSpikes(settings, now)).map((s) => [
      s.articleId,
      s.title,
      iso(s.hour),
      s.votes,
      Math.round(s.usualPerHour * 10) / 10,
    ]);
    return csvResponse(
      `moodwire-vote-spikes-${day}.csv`,
      ['Story number', 'Story', 'Hour (UTC)', 'Votes', 'Usual votes per hour'],
      rows,
    );
  }
  return new Response('No such table. Choose bursts or spikes.\n', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
