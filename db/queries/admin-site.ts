import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { pages, partners, promos, settings } from '@/db/schema';
import { recordAudit } from './audit';

export function getPageForEdit(slug: string) {
  return getDb()
    .select({ slug: pages.slug, title: pages.title, body: pages.body, updatedAt: pages.updatedAt })
    .from(pages)
    .where(eq(pages.slug, slug))
    .get();
}

export function listPagesForAdmin() {
  return getDb().select({ slug: pages.slug, title: pages.title, updatedAt: pages.updatedAt }).from(pages).all();
}

/** Upsert: a fresh install may not have every page row yet. `bodyHtml` is rendered from `body` by the caller. */
export function savePage(
  actorId: number,
  slug: string,
  input: { title: string; body: string; bodyHtml: string },
  now = Date.now(),
): void {
  getDb().transaction((tx) => {
    tx.insert(pages)
      .values({ slug, ...input, updatedAt: now })
      .onConflictDoUpdate({ target: pages.slug, set: { ...input, updatedAt: now } })
      .run();
    recordAudit(
      tx,
      { actorId, action: 'page.update', objectType: 'page', objectId: slug, detail: { title: input.title } },
      now,
    );
  });
}

export function listPartnersForAdmin() {
  return getDb().select().from(partners).orderBy(asc(partners.position), asc(partners.id)).all();
}

export function createPartner(actorId: number, input: { name: string; url: string; position: number }): number {
  return getDb().transaction((tx) => {
    const id = tx.insert(partners).values(input).returning({ id: partners.id }).get().id;
    recordAudit(tx, { actorId, action: 'partner.create', objectType: 'partner', objectId: id, detail: input });
    return id;
  });
}

export function updatePartner(
  actorId: number,
  id: number,
  input: { name: string; url: string; position: number },
): boolean {
  return getDb().transaction((tx) => {
    const changed = tx.update(partners).set(input).where(eq(partners.id, id)).run().changes === 1;
    if (changed)
      recordAudit(tx, { actorId, action: 'partner.update', objectType: 'partner', objectId: id, detail: input });
    return changed;
  });
}

export function deletePartner(actorId: number, id: number): boolean {
  return getDb().transaction((tx) => {
    const before = tx.select().from(partners).where(eq(partners.id, id)).get();
    if (!before) return false;
    tx.delete(partners).where(eq(partners.id, id)).run();
    recordAudit(tx, {
      actorId,
      action: 'partner.delete',
      objectType: 'partner',
      objectId: id,
      detail: { name: before.name, url: before.url },
    });
    return true;
  });
}

export function nextPartnerPosition(): number {
  return (
    (getDb()
      .select({ p: sql<number>`coalesce(max(${partners.position}), -1)` })
      .from(partners)
      .get()?.p ?? -1) + 1
  );
}

export function listPromosForAdmin() {
  return getDb().select().from(promos).orderBy(asc(promos.position), asc(promos.id)).all();
}

export type PromoInput = {
  title: string;
  body: string;
  linkLabel: string;
  linkUrl: string;
  active: boolean;
  position: number;
};

export function createPromo(actorId: number, input: PromoInput): number {
  return getDb().transaction((tx) => {
    const id = tx.insert(promos).values(input).returning({ id: promos.id }).get().id;
    recordAudit(tx, { actorId, action: 'promo.create', objectType: 'promo', objectId: id, detail: input });
    return id;
  });
}

export function updatePromo(actorId: number, id: number, input: PromoInput): boolean {
  return getDb().transaction((tx) => {
    const changed = tx.update(promos).set(input).where(eq(promos.id, id)).run().changes === 1;
    if (changed) recordAudit(tx, { actorId, action: 'promo.update', objectType: 'promo', objectId: id, detail: input });
    return changed;
  });
}

export function deletePromo(actorId: number, id: number): boolean {
  return getDb().transaction((tx) => {
    const before = tx.select().from(promos).where(eq(promos.id, id)).get();
    if (!before) return false;
    tx.delete(promos).where(eq(promos.id, id)).run();
    recordAudit(tx, {
      actorId,
      action: 'promo.delete',
      objectType: 'promo',
      objectId: id,
      detail: { title: before.title },
    });
    return true;
  });
}

export function saveSettings(actorId: number, values: Record<string, string>, now = Date.now()): void {
  getDb().transaction((tx) => {
    for (const [key, value] of Object.entries(values)) {
      tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    }
    recordAudit(
      tx,
      { actorId, action: 'settings.update', objectType: 'settings', objectId: 'site', detail: values },
      now,
    );
  });
}
