// Reads beside votes and shares on the insights pages (decision 042): how many times the stories were
// read in the period, and the rate no other system shows, mood votes per 100 reads, for the scope, per
// section and per story. Loads its own figures (db/queries/reads.ts), so the pages only place it.
import Link from 'next/link';
import { AdminTable, ReportSection } from '@/components/admin/admin-table';
import { formatCount } from '@/components/insights/chart-scale';
import { hasDemoActivity } from '@/db/queries/demo-activity';
import {
  getStoryReadRate,
  listReadsByBucket,
  listSectionReadRates,
  listStoryReadRates,
  votesPer100Reads,
  type ReadRate,
  type ReadsScope,
} from '@/db/queries/reads';

const rateFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "12.5", or "–" when nothing was read (no rate, rather than an infinite one). */
export function formatRate(r: ReadRate): string {
  const rate = votesPer100Reads(r);
  return rate === undefined ? '–' : rateFormat.format(rate);
}

const RATE_NOTE =
  'Mood votes per 100 reads: the votes cast in the period for every 100 reads counted in it. Reads are counted without cookies; bots and prefetches are left out, and one address reading a story again within 30 minutes counts once.';

function ReadCards({ rate, stat }: { rate: ReadRate; stat: string }) {
  const cards = [
    { label: 'Reads', value: formatCount(rate.reads), stat: `${stat}-reads` },
    { label: 'Mood votes', value: formatCount(rate.votes), stat: `${stat}-votes` },
    { label: 'Mood votes per 100 reads', value: formatRate(rate), stat: `${stat}-rate` },
  ];
  return (
    <dl className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
      {cards.map((c) => (
        <div key={c.label} className="admin-card">
          <dt className="text-sm text-muted">{c.label}</dt>
          <dd className="text-2xl font-bold" data-stat={c.stat}>
            {c.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The dashboard's part: totals, by section, and the most-read stories. */
export async function ReadsReport({ scope, storyHref }: { scope: ReadsScope; storyHref: (id: number) => string }) {
  const [buckets, bySection, stories, demo] = await Promise.all([
    listReadsByBucket(scope),
    listSectionReadRates(scope),
    listStoryReadRates(scope, 10),
    hasDemoActivity(),
  ]);
  const total = {
    reads: buckets.reduce((n, b) => n + b.reads, 0),
    votes: bySection.reduce((n, s) => n + s.votes, 0),
  };
  const sections = bySection.filter((s) => s.reads > 0 || s.votes > 0);
  return (
    <section aria-labelledby="reads-title" data-reads-report>
      <h2 id="reads-title" className="mb-2 text-lg font-bold">
        Reads
      </h2>
      <p className="mb-3 text-sm text-muted">{RATE_NOTE}</p>
      {demo ? (
        <p className="mb-3 text-sm" data-demo-activity>
          The site still holds the demo activity seeded over the 30 days before it was installed; figures for those days
          include it. Remove it with <code>npm run admin -- remove-demo-activity</code>.
        </p>
      ) : null}
      <ReadCards rate={total} stat="period" />
      <ReportSection
        id="reads-by-section"
        title="Reads and mood votes per 100 reads, by section"
        empty="No reads or votes in this period."
        data={{ 'data-table': 'reads-by-section' }}
      >
        {sections.length ? (
          <AdminTable
            rows={sections}
            rowKey={(s) => s.id}
            columns={[
              { header: 'Section', rowHeader: true, cell: (s) => s.name },
              { header: 'Reads', numeric: true, cell: (s) => formatCount(s.reads) },
              { header: 'Mood votes', numeric: true, cell: (s) => formatCount(s.votes) },
              { header: 'Per 100 reads', numeric: true, cell: (s) => formatRate(s) },
            ]}
          />
        ) : null}
      </ReportSection>
      <ReportSection
        id="most-read"
        title="Most-read stories"
        empty="No reads in this period."
        data={{ 'data-table': 'most-read' }}
      >
        {stories.length ? (
          <AdminTable
            rows={stories}
            rowKey={(s) => s.id}
            columns={[
              {
                header: 'Story',
                rowHeader: true,
                cell: (s) => (
                  <>
                    <Link href={storyHref(s.id)} className="text-brand hover:underline">
                      {s.title}
                    </Link>{' '}
                    <span className="text-muted">· {s.sectionName}</span>
                  </>
                ),
              },
              { header: 'Reads', numeric: true, cell: (s) => formatCount(s.reads) },
              { header: 'Mood votes', numeric: true, cell: (s) => formatCount(s.votes) },
              { header: 'Per 100 reads', numeric: true, cell: (s) => formatRate(s) },
            ]}
          />
        ) : null}
      </ReportSection>
    </section>
  );
}

/** One story's part: its reads, votes and rate in the period. */
export async function StoryReads({ id, scope }: { id: number; scope: Pick<ReadsScope, 'from' | 'to'> }) {
  const rate = await getStoryReadRate(id, scope);
  return (
    <section aria-labelledby="story-reads-title" data-reads-report>
      <h2 id="story-reads-title" className="mb-2 text-lg font-bold">
        Reads in this period
      </h2>
      <p className="mb-3 text-sm text-muted">{RATE_NOTE}</p>
      <ReadCards rate={rate} stat="story" />
    </section>
  );
}
