// Every table and relation of Moodwire on SQLite. db/schema/pg.ts has the same tables for PostgreSQL
// (tests/int/schema-drift.test.ts keeps them equal); query code imports neither, only '@/db/schema'.
// Times are stored as integer milliseconds since the epoch (UTC).
import { relations, sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

import {
  ARTICLE_STATUSES,
  CORRECTION_KINDS,
  correctionKindList,
  PASSWORD_LINK_PURPOSES,
  passwordLinkPurposeList,
  moodList,
  MOODS,
  PUBLIC_STATUS_SQL,
  REVISION_KINDS,
  revisionKindList,
  roleList,
  ROLES,
  statusList,
} from './constants';

const createdAt = () => integer('created_at').notNull();
const updatedAt = () => integer('updated_at').notNull();

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    parentId: integer('parent_id').references((): AnySQLiteColumn => sections.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sections_slug_unique').on(t.slug), index('sections_parent_idx').on(t.parentId, t.position)],
);

export const authors = sqliteTable(
  'authors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    bio: text('bio').notNull().default(''),
    photoPath: text('photo_path'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('authors_slug_unique').on(t.slug)],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** sessions issued before this time (ms) are refused: sign-out everywhere, disable, role change, reset */
    sessionsValidAfter: integer('sessions_valid_after').notNull().default(0),
    authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_role_check', sql.raw(`role IN (${roleList})`))],
);

export const media = sqliteTable('media', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** public path of the original or largest rendition, e.g. /images/stories/x.svg or /uploads/ab12/1600.webp */
  path: text('path').notNull(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  alt: text('alt').notNull(),
  caption: text('caption').notNull().default(''),
  credit: text('credit').notNull().default(''),
  /** JSON array of { width, path } renditions, smallest first; empty for vector images */
  variants: text('variants').notNull().default('[]'),
  uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/**
 * The renditions of uploaded photos (/media/<key>/<file>) where every server can read them: filled on
 * PostgreSQL only; on SQLite they are files in the media folder beside the database (decision 055).
 */
export const mediaFiles = sqliteTable(
  'media_files',
  {
    mediaKey: text('media_key').notNull(),
    file: text('file').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.mediaKey, t.file] })],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
    /** shown as the byline; usually the author's name, may name several people */
    byline: text('byline').notNull().default(''),
    dateline: text('dateline').notNull().default(''),
    /** Markdown source */
    body: text('body').notNull().default(''),
    /** sanitised HTML rendered from body at save time */
    bodyHtml: text('body_html').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    heroMediaId: integer('hero_media_id').references(() => media.id, { onDelete: 'set null' }),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    /** for published and scheduled stories: when readers may see it */
    publishedAt: integer('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** shown to readers as "Updated"; only set when a published story is revised */
    revisedAt: integer('revised_at'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    votingPaused: integer('voting_paused', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // A story claims its address when it is published or scheduled: two unpublished stories may share
    // one (a writer must not learn from a refused slug that someone else's draft exists; the editor who
    // publishes is told instead). Decision 022.
    uniqueIndex('articles_slug_unique')
      .on(t.slug)
      .where(sql.raw(`status in ${PUBLIC_STATUS_SQL}`)),
    index('articles_slug_idx').on(t.slug),
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    // Newest public stories first, read in index order and stopped after the first few (home, feeds).
    index('articles_public_published_idx')
      .on(t.publishedAt, t.id)
      .where(sql.raw(`status in ${PUBLIC_STATUS_SQL}`)),
    // What ranking a story needs, found by id without reading its row (related stories).
    index('articles_rank_idx').on(t.id, t.sectionId, t.status, t.publishedAt),
    index('articles_section_published_idx').on(t.sectionId, t.status, t.publishedAt),
    index('articles_author_published_idx').on(t.authorId, t.status, t.publishedAt),
    index('articles_created_by_idx').on(t.createdBy),
    // Search joins its matches to articles by id only to check visibility, section and date: this index
    // answers that without reading the row, whose body and HTML would otherwise be read for each match.
    index('articles_search_filter_idx').on(t.id, t.status, t.publishedAt, t.sectionId),
    check('articles_status_check', sql.raw(`status IN (${statusList})`)),
  ],
);

/** Old public paths that answer 301 to their new place (renamed article or section slugs). */
export const redirects = sqliteTable('redirects', {
  fromPath: text('from_path').primaryKey(),
  toPath: text('to_path').notNull(),
  createdAt: createdAt(),
});

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('tags_slug_unique').on(t.slug)],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
);

/** Editor-chosen related stories, shown before the automatic ones. */
export const relatedOverrides = sqliteTable(
  'related_overrides',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    relatedId: integer('related_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.relatedId] }),
    check('related_not_self', sql`article_id <> related_id`),
  ],
);

/** One row per reader per article. A voided vote (moderation) stays for the audit but counts nowhere. */
export const votes = sqliteTable(
  'votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    readerId: text('reader_id').notNull(),
    mood: text('mood', { enum: MOODS }).notNull(),
    /** HMAC of the client IP under the day's key (derived from AUTH_SECRET, never stored); blanked after 48 h */
    ipHash: text('ip_hash').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    voidedAt: integer('voided_at'),
  },
  (t) => [
    uniqueIndex('votes_article_reader_unique').on(t.articleId, t.readerId),
    index('votes_article_created_idx').on(t.articleId, t.createdAt),
    index('votes_created_idx').on(t.createdAt),
    check('votes_mood_check', sql.raw(`mood IN (${moodList})`)),
  ],
);

/** Live counts per article and mood, kept equal to COUNT(*) of non-voided votes in the vote transaction. */
export const voteTallies = sqliteTable(
  'vote_tallies',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    mood: text('mood', { enum: MOODS }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.mood] }),
    check('vote_tallies_mood_check', sql.raw(`mood IN (${moodList})`)),
    check('vote_tallies_nonnegative', sql`count >= 0`),
  ],
);

/**
 * Counts of current (non-voided) votes by the hour they were first cast, per article and mood:
 * the rollup behind rankings and insights, kept exact in the vote transaction.
 */
export const voteHourly = sqliteTable(
  'vote_hourly',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** start of the hour, ms */
    hour: integer('hour').notNull(),
    mood: text('mood', { enum: MOODS }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.hour, t.mood] }),
    // Covering (count included): mood rankings and the insights dashboard sum a range of hours from
    // the index alone, without a row lookup per hour (decisions 011 and 015).
    index('vote_hourly_hour_idx').on(t.hour, t.mood, t.articleId, t.count),
    check('vote_hourly_nonnegative', sql`count >= 0`),
  ],
);

export const shareClicks = sqliteTable(
  'share_clicks',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    network: text('network').notNull(),
    /** UTC day, YYYY-MM-DD */
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.network, t.day] }), index('share_clicks_day_idx').on(t.day, t.network)],
);

/**
 * Story reads per hour (docs/decisions/042-read-counts.md). Counted in memory by each server and added
 * here in batches every few seconds (lib/reads/counter.ts): never a write per read.
 */
export const articleReads = sqliteTable(
  'article_reads',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** start of the hour, ms */
    hour: integer('hour').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.hour] }),
    // Covering: "most read" and insights sum a range of hours from the index alone.
    index('article_reads_hour_idx').on(t.hour, t.articleId, t.count),
    check('article_reads_nonnegative', sql`count >= 0`),
  ],
);

/**
 * What the demo activity added to the counters (reads per hour, shares per network and day), so that
 * removing the demo takes away exactly that (decision 044). Demo votes are the rows whose reader id
 * starts with `demo:`, which no reader cookie can carry.
 */
export const demoActivity = sqliteTable(
  'demo_activity',
  {
    kind: text('kind', { enum: ['read', 'share'] }).notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** reads: the hour (ms, as text); shares: `network/YYYY-MM-DD` */
    bucket: text('bucket').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.articleId, t.bucket] })],
);

/** Fixed-window counters for rate limits (votes, contact form); keys hold hashes, never raw IPs. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull().default(0),
});

/**
 * Failed password checks per account and per client hash (sign-in and the current-password check).
 * An attempt is reserved (`pending`) in the same statement that checks the lock, before any hash runs,
 * and settled as a failure or a success afterwards (decision 012).
 */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  /** attempts reserved in this window whose password check has not finished yet */
  pending: integer('pending').notNull().default(0),
  firstFailureAt: integer('first_failure_at').notNull(),
  lockedUntil: integer('locked_until').notNull().default(0),
  lockLevel: integer('lock_level').notNull().default(0),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull().default(''),
    /** JSON with what changed */
    detail: text('detail').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt), index('audit_log_user_idx').on(t.userId, t.createdAt)],
);

/**
 * The story text as each save left it (kind 'save', or 'restore' when an editor put an older revision
 * back), and each editor's latest autosave of a story (kind 'autosave', one per editor and story,
 * replaced by the next; it never changes the story itself). Decision 039.
 */
export const storyRevisions = sqliteTable(
  'story_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REVISION_KINDS }).notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** for kind 'restore': the revision that was put back */
    restoredFrom: integer('restored_from'),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    byline: text('byline').notNull().default(''),
    dateline: text('dateline').notNull().default(''),
    body: text('body').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('story_revisions_article_idx').on(t.articleId, t.id),
    index('story_revisions_autosave_idx').on(t.articleId, t.kind, t.userId),
    check('story_revisions_kind_check', sql.raw(`kind IN (${revisionKindList})`)),
  ],
);

/** Which uploaded photos a story's body shows ({{photo N}} and {{gallery …}} blocks), kept by every save. */
export const articleMedia = sqliteTable(
  'article_media',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    mediaId: integer('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.mediaId] }), index('article_media_media_idx').on(t.mediaId)],
);

export const pages = sqliteTable('pages', {
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  bodyHtml: text('body_html').notNull().default(''),
  updatedAt: updatedAt(),
});

export const partners = sqliteTable('partners', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  url: text('url').notNull(),
  position: integer('position').notNull().default(0),
});

export const promos = sqliteTable('promos', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  linkLabel: text('link_label').notNull().default(''),
  linkUrl: text('link_url').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  position: integer('position').notNull().default(0),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const contactMessages = sqliteTable(
  'contact_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    createdAt: createdAt(),
    readAt: integer('read_at'),
  },
  (t) => [index('contact_messages_created_idx').on(t.createdAt)],
);

/** Addresses an editor registered to be told when a story is published, updated or unpublished (decision 045). */
export const webhooks = sqliteTable('webhooks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  /** the HMAC-SHA256 key of this webhook's signatures; shown to staff, sent never */
  secret: text('secret').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One event for one webhook: its body, its attempts so far and the last result (the delivery log). */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    /** the story's number; no foreign key: the log outlives a deleted story */
    articleId: integer('article_id').notNull(),
    /** the exact JSON body sent on every attempt */
    payload: text('payload').notNull(),
    /** pending (waiting for an attempt), delivered, failed (no attempts left) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** a server that took this delivery for an attempt holds it until then */
    lockedUntil: integer('locked_until').notNull().default(0),
    responseStatus: integer('response_status'),
    error: text('error').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id),
    check('webhook_deliveries_status_check', sql.raw(`status IN ('pending', 'delivered', 'failed')`)),
  ],
);

/**
 * Stories an editor placed at the top of the home page (section_id null) or of a section's page, in
 * their order (position); the home page's first is its lead. A pin past its expires_at counts nowhere.
 */
export const frontPagePins = sqliteTable(
  'front_page_pins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    expiresAt: integer('expires_at'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('front_page_pins_place_idx').on(t.sectionId, t.position),
    index('front_page_pins_article_idx').on(t.articleId),
  ],
);

/** Dated correction and update notes appended to a published story, shown under its headline. */
export const articleCorrections = sqliteTable(
  'article_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CORRECTION_KINDS }).notNull(),
    note: text('note').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('article_corrections_article_idx').on(t.articleId, t.createdAt),
    check('article_corrections_kind_check', sql.raw(`kind IN (${correctionKindList})`)),
  ],
);

/**
 * What an import from another system brought in (npm run import, decision 060): one row per source
 * record (a WordPress or Ghost post, category, tag, author or featured image) and the row of ours it
 * became, so that running the import again updates instead of duplicating. `checksum` is a hash of the
 * source record as last imported ("unchanged" when equal); `target_updated_at` is our row's updated_at
 * right after that import: a later value means staff edited it here, and the import leaves it alone.
 */
export const importSources = sqliteTable(
  'import_sources',
  {
    /** 'wordpress' or 'ghost' */
    system: text('system').notNull(),
    /** the exported site's address (WordPress) or id, so two sites' post 12 stay apart; may be empty */
    site: text('site').notNull().default(''),
    /** 'story', 'section', 'tag', 'author' or 'media' */
    kind: text('kind').notNull(),
    sourceId: text('source_id').notNull(),
    targetId: integer('target_id').notNull(),
    checksum: text('checksum').notNull(),
    targetUpdatedAt: integer('target_updated_at'),
    importedAt: integer('imported_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.system, t.site, t.kind, t.sourceId] }),
    index('import_sources_target_idx').on(t.kind, t.targetId),
  ],
);

/**
 * The one live password link of an account (issue 20 §2, decision 059): a reset asked for on the sign-in
 * page, or an invitation sent by an administrator. One row per user, replaced by a newer link (which
 * voids the older one), so anonymous requests cannot grow the table beyond the number of accounts. Only
 * the SHA-256 of the token is stored: the link itself exists only in the email.
 */
export const passwordLinks = sqliteTable(
  'password_links',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: PASSWORD_LINK_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    /** the administrator who sent an invitation; null for a reset asked for on the sign-in page */
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
    /** when the link set a password; a used link never works again */
    usedAt: integer('used_at'),
  },
  (t) => [
    uniqueIndex('password_links_token_unique').on(t.tokenHash),
    check('password_links_purpose_check', sql.raw(`purpose IN (${passwordLinkPurposeList})`)),
  ],
);

export const sectionsRelations = relations(sections, ({ one, many }) => ({
  parent: one(sections, { fields: [sections.parentId], references: [sections.id], relationName: 'tree' }),
  children: many(sections, { relationName: 'tree' }),
  articles: many(articles),
}));

export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  author: one(authors, { fields: [articles.authorId], references: [authors.id] }),
  hero: one(media, { fields: [articles.heroMediaId], references: [media.id] }),
  tags: many(articleTags),
}));

export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));
