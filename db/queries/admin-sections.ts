import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, sections } from '@/db/schema';
import { sectionPath } from '@/lib/domain/routes';
import { recordAudit } from './audit';
import { clearRedirectsFrom, moveRedirects } from './redirects';
import { sectionAndDescendantIds, listSections } from './sections';

export function sectionSlugTaken(slug: string, exceptId?: number): boolean {
  const row = getDb().select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).get();
  return row !== undefined && row.id !== exceptId;
}

export function countStoriesPerSection(): Map<number, number> {
  const rows = getDb()
    .select({ id: articles.sectionId, n: sql<number>`count(*)` })
    .from(articles)
    .groupBy(articles.sectionId)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** A section cannot sit under itself or under one of its own descendants. */
export async function wouldCycle(id: number, parentId: number | null): Promise<boolean> {
  if (parentId === null) return false;
  return sectionAndDescendantIds(await listSections(), id).includes(parentId);
}

const siblingsOf = (parentId: number | null) =>
  parentId === null ? isNull(sections.parentId) : eq(sections.parentId, parentId);

export function createSection(
  actorId: number,
  input: { name: string; slug: string; description: string; parentId: number | null },
  now = Date.now(),
): number {
  return getDb().transaction((tx) => {
    const last =
      tx
        .select({ p: sql<number>`coalesce(max(${sections.position}), -1)` })
        .from(sections)
        .where(siblingsOf(input.parentId))
        .get()?.p ?? -1;
    const id = tx
      .insert(sections)
      .values({ ...input, position: last + 1, createdAt: now, updatedAt: now })
      .returning({ id: sections.id })
      .get().id;
    clearRedirectsFrom(tx, [sectionPath(input.slug)]);
    recordAudit(tx, { actorId, action: 'section.create', objectType: 'section', objectId: id, detail: input }, now);
    return id;
  });
}

/** Rename, re-slug (the old address answers 301) or move under another parent (placed last there). */
export function updateSection(
  actorId: number,
  id: number,
  input: { name: string; slug: string; description: string; parentId: number | null },
  now = Date.now(),
) {
  return getDb().transaction((tx) => {
    const before = tx.select().from(sections).where(eq(sections.id, id)).get();
    if (!before) return undefined;
    let position = before.position;
    if (before.parentId !== input.parentId) {
      position =
        (tx
          .select({ p: sql<number>`coalesce(max(${sections.position}), -1)` })
          .from(sections)
          .where(siblingsOf(input.parentId))
          .get()?.p ?? -1) + 1;
    }
    tx.update(sections)
      .set({ ...input, position, updatedAt: now })
      .where(eq(sections.id, id))
      .run();
    if (before.slug !== input.slug) moveRedirects(tx, sectionPath(before.slug), sectionPath(input.slug), now);
    recordAudit(
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
    return { oldSlug: before.slug };
  });
}

/** Swaps the section with its neighbour among its siblings. */
export function reorderSection(actorId: number, id: number, direction: 'up' | 'down', now = Date.now()): boolean {
  return getDb().transaction((tx) => {
    const me = tx.select().from(sections).where(eq(sections.id, id)).get();
    if (!me) return false;
    const siblings = tx
      .select({ id: sections.id, position: sections.position })
      .from(sections)
      .where(siblingsOf(me.parentId))
      .orderBy(asc(sections.position), asc(sections.id))
      .all();
    const index = siblings.findIndex((s) => s.id === id);
    const other = siblings[direction === 'up' ? index - 1 : index + 1];
    if (!other) return false;
    // Renumber the siblings 0..n so equal positions cannot make a swap a no-op.
    const order = siblings.map((s) => s.id);
    order[index] = other.id;
    order[direction === 'up' ? index - 1 : index + 1] = id;
    order.forEach((sid, position) =>
      tx.update(sections).set({ position, updatedAt: now }).where(eq(sections.id, sid)).run(),
    );
    recordAudit(
      tx,
      { actorId, action: 'section.reorder', objectType: 'section', objectId: id, detail: { direction } },
      now,
    );
    return true;
  });
}

export type DeleteRefusal = 'stories' | 'children' | 'missing';

export function deleteSection(
  actorId: number,
  id: number,
  now = Date.now(),
): { ok: true; slug: string } | { ok: false; reason: DeleteRefusal; count?: number } {
  return getDb().transaction((tx) => {
    const me = tx.select().from(sections).where(eq(sections.id, id)).get();
    if (!me) return { ok: false as const, reason: 'missing' as const };
    const stories =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(articles)
        .where(eq(articles.sectionId, id))
        .get()?.n ?? 0;
    if (stories > 0) return { ok: false as const, reason: 'stories' as const, count: stories };
    const children =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(sections)
        .where(and(eq(sections.parentId, id)))
        .get()?.n ?? 0;
    if (children > 0) return { ok: false as const, reason: 'children' as const, count: children };
    tx.delete(sections).where(eq(sections.id, id)).run();
    recordAudit(
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
