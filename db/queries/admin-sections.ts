import 'server-only';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import { db, lockKey, type AppDb } from '@/db/engine';
import { staffTransaction } from './staff-guard';
import { articles, sections } from '@/db/schema';
import { sectionPath } from '@/lib/domain/routes';
import { recordAudit } from './audit';
import { clearRedirectsFrom, moveRedirects } from './redirects';

export async function sectionSlugTaken(slug: string, exceptId?: number, runner: AppDb = db()): Promise<boolean> {
  const [row] = await runner.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).limit(1);
  return row !== undefined && row.id !== exceptId;
}

export async function countStoriesPerSection(): Promise<Map<number, number>> {
  const rows = await db()
    .select({ id: articles.sectionId, n: sql<number>`count(*)` })
    .from(articles)
    .groupBy(articles.sectionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** A section cannot sit under itself or under one of its own descendants. */
export async function wouldCycle(id: number, parentId: number | null, runner: AppDb = db()): Promise<boolean> {
  if (parentId === null) return false;
  const parents = new Map(
    (await runner.select({ id: sections.id, parentId: sections.parentId }).from(sections)).map((s) => [
      s.id,
      s.parentId,
    ]),
  );
  // Walk up from the new parent: reaching the section itself means it would sit under itself.
  const seen = new Set<number>();
  for (let at: number | null | undefined = parentId; at != null && !seen.has(at); at = parents.get(at)) {
    if (at === id) return true;
    seen.add(at);
  }
  return false;
}

const siblingsOf = (parentId: number | null) =>
  parentId === null ? isNull(sections.parentId) : eq(sections.parentId, parentId);

export type SectionInput = { name: string; slug: string; description: string; parentId: number | null };

/** Why a section was not saved, by the form field to show it next to; checked inside the save's transaction. */
export type SectionRefusal =
  | { field: 'slug'; reason: 'slug-taken' }
  | { field: 'parentId'; reason: 'parent-missing' | 'cycle' }
  | { field: 'id'; reason: 'missing' };

/**
 * The rules a section's slug and parent must keep, read inside the save's transaction. Every save
 * first takes one lock for the whole tree (PostgreSQL; SQLite writes one at a time): two editors
 * giving two sections the same slug, or moving two sections under each other, are decided one after
 * the other, so the second one sees the first.
 */
async function refusal(tx: AppDb, id: number | undefined, input: SectionInput): Promise<SectionRefusal | undefined> {
  await lockKey(tx, 'sections:tree');
  if (await sectionSlugTaken(input.slug, id, tx)) return { field: 'slug', reason: 'slug-taken' };
  if (input.parentId !== null) {
    const [parent] = await tx
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.id, input.parentId))
      .limit(1);
    if (!parent) return { field: 'parentId', reason: 'parent-missing' };
    if (id !== undefined && (await wouldCycle(id, input.parentId, tx))) return { field: 'parentId', reason: 'cycle' };
  }
  return undefined;
}

async function nextPosition(tx: AppDb, parentId: number | null): Promise<number> {
  const [row] = await tx
    .select({ p: sql<number>`coalesce(max(${sections.position}), -1)` })
    .from(sections)
    .where(siblingsOf(parentId));
  return (row?.p ?? -1) + 1;
}

export async function createSection(
  actorId: number,
  input: SectionInput,
  now = Date.now(),
): Promise<{ ok: true; id: number } | ({ ok: false } & SectionRefusal)> {
  return staffTransaction(async (tx) => {
    const refused = await refusal(tx, undefined, input);
    if (refused) return { ok: false as const, ...refused };
    const [row] = await tx
      .insert(sections)
      .values({ ...input, position: await nextPosition(tx, input.parentId), createdAt: now, updatedAt: now })
      .returning({ id: sections.id });
    const id = row!.id;
    await clearRedirectsFrom(tx, [sectionPath(input.slug)]);
    await recordAudit(
      tx,
      { actorId, action: 'section.create', objectType: 'section', objectId: id, detail: input },
      now,
    );
    return { ok: true as const, id };
  });
}

/** Rename, re-slug (the old address answers 301) or move under another parent (placed last there). */
export async function updateSection(
  actorId: number,
  id: number,
  input: SectionInput,
  now = Date.now(),
): Promise<{ ok: true; oldSlug: string } | ({ ok: false } & SectionRefusal)> {
  return staffTransaction(async (tx) => {
    const refused = await refusal(tx, id, input);
    const [before] = await tx.select().from(sections).where(eq(sections.id, id)).limit(1);
    if (!before) return { ok: false as const, field: 'id' as const, reason: 'missing' as const };
    if (refused) return { ok: false as const, ...refused };
    const position = before.parentId !== input.parentId ? await nextPosition(tx, input.parentId) : before.position;
    await tx
      .update(sections)
      .set({ ...input, position, updatedAt: now })
      .where(eq(sections.id, id));
    if (before.slug !== input.slug) await moveRedirects(tx, sectionPath(before.slug), sectionPath(input.slug), now);
    await recordAudit(
      tx,
      {
        actorId,
        action: before.parentId !== input.parentId ? 'section.move' : 'section.update',
        objectType: 'section',
        objectId: id,
        detail: { before: { name: before.name, slug: before.slug, parentId: before.parentId }, after: input },
      },
      now,
    );
    return { ok: true as const, oldSlug: before.slug };
  });
}

/** Swaps the section with its neighbour among its siblings. */
export async function reorderSection(
  actorId: number,
  id: number,
  direction: 'up' | 'down',
  now = Date.now(),
): Promise<boolean> {
  return staffTransaction(async (tx) => {
    await lockKey(tx, 'sections:tree');
    const [me] = await tx.select().from(sections).where(eq(sections.id, id)).limit(1);
    if (!me) return false;
    const siblings = await tx
      .select({ id: sections.id, position: sections.position })
      .from(sections)
      .where(siblingsOf(me.parentId))
      .orderBy(asc(sections.position), asc(sections.id));
    const index = siblings.findIndex((s) => s.id === id);
    const other = siblings[direction === 'up' ? index - 1 : index + 1];
    if (!other) return false;
    // Renumber the siblings 0..n so equal positions cannot make a swap a no-op.
    const order = siblings.map((s) => s.id);
    order[index] = other.id;
    order[direction === 'up' ? index - 1 : index + 1] = id;
    for (const [position, sid] of order.entries())
      await tx.update(sections).set({ position, updatedAt: now }).where(eq(sections.id, sid));
    await recordAudit(
      tx,
      { actorId, action: 'section.reorder', objectType: 'section', objectId: id, detail: { direction } },
      now,
    );
    return true;
  });
}

export type DeleteRefusal = 'stories' | 'children' | 'missing';

export async function deleteSection(
  actorId: number,
  id: number,
  now = Date.now(),
): Promise<{ ok: true; slug: string } | { ok: false; reason: DeleteRefusal; count?: number }> {
  return staffTransaction(async (tx) => {
    await lockKey(tx, 'sections:tree');
    const [me] = await tx.select().from(sections).where(eq(sections.id, id)).limit(1);
    if (!me) return { ok: false as const, reason: 'missing' as const };
    const [stories] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(articles)
      .where(eq(articles.sectionId, id));
    if (stories!.n > 0) return { ok: false as const, reason: 'stories' as const, count: stories!.n };
    const [children] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(sections)
      .where(eq(sections.parentId, id));
    if (children!.n > 0) return { ok: false as const, reason: 'children' as const, count: children!.n };
    await tx.delete(sections).where(eq(sections.id, id));
    await recordAudit(
      tx,
      {
        actorId,
        action: 'section.delete',
        objectType: 'section',
        objectId: id,
        detail: { name: me.name, slug: me.slug },
      },
      now,
    );
    return { ok: true as const, slug: me.slug };
  });
}
