// The demo content the e2e database was seeded with, for tests that need real slugs.
import { articlesA } from '../../db/seed/content/articles-a';
import { articlesB } from '../../db/seed/content/articles-b';

export const demoArticles = [...articlesA, ...articlesB];
export const publishedDemo = demoArticles.filter((a) => a.status === 'published');
export const draftDemo = demoArticles.find((a) => a.status === 'draft')!;
export const scheduledDemo = demoArticles.find((a) => a.status === 'scheduled')!;
export const WECHAT_SLUG = 'wechat-outage-leaves-millions-cut-off';
