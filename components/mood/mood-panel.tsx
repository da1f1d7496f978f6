import type { MoodLeader, MoodWindow } from '@/db/queries/mood-rankings';
import { MOOD_SUPERLATIVES } from '@/lib/domain/moods';
import { articlePath, moodPath } from '@/lib/domain/routes';

const numbers = new Intl.NumberFormat('en-GB');

function LeaderList({
  heading,
  note,
  window,
  leaders,
}: {
  heading: string;
  note: string;
  window: MoodWindow;
  leaders: MoodLeader[];
}) {
  const id = `how-readers-feel-${window}`;
  return (
    <div>
      <h3 id={id} className="font-bold">
        {heading} <span className="text-sm font-normal text-muted">({note})</span>
      </h3>
      {leaders.length === 0 ? (
        <p className="mt-2 text-sm text-muted">Not enough votes yet.</p>
      ) : (
        <ul aria-labelledby={id} className="mt-2 divide-y divide-rule">
          {leaders.map((l) => (
            <li key={l.mood} className="py-2">
              <a
                href={`${moodPath(l.mood)}?window=${window}`}
                className="text-xs font-bold tracking-wide text-brand uppercase hover:underline"
              >
                {MOOD_SUPERLATIVES[l.mood]}
              </a>
              <p className="font-serif leading-snug font-bold">
                <a href={articlePath(l.slug)} className="hover:text-brand hover:underline">
                  {l.title}
                </a>
              </p>
              <p className="text-xs text-muted">
                {l.sectionName} · {numbers.format(l.moodVotes)} of {numbers.format(l.totalVotes)} votes
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "How readers feel": the stories that drew each mood most, today and this week. */
export function MoodPanel({ today, week, minVotes }: { today: MoodLeader[]; week: MoodLeader[]; minVotes: number }) {
  return (
    <section aria-labelledby="how-readers-feel" className="mt-8 border-b border-rule pb-8">
      <h2 id="how-readers-feel" className="border-b-2 border-ink pb-1 text-lg font-bold tracking-wide uppercase">
        How readers feel
      </h2>
      <div className="mt-4 grid gap-8 md:grid-cols-2">
        <LeaderList heading="Today" note="last 24 hours" window="day" leaders={today} />
        <LeaderList heading="This week" note="last 7 days" window="week" leaders={week} />
      </div>
      <p className="mt-3 text-xs text-muted">
        Ranked by the votes cast in each period; a story needs at least {minVotes} {minVotes === 1 ? 'vote' : 'votes'}{' '}
        in the period to appear. Updated every minute.
      </p>
    </section>
  );
}
