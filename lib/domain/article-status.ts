// Where a story is on its way to readers. The articles table CHECKs the list; lib/admin/story-rules.ts
// says who may move a story between them.
export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
