// Which status and publish time a save may set, for whom. Pure, so the rules are tested directly.
import type { ArticleStatus } from '@/lib/domain/article-status';
import type { Role } from '@/lib/domain/roles';
import { can } from '@/lib/permissions';

export type Publication = { status: ArticleStatus; publishedAt: number | null };

export function allowedStatuses(role: Role): ArticleStatus[] {
  return can(role, 'story.publish') ? ['draft', 'review', 'scheduled', 'published'] : ['draft', 'review'];
}

/**
 * - draft / in review: no publish time.
 * - published: now, or the time given if it has passed; a story that is already public keeps its time.
 * - scheduled: a future time is required; readers see the story from then on, by the isPublic
 *   predicate alone (no job). A scheduled time that has come is kept as published.
 */
export function resolvePublication(
  role: Role,
  requested: { status: ArticleStatus; publishAtMs?: number },
  before: Publication | undefined,
  now = Date.now(),
): { ok: true; value: Publication } | { ok: false; field: 'status' | 'publishAt'; message: string } {
  const { status } = requested;
  // The editor shows the publish time to the minute: the same minute sent back is the stored time,
  // seconds included, so a save never moves a story's publish time by itself.
  const publishAtMs =
    before?.publishedAt != null &&
    requested.publishAtMs !== undefined &&
    Math.floor(before.publishedAt / 60_000) * 60_000 === requested.publishAtMs
      ? before.publishedAt
      : requested.publishAtMs;
  if (!allowedStatuses(role).includes(status))
    return {
      ok: false,
      field: 'status',
      message: 'Only editors can publish or schedule. Choose "In review" to send it to them.',
    };
  // A writer may not move a story an editor has published (they cannot open it, but be explicit).
  if (!can(role, 'story.publish') && before && (before.status === 'published' || before.status === 'scheduled')) {
    return { ok: false, field: 'status', message: 'Only editors can change a published or scheduled story.' };
  }
  if (status === 'draft' || status === 'review') return { ok: true, value: { status, publishedAt: null } };
  const alreadyPublic =
    before !== undefined &&
    (before.status === 'published' || before.status === 'scheduled') &&
    before.publishedAt !== null &&
    before.publishedAt <= now;
  if (status === 'published') {
    if (publishAtMs === undefined)
      return { ok: true, value: { status, publishedAt: alreadyPublic ? before.publishedAt : now } };
    if (publishAtMs > now + 60_000)
      return {
        ok: false,
        field: 'publishAt',
        message: 'That time is in the future: choose "Scheduled" to publish it then.',
      };
    return { ok: true, value: { status, publishedAt: Math.min(publishAtMs, now) } };
  }
  if (publishAtMs === undefined)
    return { ok: false, field: 'publishAt', message: 'Give the time the story should appear.' };
  if (publishAtMs <= now) {
    if (alreadyPublic && before.publishedAt !== null && Math.abs(before.publishedAt - publishAtMs) < 60_000)
      return { ok: true, value: { status: 'published', publishedAt: before.publishedAt } };
    return {
      ok: false,
      field: 'publishAt',
      message: 'That time has passed: choose "Published" to publish now, or a later time.',
    };
  }
  return { ok: true, value: { status: 'scheduled', publishedAt: publishAtMs } };
}
