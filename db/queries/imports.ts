// The writes of `npm run import` (lib/import/run.ts, decisions 060 and 061): sections, tags, authors,
// featured photos and stories from a WordPress or Ghost export, each with its row in import_sources
// (which source record became which row of ours), and the old site's addresses as redirects. Running
// the import again finds every record there: unchanged ones are left alone, changed ones updated,
// and a row staff edited here since the last import is kept as staff left it.
import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { transaction, type AppDb } from '@/db/engine';
import {
  articles,
  articleTags,
  authors,
  importSources,
  media,
  redirects,
  sections,
  storyRevisions,
  tags,
} from '@/db/schema';
import { articlePath, sectionPath } from '@/lib/domain/routes';
import { freeSlug } from '@/lib/domain/slug';
import { wouldCycle } from './admin-sections';
import type { StoryWrite } from './admin-stories';
import { recordAudit } from './audit';
import { dropUnusedMedia, insertPhoto, type PhotoRow } from './media';
import { clearRedirectsFrom, moveRedirects } from './redirects';

export type ImportKind = 'story' | 'section' | 'tag' | 'author' | 'media';
export type SourceKey = { system: string; site: string; kind: ImportKind; sourceId: string };

/**
 * What became of one source record: created, matched (an existing row of ours with the same slug,
 * now linked to it), updated, unchanged, kept (changed at the source, but edited here since the last
 * import: left as staff left it) or gone (deleted here since the last import: not brought back).
 */
export type Outcome = 'created' | 'matched' | 'updated' | 'unchanged' | 'kept' | 'gone';
export type Imported = { outcome: Outcome; id: number | null };

type Mapped = { targetId: number; checksum: string; targetUpdatedAt: number | null };

const keyWhere = (key: SourceKey) =>
  and(
    eq(importSources.system, key.system),
    eq(importSources.site, key.site),
    eq(importSources.kind, key.kind),
    eq(importSources.sourceId, key.sourceId),
  );

export async function findMapped(tx: AppDb, key: SourceKey): Promise<Mapped | undefined> {
  const [row] = await tx
    .select({
      targetId: importSources.targetId,
      checksum: importSources.checksum,
      targetUpdatedAt: importSources.targetUpdatedAt,
    })
    .from(importSources)
    .where(keyWhere(key))
    .limit(1);
  return row;
}

async function recordMapped(
  tx: AppDb,
  key: SourceKey,
  targetId: number,
  checksum: string,
  targetUpdatedAt: number | null,
  now: number,
): Promise<void> {
  await tx
    .insert(importSources)
    .values({ ...key, targetId, checksum, targetUpdatedAt, importedAt: now })
    .onConflictDoUpdate({
      target: [importSources.system, importSources.site, importSources.kind, importSources.sourceId],
      set: { targetId, checksum, targetUpdatedAt, importedAt: now },
    });
}

/**
 * Runs the import's steps: each step in its own transaction (a live site's readers and staff wait for
 * one story at a time, never for the whole import), or, for a dry run, every step in one transaction
 * that is rolled back at the end, so the report is exactly what the import would do.
 */
export async function runImportSteps<T>(
  dryRun: boolean,
  steps: (step: <R>(fn: (tx: AppDb) => Promise<R>) => Promise<R>) => Promise<T>,
): Promise<T> {
  if (!dryRun) return steps((fn) => transaction(fn));
  let result: { value: T } | undefined;
  try {
    await transaction(async (tx) => {
      result = { value: await steps((fn) => fn(tx)) };
      throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return result!.value;
}

class DryRunRollback extends Error {}

/** The decision every kind shares for a record already imported once; undefined: write the update. */
function settled(mapped: Mapped, current: { updatedAt: number | null } | undefined, checksum: string) {
  if (!current) return { outcome: 'gone' as const, id: null };
  if (mapped.checksum === checksum) return { outcome: 'unchanged' as const, id: mapped.targetId };
  if (mapped.targetUpdatedAt !== null && current.updatedAt !== mapped.targetUpdatedAt)
    return { outcome: 'kept' as const, id: mapped.targetId };
  return undefined;
}

/** The old site's addresses of a record, each answering 301 at `to` (decision 061); never `to` itself. */
export async function addOldAddresses(tx: AppDb, from: string[], to: string, now: number): Promise<number> {
  let added = 0;
  for (const path of from) {
    if (path === to) continue;
    await tx
      .insert(redirects)
      .values({ fromPath: path, toPath: to, createdAt: now })
      .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: to, createdAt: now } });
    added++;
  }
  return added;
}

// ---- sections ------------------------------------------------------------------------------------

export type SectionImport = { slug: string; name: string; description: string; parentId: number | null };

export async function importSection(
  tx: AppDb,
  key: SourceKey,
  input: SectionImport,
  checksum: string,
  now: number,
): Promise<Imported> {
  const mapped = await findMapped(tx, key);
  if (mapped) {
    const [current] = await tx
      .select({ id: sections.id, updatedAt: sections.updatedAt })
      .from(sections)
      .where(eq(sections.id, mapped.targetId));
    const done = settled(mapped, current, checksum);
    if (done) return done;
    const parentId =
      input.parentId !== null && (await wouldCycle(mapped.targetId, input.parentId, tx)) ? null : input.parentId;
    await tx
      .update(sections)
      .set({ name: input.name, description: input.description, parentId, updatedAt: now })
      .where(eq(sections.id, mapped.targetId));
    await recordMapped(tx, key, mapped.targetId, checksum, now, now);
    return { outcome: 'updated', id: mapped.targetId };
  }
  const [existing] = await tx
    .select({ id: sections.id, updatedAt: sections.updatedAt })
    .from(sections)
    .where(eq(sections.slug, input.slug));
  if (existing) {
    await recordMapped(tx, key, existing.id, checksum, existing.updatedAt, now);
    return { outcome: 'matched', id: existing.id };
  }
  const [last] = await tx
    .select({ p: sql<number>`coalesce(max(${sections.position}), -1)` })
    .from(sections)
    .where(input.parentId === null ? sql`${sections.parentId} is null` : eq(sections.parentId, input.parentId));
  const [row] = await tx
    .insert(sections)
    .values({ ...input, position: Number(last?.p ?? -1) + 1, createdAt: now, updatedAt: now })
    .returning({ id: sections.id });
  await clearRedirectsFrom(tx, [sectionPath(input.slug)]);
  await recordMapped(tx, key, row!.id, checksum, now, now);
  return { outcome: 'created', id: row!.id };
}

// ---- tags and authors ----------------------------------------------------------------------------

export async function importTag(
  tx: AppDb,
  key: SourceKey,
  input: { slug: string; name: string },
  checksum: string,
  now: number,
): Promise<Imported & { slug?: string }> {
  const mapped = await findMapped(tx, key);
  if (mapped) {
    const [current] = await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(eq(tags.id, mapped.targetId));
    // Tags have no time of change: a renamed tag at the source renames ours.
    const done = settled(mapped, current && { updatedAt: null }, checksum);
    if (done) return { ...done, slug: current?.slug };
    await tx.update(tags).set({ name: input.name }).where(eq(tags.id, mapped.targetId));
    await recordMapped(tx, key, mapped.targetId, checksum, null, now);
    return { outcome: 'updated', id: mapped.targetId, slug: current!.slug };
  }
  const [existing] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, input.slug));
  const id = existing?.id ?? (await tx.insert(tags).values(input).returning({ id: tags.id }))[0]!.id;
  await recordMapped(tx, key, id, checksum, null, now);
  return { outcome: existing ? 'matched' : 'created', id, slug: input.slug };
}

export async function importAuthor(
  tx: AppDb,
  key: SourceKey,
  input: { slug: string; name: string; bio: string },
  checksum: string,
  now: number,
): Promise<Imported & { slug?: string }> {
  const mapped = await findMapped(tx, key);
  if (mapped) {
    const [current] = await tx
      .select({ id: authors.id, slug: authors.slug, updatedAt: authors.updatedAt })
      .from(authors)
      .where(eq(authors.id, mapped.targetId));
    const done = settled(mapped, current, checksum);
    if (done) return { ...done, slug: current?.slug };
    await tx
      .update(authors)
      .set({ name: input.name, bio: input.bio, updatedAt: now })
      .where(eq(authors.id, mapped.targetId));
    await recordMapped(tx, key, mapped.targetId, checksum, now, now);
    return { outcome: 'updated', id: mapped.targetId, slug: current!.slug };
  }
  const [existing] = await tx
    .select({ id: authors.id, updatedAt: authors.updatedAt })
    .from(authors)
    .where(eq(authors.slug, input.slug));
  if (existing) {
    await recordMapped(tx, key, existing.id, checksum, existing.updatedAt, now);
    return { outcome: 'matched', id: existing.id, slug: input.slug };
  }
  const [row] = await tx
    .insert(authors)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning({ id: authors.id });
  await recordMapped(tx, key, row!.id, checksum, now, now);
  return { outcome: 'created', id: row!.id, slug: input.slug };
}

// ---- featured photos -----------------------------------------------------------------------------

/** The photo imported from this file before, when its bytes (the checksum) are the same: no need to process it again. */
export async function findImportedPhoto(tx: AppDb, key: SourceKey, checksum: string): Promise<number | undefined> {
  const mapped = await findMapped(tx, key);
  if (!mapped || mapped.checksum !== checksum) return undefined;
  const [row] = await tx.select({ id: media.id }).from(media).where(eq(media.id, mapped.targetId));
  return row?.id;
}

export async function insertImportedPhoto(
  tx: AppDb,
  key: SourceKey,
  photo: Omit<PhotoRow, 'credit'>,
  checksum: string,
  now: number,
): Promise<number> {
  const id = await insertPhoto(tx, { ...photo, credit: '' }, null, now);
  await recordMapped(tx, key, id, checksum, null, now);
  return id;
}

// ---- stories -------------------------------------------------------------------------------------

export type StoryImport = Omit<StoryWrite, 'dateline' | 'tags' | 'relatedIds'> & {
  /** ids of tags already imported */
  tagIds: number[];
  /** the featured photo (null: none); undefined: leave the story's as it is */
  heroMediaId: number | null | undefined;
  /** the old site's addresses of the story, to answer 301 at its new one */
  oldPaths: string[];
};

export type StoryImported = Imported & {
  slug?: string;
  redirects: number;
  /** files of a photo no story shows any more, to delete once the transaction has committed */
  replacedPath?: string;
};

async function storySlug(tx: AppDb, wanted: string, exceptId: number | undefined): Promise<string> {
  return freeSlug(wanted, async (slug) => {
    const [row] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.slug, slug), exceptId === undefined ? undefined : ne(articles.id, exceptId)))
      .limit(1);
    return row !== undefined;
  });
}

export async function importStory(
  tx: AppDb,
  key: SourceKey,
  input: StoryImport,
  checksum: string,
  now: number,
): Promise<StoryImported> {
  const mapped = await findMapped(tx, key);
  let before: typeof articles.$inferSelect | undefined;
  if (mapped) {
    [before] = await tx.select().from(articles).where(eq(articles.id, mapped.targetId));
    const done = settled(mapped, before, checksum);
    if (done) return { ...done, slug: before?.slug, redirects: 0 };
  }
  const slug = before && before.slug === input.slug ? before.slug : await storySlug(tx, input.slug, before?.id);
  const values = {
    title: input.title,
    slug,
    standfirst: input.standfirst,
    sectionId: input.sectionId,
    authorId: input.authorId,
    byline: input.byline,
    body: input.body,
    bodyHtml: input.bodyHtml,
    wordCount: input.wordCount,
    status: input.status,
    publishedAt: input.publishedAt,
    ...(input.heroMediaId !== undefined ? { heroMediaId: input.heroMediaId } : {}),
    updatedAt: now,
  };
  let id: number;
  let replacedPath: string | undefined;
  if (before) {
    id = before.id;
    await tx.update(articles).set(values).where(eq(articles.id, id));
    if (input.heroMediaId !== undefined && before.heroMediaId !== input.heroMediaId)
      replacedPath = await dropUnusedMedia(tx, before.heroMediaId);
    const wasPublic = before.status === 'published' || before.status === 'scheduled';
    if (before.slug !== slug && wasPublic) await moveRedirects(tx, articlePath(before.slug), articlePath(slug), now);
  } else {
    const [row] = await tx
      .insert(articles)
      .values({ ...values, heroMediaId: input.heroMediaId ?? null, createdAt: now, createdBy: null })
      .returning({ id: articles.id });
    id = row!.id;
  }
  await tx.delete(articleTags).where(eq(articleTags.articleId, id));
  for (const tagId of [...new Set(input.tagIds)]) await tx.insert(articleTags).values({ articleId: id, tagId });
  // The editor's history starts with the imported text, so a later edit can be compared with it.
  await tx.insert(storyRevisions).values({
    articleId: id,
    kind: 'save',
    userId: null,
    title: input.title,
    standfirst: input.standfirst,
    byline: input.byline,
    dateline: '',
    body: input.body,
    createdAt: now,
  });
  let added = 0;
  if (input.status === 'published' || input.status === 'scheduled') {
    await clearRedirectsFrom(tx, [articlePath(slug)]);
    added = await addOldAddresses(tx, input.oldPaths, articlePath(slug), now);
  }
  await recordMapped(tx, key, id, checksum, now, now);
  return {
    outcome: before ? 'updated' : 'created',
    id,
    slug,
    redirects: added,
    ...(replacedPath ? { replacedPath } : {}),
  };
}

/** The audit log's line for a whole import run (the command line has no staff member: no user). */
export async function recordImportRun(tx: AppDb, detail: Record<string, unknown>, now: number): Promise<void> {
  await recordAudit(
    tx,
    { actorId: null, action: 'import.run', objectType: 'import', objectId: String(detail.system ?? ''), detail },
    now,
  );
}

/** How many rows an import brought in so far, by kind (for tests and the report's totals). */
export async function countImported(tx: AppDb, system: string): Promise<Record<string, number>> {
  const rowsByKind = await tx
    .select({ kind: importSources.kind, n: sql<number>`count(*)` })
    .from(importSources)
    .where(eq(importSources.system, system))
    .groupBy(importSources.kind)
    .orderBy(asc(importSources.kind));
  return Object.fromEntries(rowsByKind.map((r) => [r.kind, Number(r.n)]));
}
