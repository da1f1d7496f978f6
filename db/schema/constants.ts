// Domain values both engines' schemas constrain with the same CHECKs. Import them from '@/db/schema'.
export const MOODS = ['touched', 'sympathetic', 'bored', 'angry', 'amused', 'sad', 'happy', 'no_comment'] as const;
export type Mood = (typeof MOODS)[number];

export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * Statuses readers may see (a scheduled story once its time has come), as an SQL list. Written
 * literally, never bound, wherever it filters articles: SQLite only uses the partial index
 * articles_public_published_idx when the query's condition matches the index's own, word for word.
 */
export const PUBLIC_STATUS_SQL = "('published', 'scheduled')";

export const ROLES = ['writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const moodList = MOODS.map((m) => `'${m}'`).join(', ');
export const statusList = ARTICLE_STATUSES.map((s) => `'${s}'`).join(', ');
export const roleList = ROLES.map((r) => `'${r}'`).join(', ');
