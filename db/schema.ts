// The one import point for query code: the running engine's tables, and the row types.
// db/schema/sqlite.ts and db/schema/pg.ts define the same tables for each engine; this file exports the
// ones DATABASE_URL selects, typed as the SQLite ones (one canonical dialect for query code to be
// written against). That cast is the seam's only lie, and two tests keep it honest: the migrated
// databases are compared column by column (tests/int/schema-drift.test.ts), and the integration
// tests run on both engines. Why: docs/decisions/023-postgresql-beside-sqlite.md.
import { engineKind } from './engine/config';
import * as pg from './schema/pg';
import * as sqlite from './schema/sqlite';

export * from './schema/constants';

const tables = (engineKind() === 'postgres' ? pg : sqlite) as unknown as typeof sqlite;

export const sections = tables.sections;
export const authors = tables.authors;
export const users = tables.users;
export const media = tables.media;
export const mediaFiles = tables.mediaFiles;
export const articles = tables.articles;
export const redirects = tables.redirects;
export const tags = tables.tags;
export const articleTags = tables.articleTags;
export const relatedOverrides = tables.relatedOverrides;
export const votes = tables.votes;
export const voteTallies = tables.voteTallies;
export const voteHourly = tables.voteHourly;
export const shareClicks = tables.shareClicks;
export const articleReads = tables.articleReads;
export const demoActivity = tables.demoActivity;
export const rateLimits = tables.rateLimits;
export const loginThrottle = tables.loginThrottle;
export const auditLog = tables.auditLog;
export const storyRevisions = tables.storyRevisions;
export const articleMedia = tables.articleMedia;
export const pages = tables.pages;
export const partners = tables.partners;
export const promos = tables.promos;
export const settings = tables.settings;
export const contactMessages = tables.contactMessages;
export const webhooks = tables.webhooks;
export const webhookDeliveries = tables.webhookDeliveries;
export const passwordLinks = tables.passwordLinks;
export const frontPagePins = tables.frontPagePins;
export const articleCorrections = tables.articleCorrections;
export const importSources = tables.importSources;
export const sectionsRelations = tables.sectionsRelations;
export const articlesRelations = tables.articlesRelations;
export const articleTagsRelations = tables.articleTagsRelations;

export type Section = typeof sqlite.sections.$inferSelect;
export type Author = typeof sqlite.authors.$inferSelect;
export type User = typeof sqlite.users.$inferSelect;
export type Media = typeof sqlite.media.$inferSelect;
export type Article = typeof sqlite.articles.$inferSelect;
export type NewArticle = typeof sqlite.articles.$inferInsert;
export type Tag = typeof sqlite.tags.$inferSelect;
export type Vote = typeof sqlite.votes.$inferSelect;
export type Page = typeof sqlite.pages.$inferSelect;
export type Partner = typeof sqlite.partners.$inferSelect;
export type Promo = typeof sqlite.promos.$inferSelect;
export type AuditEntry = typeof sqlite.auditLog.$inferSelect;
export type ContactMessage = typeof sqlite.contactMessages.$inferSelect;
export type Webhook = typeof sqlite.webhooks.$inferSelect;
export type WebhookDelivery = typeof sqlite.webhookDeliveries.$inferSelect;
