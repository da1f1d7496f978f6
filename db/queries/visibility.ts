import { and, lte, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { dialect } from '@/db/engine';
import { articles, PUBLIC_STATUS_SQL } from '@/db/schema';

/**
 * A story readers may see: published, or scheduled with its time come. Scheduled stories need no job
 * to flip them: they become visible by this predicate alone.
 *
 * `likely()` tells SQLite what it cannot know without statistics: nearly every story is public. Without
 * it, SQLite picks the status index and sorts every public story to return the newest five; with it,
 * it reads articles_public_published_idx newest first and stops (tests/int/query-plans.test.ts).
 * PostgreSQL keeps statistics and has no such hint: there the condition is written plainly.
 * `now` may be a placeholder in a prepared statement.
 */
export function isPublic(now: number | Placeholder = Date.now()): SQL {
  return and(
    dialect().likely(sql`${articles.status} in ${sql.raw(PUBLIC_STATUS_SQL)}`),
    lte(articles.publishedAt, now),
  ) as SQL;
}
