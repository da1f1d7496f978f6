import { listMostRead } from '@/db/queries/reads';
import { articlePath } from '@/lib/domain/routes';

const numbers = new Intl.NumberFormat('en-GB');

/**
 * "Most read": the stories read most in the last 24 hours (counted hours), from the read counts of
 * decision 042. Part of the home page, cached with it (a minute).
 */
export async function MostRead({ limit = 5 }: { limit?: number }) {
  const stories = await listMostRead({ hours: 24, limit });
  return (
    <section aria-labelledby="most-read" className="mt-8 border-b border-rule pb-8">
      <h2 id="most-read" className="border-b-2 border-ink pb-1 text-lg font-bold tracking-wide uppercase">
        Most read <span className="text-sm font-normal tracking-normal text-muted normal-case">(last 24 hours)</span>
      </h2>
      {stories.length === 0 ? (
        <p className="mt-4 text-sm text-muted">No reads counted in the last 24 hours yet.</p>
      ) : (
        <ol className="mt-4 grid gap-x-8 gap-y-3 md:grid-cols-2" data-most-read>
          {stories.map((s, i) => (
            <li key={s.id} className="flex gap-3">
              <span aria-hidden="true" className="font-serif text-2xl leading-none font-bold text-brand">
                {i + 1}
              </span>
              <div>
                <p className="font-serif leading-snug font-bold">
                  <a href={articlePath(s.slug)} className="hover:text-brand hover:underline">
                    {s.title}
                  </a>
                </p>
                <p className="text-xs text-muted">
                  {s.sectionName} · {numbers.format(s.reads)} {s.reads === 1 ? 'read' : 'reads'}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
