import { and, inArray, lte, type SQL } from 'drizzle-orm';
import { articles } from '@/db/schema';

/**
 * A story readers may see: published, or scheduled with its time come. Scheduled stories need no job
 * to flip them: they become visible by this predicate alone.
 */
export function isPublic(now: number = Date.now()): SQL {
  return and(inArray(articles.status, ['published', 'scheduled']), lte(articles.publishedAt, now)) as SQL;
}
