// Story revisions (decision 039): every save of the editor keeps the text it wrote, each editor's latest
// autosave of a story is kept beside them, and a save made from an older revision than the newest is
// refused unless its author chooses to overwrite. Written against db/engine: SQLite and PostgreSQL.
import 'server-only';
import { and, desc, eq, gt, inArray, ne } from 'drizzle-orm';
import { db, lockKey, transaction, type AppDb } from '@/db/engine';
import { articles, storyRevisions, users, type RevisionKind } from '@/db/schema';

export type RevisionText = { title: string; standfirst: string; byline: string; dateline: string; body: string };

/** Autosaves of other editors younger than this say "is editing this story too". */
export const EDITING_NOW_MS = 2 * 60_000;

const textColumns = {
  title: storyRevisions.title,
  standfirst: storyRevisions.standfirst,
  byline: storyRevisions.byline,
  dateline: storyRevisions.dateline,
  body: storyRevisions.body,
};
const summaryColumns = {
  id: storyRevisions.id,
  kind: storyRevisions.kind,
  createdAt: storyRevisions.createdAt,
  userId: storyRevisions.userId,
  userName: users.name,
  restoredFrom: storyRevisions.restoredFrom,
};
const SAVED_KINDS: RevisionKind[] = ['save', 'restore'];
const savedOf = (articleId: number) =>
  and(eq(storyRevisions.articleId, articleId), inArray(storyRevisions.kind, SAVED_KINDS));

export type RevisionSummary = {
  id: number;
  kind: RevisionKind;
  createdAt: number;
  userId: number | null;
  userName: string | null;
  restoredFrom: number | null;
};

/** The newest saved (not autosaved) revision of a story: what the editor's form is based on. */
export async function latestSavedRevision(
  articleId: number,
  runner: AppDb = db(),
): Promise<RevisionSummary | undefined> {
  const [row] = await runner
    .select(summaryColumns)
    .from(storyRevisions)
    .leftJoin(users, eq(users.id, storyRevisions.userId))
    .where(savedOf(articleId))
    .orderBy(desc(storyRevisions.id))
    .limit(1);
  return row;
}

export type ClaimResult = { ok: true; id: number } | { ok: false; conflict: RevisionSummary };

export type ClaimOptions = { base: number | null | undefined; kind?: 'save' | 'restore'; restoredFrom?: number };

/** A save refused because someone saved the story after its form was opened; thrown to roll the save back. */
export class RevisionConflict extends Error {
  constructor(readonly conflict: RevisionSummary) {
    super('The story was saved by someone else after this form was opened.');
    this.name = 'RevisionConflict';
  }
}

/** Saved revisions kept per story: the newest this many, and its first (decision 062). */
export const KEPT_REVISIONS = 50;

/**
 * Records a save's text as the story's newest revision, if the form it came from was based on the
 * newest one (`base`: the revision id the editor opened, null when the story had none; undefined
 * skips the check, for a new story or an explicit restore). One step under a per-story lock, so of
 * two saves made from the same revision only the first passes. A story saved before revisions were
 * kept gets its text at that moment recorded first, so that nothing that was ever live is lost.
 * Runs inside the story save's transaction (saveStory), before the story row changes.
 */
export async function claimRevisionIn(
  tx: AppDb,
  articleId: number,
  userId: number,
  text: RevisionText,
  options: ClaimOptions,
  now = Date.now(),
): Promise<ClaimResult> {
  await lockKey(tx, `story-revisions:${articleId}`);
  const latest = await latestSavedRevision(articleId, tx);
  if (options.base !== undefined && (latest?.id ?? null) !== options.base)
    return { ok: false as const, conflict: latest! };
  if (!latest) {
    const [story] = await tx
      .select({
        title: articles.title,
        standfirst: articles.standfirst,
        byline: articles.byline,
        dateline: articles.dateline,
        body: articles.body,
        updatedAt: articles.updatedAt,
        createdBy: articles.createdBy,
      })
      .from(articles)
      .where(eq(articles.id, articleId))
      .limit(1);
    if (story && options.kind !== 'restore') {
      const { updatedAt, createdBy, ...before } = story;
      const changed = (Object.keys(before) as (keyof RevisionText)[]).some((k) => before[k] !== text[k]);
      if (changed)
        await tx
          .insert(storyRevisions)
          .values({ articleId, kind: 'save', userId: createdBy, ...before, createdAt: Math.min(updatedAt, now) });
    }
  }
  const [row] = await tx
    .insert(storyRevisions)
    .values({
      articleId,
      kind: options.kind ?? 'save',
      userId,
      restoredFrom: options.restoredFrom ?? null,
      ...text,
      createdAt: now,
    })
    .returning({ id: storyRevisions.id });
  // The save holds everything the author's autosave held.
  await tx
    .delete(storyRevisions)
    .where(
      and(
        eq(storyRevisions.articleId, articleId),
        eq(storyRevisions.kind, 'autosave'),
        eq(storyRevisions.userId, userId),
      ),
    );
  await pruneRevisions(tx, articleId);
  return { ok: true as const, id: row!.id };
}

/** claimRevisionIn in a transaction of its own. */
export async function claimRevision(
  articleId: number,
  userId: number,
  text: RevisionText,
  options: ClaimOptions,
  now = Date.now(),
): Promise<ClaimResult> {
  return transaction((tx) => claimRevisionIn(tx, articleId, userId, text, options, now));
}

/**
 * Keeps a story's saved revisions bounded: the newest KEPT_REVISIONS and the first one (the story's
 * text when tracking began), under the claim's per-story lock. Autosaves are bounded by their editors.
 */
async function pruneRevisions(tx: AppDb, articleId: number): Promise<number> {
  const saved = await tx
    .select({ id: storyRevisions.id })
    .from(storyRevisions)
    .where(savedOf(articleId))
    .orderBy(desc(storyRevisions.id));
  const dropped = saved.slice(KEPT_REVISIONS, -1).map((r) => r.id);
  if (!dropped.length) return 0;
  await tx.delete(storyRevisions).where(inArray(storyRevisions.id, dropped));
  return dropped.length;
}

export type AutosaveResult = {
  savedAt: number;
  /** other editors whose autosave of this story is recent */
  others: { name: string; at: number }[];
  /** a save newer than the one the editor's form is based on */
  newerSave?: { name: string | null; at: number };
};

/**
 * Keeps an editor's latest text of a story (one autosave per editor and story, replaced each time; a
 * story's autosaves are bounded by its editors), and says who else is editing it and whether someone
 * saved since the form was opened.
 */
export async function autosaveStory(
  articleId: number,
  userId: number,
  text: RevisionText,
  base: number | null,
  now = Date.now(),
): Promise<AutosaveResult | undefined> {
  return transaction(async (tx) => {
    await lockKey(tx, `story-revisions:${articleId}`);
    const [story] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).limit(1);
    if (!story) return undefined;
    const mine = and(
      eq(storyRevisions.articleId, articleId),
      eq(storyRevisions.kind, 'autosave'),
      eq(storyRevisions.userId, userId),
    );
    await tx.delete(storyRevisions).where(mine);
    await tx.insert(storyRevisions).values({ articleId, kind: 'autosave', userId, ...text, createdAt: now });
    const others = await tx
      .select({ name: users.name, at: storyRevisions.createdAt })
      .from(storyRevisions)
      .innerJoin(users, eq(users.id, storyRevisions.userId))
      .where(
        and(
          eq(storyRevisions.articleId, articleId),
          eq(storyRevisions.kind, 'autosave'),
          ne(storyRevisions.userId, userId),
          gt(storyRevisions.createdAt, now - EDITING_NOW_MS),
        ),
      )
      .orderBy(desc(storyRevisions.createdAt));
    const latest = await latestSavedRevision(articleId, tx);
    const newer = latest && latest.id !== base ? { name: latest.userName, at: latest.createdAt } : undefined;
    return { savedAt: now, others, ...(newer ? { newerSave: newer } : {}) };
  });
}

/** The editor's own autosave of a story when it is newer than the story's last save. */
export async function pendingAutosave(
  articleId: number,
  userId: number,
): Promise<(RevisionText & { id: number; createdAt: number }) | undefined> {
  const [row] = await db()
    .select({ id: storyRevisions.id, createdAt: storyRevisions.createdAt, ...textColumns })
    .from(storyRevisions)
    .where(
      and(
        eq(storyRevisions.articleId, articleId),
        eq(storyRevisions.kind, 'autosave'),
        eq(storyRevisions.userId, userId),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  const latest = await latestSavedRevision(articleId);
  return latest && latest.id > row.id ? undefined : row;
}

/** A story's revisions, newest first: saves, restores and every editor's pending autosave. */
export async function listRevisions(articleId: number, limit = 200): Promise<RevisionSummary[]> {
  return db()
    .select(summaryColumns)
    .from(storyRevisions)
    .leftJoin(users, eq(users.id, storyRevisions.userId))
    .where(eq(storyRevisions.articleId, articleId))
    .orderBy(desc(storyRevisions.id))
    .limit(limit);
}

/** One revision of a story, with its text (undefined when it belongs to another story). */
export async function getRevision(
  articleId: number,
  id: number,
): Promise<(RevisionSummary & RevisionText) | undefined> {
  const [row] = await db()
    .select({ ...summaryColumns, ...textColumns })
    .from(storyRevisions)
    .leftJoin(users, eq(users.id, storyRevisions.userId))
    .where(and(eq(storyRevisions.articleId, articleId), eq(storyRevisions.id, id)))
    .limit(1);
  return row;
}
