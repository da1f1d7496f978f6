// Corrections in public: dated correction and update notes an editor appends to a published story.
// They show under the headline, in the feeds and in the JSON-LD (`correction`), and each moves the
// story's "Updated" time. Written once for both engines.
import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, lockRows } from '@/db/engine';
import { staffTransaction } from './staff-guard';
import { articleCorrections, articles } from '@/db/schema';
import { recordAudit } from './audit';
import { CORRECTION_KINDS, type CorrectionKind } from '@/lib/domain/corrections';
import { isPublic } from './visibility';

export { CORRECTION_KINDS, type CorrectionKind };

export type Correction = { id: number; kind: CorrectionKind; note: string; createdAt: number };

const columns = {
  id: articleCorrections.id,
  articleId: articleCorrections.articleId,
  kind: articleCorrections.kind,
  note: articleCorrections.note,
  createdAt: articleCorrections.createdAt,
};

/** A story's notes, oldest first (they read as a log under the headline). */
export async function listCorrections(articleId: number): Promise<Correction[]> {
  return (await listCorrectionsFor([articleId])).get(articleId) ?? [];
}

/** The notes of several stories at once (a feed), by story id, oldest first. */
export async function listCorrectionsFor(articleIds: number[]): Promise<Map<number, Correction[]>> {
  const byStory = new Map<number, Correction[]>();
  if (articleIds.length === 0) return byStory;
  const found = await db()
    .select(columns)
    .from(articleCorrections)
    .where(inArray(articleCorrections.articleId, articleIds))
    .orderBy(asc(articleCorrections.createdAt), asc(articleCorrections.id));
  for (const { articleId, ...note } of found) {
    const list = byStory.get(articleId) ?? [];
    list.push(note);
    byStory.set(articleId, list);
  }
  return byStory;
}

export type AddCorrectionResult =
  { ok: true; id: number; slug: string; sectionId: number } | { ok: false; reason: 'missing' | 'not-public' };

/**
 * Appends a note to a story readers can see now, and moves its "Updated" time (revised_at) to now, in
 * one transaction with the audit entry. A story that is a draft, in review or scheduled for later has
 * nothing public to correct: it is edited instead.
 */
export async function addCorrection(
  actorId: number,
  articleId: number,
  input: { kind: CorrectionKind; note: string },
  now = Date.now(),
): Promise<AddCorrectionResult> {
  return staffTransaction(async (tx) => {
    await lockRows(tx, articles, eq(articles.id, articleId));
    const [story] = await tx
      .select({ slug: articles.slug, sectionId: articles.sectionId })
      .from(articles)
      .where(eq(articles.id, articleId))
      .limit(1);
    if (!story) return { ok: false, reason: 'missing' } as const;
    const [visible] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.id, articleId), isPublic(now)))
      .limit(1);
    if (!visible) return { ok: false, reason: 'not-public' } as const;
    const [row] = await tx
      .insert(articleCorrections)
      .values({ articleId, kind: input.kind, note: input.note, createdBy: actorId, createdAt: now })
      .returning({ id: articleCorrections.id });
    await tx.update(articles).set({ revisedAt: now, updatedAt: now }).where(eq(articles.id, articleId));
    await recordAudit(
      tx,
      {
        actorId,
        action: `story.${input.kind}`,
        objectType: 'article',
        objectId: articleId,
        detail: { note: input.note },
      },
      now,
    );
    return { ok: true, id: row!.id, slug: story.slug, sectionId: story.sectionId } as const;
  });
}
