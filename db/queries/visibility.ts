import { and, inArray, lte, type Placeholder, type SQL } from 'drizzle-orm';
import { articles } from '@/db/schema';

/**
 * A story readers may see: published, or scheduled with its time come. Scheduled stories need no job
 * to flip them: they become visible by this predicate alone. `now` may be a placeholder in a
 * prepared statement.
 */
export function isPublic(now: number | Placeholder = Date.now()): SQL {
  return and(inArray(articles.status, ['published', 'scheduled']), lte(articles.publishedAt, now)) as SQL;
}
