// Domain values both engines' schemas constrain with the same CHECKs. The lists themselves live in
// lib/domain/ (the leaf every layer may import, decision 026); query code imports them from
// '@/db/schema' or from lib/domain/. Relative imports: drizzle-kit loads the schemas without the
// tsconfig paths.
import { ARTICLE_STATUSES } from '../../lib/domain/article-status';
import { CORRECTION_KINDS } from '../../lib/domain/corrections';
import { MOODS } from '../../lib/domain/moods';
import { ROLES } from '../../lib/domain/roles';

export { ARTICLE_STATUSES, CORRECTION_KINDS, MOODS, ROLES };
export type { ArticleStatus } from '../../lib/domain/article-status';
export type { Mood } from '../../lib/domain/moods';
export type { Role } from '../../lib/domain/roles';

/**
 * Statuses readers may see (a scheduled story once its time has come), as an SQL list. Written
 * literally, never bound, wherever it filters articles: SQLite only uses the partial index
 * articles_public_published_idx when the query's condition matches the index's own, word for word.
 */
export const PUBLIC_STATUS_SQL = "('published', 'scheduled')";

export const moodList = MOODS.map((m) => `'${m}'`).join(', ');
export const statusList = ARTICLE_STATUSES.map((s) => `'${s}'`).join(', ');
/** What made a story revision (db/schema storyRevisions). */
export const REVISION_KINDS = ['save', 'autosave', 'restore'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];
export const revisionKindList = REVISION_KINDS.map((k) => `'${k}'`).join(', ');
export const roleList = ROLES.map((r) => `'${r}'`).join(', ');
export const correctionKindList = CORRECTION_KINDS.map((k) => `'${k}'`).join(', ');
/** What a password link is for (db/schema passwordLinks): a reset asked for, or an invitation. */
export const PASSWORD_LINK_PURPOSES = ['reset', 'invite'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];
export const passwordLinkPurposeList = PASSWORD_LINK_PURPOSES.map((p) => `'${p}'`).join(', ');
