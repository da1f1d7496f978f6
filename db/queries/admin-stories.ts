import 'server-only';
import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { db, lockRows, type AppDb } from '@/db/engine';
import { staffTransaction } from './staff-guard';
import {
  articles,
  articleTags,
  authors,
  media,
  relatedOverrides,
  sections,
  PUBLIC_STATUS_SQL,
  tags,
  users,
  type ArticleStatus,
} from '@/db/schema';
import { articlePath } from '@/lib/domain/routes';
import { slugify } from '@/lib/domain/slug';
import { heroColumns } from './articles';
import { recordAudit } from './audit';
import { dropUnusedMedia } from './media';
import { isPublic } from './visibility';
import { clearRedirectsFrom, moveRedirects } from './redirects';
import { claimRevisionIn, RevisionConflict, type ClaimOptions, type RevisionText } from './revisions';
import { enqueueStoryEventsIn } from './webhooks';
import { storyEvent } from '@/lib/domain/webhook-events';

export type StoryFilter = {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  q?: string;
  createdBy?: number;
};

function where(f: StoryFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.status) parts.push(eq(articles.status, f.status));
  if (f.sectionId) parts.push(eq(articles.sectionId, f.sectionId));
  if (f.authorId) parts.push(eq(articles.authorId, f.authorId));
  if (f.createdBy) parts.push(eq(articles.createdBy, f.createdBy));
  // An escape character: searching for "100%" finds "100%", not everything.
  if (f.q) parts.push(sql`${articles.title} like ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  return parts.length ? and(...parts) : undefined;
}

export async function listStoriesForAdmin(filter: StoryFilter, { limit, offset }: { limit: number; offset: number }) {
  return db()
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      byline: articles.byline,
      sectionName: sections.name,
      createdBy: articles.createdBy,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where(filter))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
}

export async function countStoriesForAdmin(filter: StoryFilter): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)` })
    .from(articles)
    .where(where(filter));
  return row?.n ?? 0;
}

export async function countStoriesByStatus(createdBy?: number): Promise<Record<ArticleStatus, number>> {
  const rows = await db()
    .select({ status: articles.status, n: sql<number>`count(*)` })
    .from(articles)
    .where(createdBy ? eq(articles.createdBy, createdBy) : undefined)
    .groupBy(articles.status);
  const out = { draft: 0, review: 0, scheduled: 0, published: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export async function listAuthors() {
  return db().select({ id: authors.id, name: authors.name }).from(authors).orderBy(asc(authors.name));
}

/** Who may touch a story: the rows permission checks need, nothing more. */
export async function getStoryAccess(id: number) {
  const [row] = await db()
    .select({
      id: articles.id,
      createdBy: articles.createdBy,
      status: articles.status,
      slug: articles.slug,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .where(eq(articles.id, id))
    .limit(1);
  return row;
}

export async function getStoryForEdit(id: number) {
  const [row] = await db()
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      sectionId: articles.sectionId,
      authorId: articles.authorId,
      byline: articles.byline,
      dateline: articles.dateline,
      body: articles.body,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      createdBy: articles.createdBy,
      createdByName: users.name,
      heroId: media.id,
      ...heroColumns,
    })
    .from(articles)
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .leftJoin(users, eq(users.id, articles.createdBy))
    .where(eq(articles.id, id))
    .limit(1);
  if (!row) return undefined;
  const tagNames = await db()
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .orderBy(asc(tags.name));
  const related = await db()
    .select({ slug: articles.slug })
    .from(relatedOverrides)
    .innerJoin(articles, eq(articles.id, relatedOverrides.relatedId))
    .where(eq(relatedOverrides.articleId, id))
    .orderBy(asc(relatedOverrides.position));
  return { ...row, tags: tagNames.map((t) => t.name), related: related.map((r) => r.slug) };
}

/** Who is asking, for answers that must not reveal stories they may not see. */
export type StoryViewer = { id: number; seesAll: boolean };

/** The stories a viewer may know exist: every story for editors; public ones and their own for writers. */
function visibleTo(viewer: StoryViewer, now: number): SQL | undefined {
  return viewer.seesAll ? undefined : or(isPublic(now), eq(articles.createdBy, viewer.id));
}

/**
 * Whether another story holds this address for the viewer saving one: a story that claims it
 * (published or scheduled) or another of the viewer's own, and only one the viewer may see. So a
 * writer is never told that another writer's unpublished story exists: the answer for its slug is
 * the answer for a slug nobody uses.
 */
export async function slugTaken(
  slug: string,
  exceptId: number | undefined,
  viewer: StoryViewer,
  now = Date.now(),
): Promise<boolean> {
  const [row] = await db()
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(
        eq(articles.slug, slug),
        exceptId === undefined ? undefined : ne(articles.id, exceptId),
        or(sql`${articles.status} in ${sql.raw(PUBLIC_STATUS_SQL)}`, eq(articles.createdBy, viewer.id)),
        visibleTo(viewer, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The database refused a story's address because a published or scheduled story claimed it meanwhile. */
export function isSlugClaimed(error: unknown): boolean {
  // drizzle may wrap the driver's error (DrizzleQueryError): look at its cause too.
  for (let e = error; e instanceof Error; e = e.cause) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && e.message.includes('articles.slug')) return true;
    if (code === '23505' && constraint === 'articles_slug_unique') return true;
  }
  return false;
}

/**
 * Ids of the stories the viewer may see, by slug; the slugs that match none are returned separately
 * (a story the viewer may not see is "missing", like one that does not exist). Where two unpublished
 * stories share a slug, the one that claims it, then the oldest, is taken.
 */
export async function resolveStorySlugs(
  slugs: string[],
  viewer: StoryViewer,
  now = Date.now(),
): Promise<{ ids: Map<string, number>; missing: string[] }> {
  if (slugs.length === 0) return { ids: new Map(), missing: [] };
  const rows = await db()
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(and(inArray(articles.slug, slugs), visibleTo(viewer, now)))
    .orderBy(desc(sql`${articles.status} in ${sql.raw(PUBLIC_STATUS_SQL)}`), asc(articles.id));
  const ids = new Map<string, number>();
  for (const r of rows) if (!ids.has(r.slug)) ids.set(r.slug, r.id);
  return { ids, missing: slugs.filter((s) => !ids.has(s)) };
}

export type StoryWrite = {
  title: string;
  slug: string;
  standfirst: string;
  sectionId: number;
  authorId: number | null;
  byline: string;
  dateline: string;
  /** Markdown source, and the sanitised HTML and word count rendered from it (lib/markdown.ts renderedBody) */
  body: string;
  bodyHtml: string;
  wordCount: number;
  tags: string[];
  relatedIds: number[];
  status: ArticleStatus;
  publishedAt: number | null;
};

/** The audit log's name for moving a story into each status. */
const STATUS_CHANGE_ACTIONS: Record<ArticleStatus, string> = {
  published: 'publish',
  scheduled: 'schedule',
  review: 'submit',
  draft: 'to-draft',
};

export type StoryRow = typeof articles.$inferSelect;

/** A save refused inside its transaction, by the form field to show the message next to; nothing was written. */
export class StoryRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoryRefused';
  }
}

/**
 * The rules that depend on the story as it is now (who may edit it, which status and time it may
 * take), applied to the locked row inside the save's transaction: the status and publish time to
 * write, or a refusal.
 */
export type StoryDecision = (
  before: StoryRow | undefined,
) =>
  | { ok: true; value: { status: ArticleStatus; publishedAt: number | null } }
  | { ok: false; field: string; message: string };

export type StorySaved = {
  id: number;
  slug: string;
  status: ArticleStatus;
  oldSlug?: string;
  sectionIds: number[];
  /** webhook deliveries queued by this save */
  webhooks: number;
};

/** The revision a save records, in its own transaction (decision 039): its text and what it was based on. */
export type StoryRevisionClaim = ClaimOptions & { text: RevisionText };

/**
 * The story's row, locked until the transaction ends (PostgreSQL; SQLite writes one at a time): two
 * status changes of one story at once are applied one after the other, each seeing the other's result.
 */
export async function lockedStory(tx: AppDb, id: number) {
  await lockRows(tx, articles, eq(articles.id, id));
  const [row] = await tx.select().from(articles).where(eq(articles.id, id)).limit(1);
  return row;
}

function isPublicRow(status: string, publishedAt: number | null, now: number) {
  return (status === 'published' || status === 'scheduled') && publishedAt !== null && publishedAt <= now;
}

/**
 * Creates or updates a story in one transaction: the row, tags, related picks, the redirect from a
 * published story's old address, its revision (when `revision` is given; a save based on an older
 * revision than the newest throws RevisionConflict), its webhook deliveries and the audit entry.
 * `decide`, when given, sees the locked row and settles the status and publish time (or refuses with
 * StoryRefused) before anything is written; the section and the author must exist.
 */
export async function saveStory(
  actorId: number,
  id: number | undefined,
  write: StoryWrite,
  now = Date.now(),
  decide?: StoryDecision,
  revision?: StoryRevisionClaim,
): Promise<StorySaved> {
  return staffTransaction(async (tx) => {
    const before = id === undefined ? undefined : await lockedStory(tx, id);
    if (id !== undefined && !before) throw new StoryRefused('id', 'This story no longer exists.');
    const decided = decide?.(before);
    if (decided && !decided.ok) throw new StoryRefused(decided.field, decided.message);
    // The revision is claimed on the story as it was, before the row changes (its first tracked save
    // keeps the text it had).
    const claim =
      before && revision ? await claimRevisionIn(tx, before.id, actorId, revision.text, revision, now) : undefined;
    if (claim && !claim.ok) throw new RevisionConflict(claim.conflict);
    const input = decided ? { ...write, ...decided.value } : write;
    const [section] = await tx
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.id, input.sectionId))
      .limit(1);
    if (!section) throw new StoryRefused('sectionId', 'Choose a section.');
    if (input.authorId !== null) {
      const [author] = await tx.select({ id: authors.id }).from(authors).where(eq(authors.id, input.authorId)).limit(1);
      if (!author) throw new StoryRefused('authorId', 'Choose an author from the list.');
    }
    const wasPublic = before ? isPublicRow(before.status, before.publishedAt, now) : false;
    const willBePublic = isPublicRow(input.status, input.publishedAt, now);
    const values = {
      title: input.title,
      slug: input.slug,
      standfirst: input.standfirst,
      sectionId: input.sectionId,
      authorId: input.authorId,
      byline: input.byline,
      dateline: input.dateline,
      body: input.body,
      bodyHtml: input.bodyHtml,
      wordCount: input.wordCount,
      status: input.status,
      publishedAt: input.publishedAt,
      updatedAt: now,
      // Readers see "Updated" only when a story they could already read changes.
      ...(wasPublic && willBePublic ? { revisedAt: now } : {}),
      ...(!willBePublic && input.status !== 'scheduled' ? { revisedAt: null } : {}),
    };
    let storyId: number;
    if (before) {
      await tx.update(articles).set(values).where(eq(articles.id, before.id));
      storyId = before.id;
    } else {
      const [row] = await tx
        .insert(articles)
        .values({ ...values, createdAt: now, createdBy: actorId })
        .returning({ id: articles.id });
      storyId = row!.id;
    }

    // Tags: find or create by slug (two stories naming a new tag at once both get the one row), then
    // replace the story's set.
    await tx.delete(articleTags).where(eq(articleTags.articleId, storyId));
    for (const name of input.tags) {
      const slug = slugify(name);
      await tx.insert(tags).values({ slug, name }).onConflictDoNothing({ target: tags.slug });
      const [tag] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).limit(1);
      await tx.insert(articleTags).values({ articleId: storyId, tagId: tag!.id }).onConflictDoNothing();
    }
    await tx.delete(relatedOverrides).where(eq(relatedOverrides.articleId, storyId));
    for (const [position, relatedId] of input.relatedIds.filter((r) => r !== storyId).entries())
      await tx.insert(relatedOverrides).values({ articleId: storyId, relatedId, position });

    // A story whose address readers may have (published at some point) keeps it working as a 301.
    const oldSlug = before && before.slug !== input.slug ? before.slug : undefined;
    if (
      oldSlug &&
      before &&
      before.publishedAt !== null &&
      (wasPublic || before.status === 'published' || before.status === 'scheduled')
    ) {
      await moveRedirects(tx, articlePath(oldSlug), articlePath(input.slug), now);
    } else if (input.status === 'published' || input.status === 'scheduled') {
      // The address is this story's now: an old story's redirect from it gives way. A draft claims
      // no address, so a redirect readers rely on keeps working until it is published.
      await clearRedirectsFrom(tx, [articlePath(input.slug)]);
    }

    const changed = before
      ? (Object.keys(values) as (keyof typeof values)[]).filter(
          (k) => !['updatedAt', 'bodyHtml', 'wordCount', 'revisedAt'].includes(k) && before[k] !== values[k],
        )
      : undefined;
    await recordAudit(
      tx,
      {
        actorId,
        action: before
          ? before.status !== input.status
            ? `story.${STATUS_CHANGE_ACTIONS[input.status]}`
            : 'story.update'
          : 'story.create',
        objectType: 'story',
        objectId: storyId,
        detail: {
          title: input.title,
          slug: input.slug,
          status: input.status,
          ...(oldSlug ? { oldSlug } : {}),
          ...(changed ? { changed } : {}),
        },
      },
      now,
    );
    // A new story's first revision, once it has an id.
    if (revision && !before) await claimRevisionIn(tx, storyId, actorId, revision.text, revision, now);
    const webhooks = await enqueueStoryEventsIn(
      tx,
      [
        {
          event: storyEvent(before, { status: input.status, publishedAt: input.publishedAt }, now),
          articleId: storyId,
        },
      ],
      now,
    );
    const sectionIds = [...new Set([input.sectionId, ...(before ? [before.sectionId] : [])])];
    return {
      id: storyId,
      slug: input.slug,
      status: input.status,
      oldSlug,
      sectionIds,
      webhooks,
    };
  });
}

/** Back to draft: readers get a 404 from now on. */
export async function unpublishStory(
  actorId: number,
  id: number,
  now = Date.now(),
): Promise<{ slug: string; sectionId: number; webhooks: number } | undefined> {
  return staffTransaction(async (tx) => {
    const before = await lockedStory(tx, id);
    if (!before) return undefined;
    const event = storyEvent(before, { status: 'draft', publishedAt: null }, now);
    await tx
      .update(articles)
      .set({ status: 'draft', publishedAt: null, revisedAt: null, updatedAt: now })
      .where(eq(articles.id, id));
    await recordAudit(
      tx,
      {
        actorId,
        action: 'story.unpublish',
        objectType: 'story',
        objectId: id,
        detail: { slug: before.slug, from: before.status },
      },
      now,
    );
    const webhooks = await enqueueStoryEventsIn(tx, [{ event, articleId: id }], now);
    return { slug: before.slug, sectionId: before.sectionId, webhooks };
  });
}

export async function setStoryHero(
  actorId: number,
  id: number,
  mediaId: number | null,
  detail: Record<string, unknown>,
  now = Date.now(),
  mayEdit: (story: StoryRow) => boolean = () => true,
): Promise<{ slug: string; sectionId: number; replacedPath?: string } | 'refused' | undefined> {
  return staffTransaction(async (tx) => {
    const found = await lockedStory(tx, id);
    if (!found) return undefined;
    if (!mayEdit(found)) return 'refused' as const;
    const { heroMediaId: previous, slug, sectionId } = found;
    await tx.update(articles).set({ heroMediaId: mediaId, updatedAt: now }).where(eq(articles.id, id));
    // The photo taken off the story goes, unless another story shows it; the caller removes its files.
    const replacedPath = previous === mediaId ? undefined : await dropUnusedMedia(tx, previous);
    await recordAudit(
      tx,
      {
        actorId,
        action: mediaId === null ? 'story.remove-hero' : 'story.set-hero',
        objectType: 'story',
        objectId: id,
        detail: { mediaId, ...detail },
      },
      now,
    );
    return { slug, sectionId, ...(replacedPath ? { replacedPath } : {}) };
  });
}

export const storyIsPublic = (s: { status: string; publishedAt: number | null }, now = Date.now()) =>
  isPublicRow(s.status, s.publishedAt, now);

/** Slugs of other stories the viewer may see, for the related-stories picker's suggestions. */
export async function listStorySlugs(viewer: StoryViewer, exceptId?: number, limit = 300, now = Date.now()) {
  return db()
    .select({ slug: articles.slug, title: articles.title })
    .from(articles)
    .where(and(exceptId ? ne(articles.id, exceptId) : undefined, visibleTo(viewer, now)))
    .orderBy(desc(articles.updatedAt))
    .limit(limit);
}
