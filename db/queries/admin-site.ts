import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/engine';
import { staffTransaction } from './staff-guard';
import { pages, partners, promos, settings } from '@/db/schema';
import { recordAudit } from './audit';

export async function getPageForEdit(slug: string) {
  const [row] = await db()
    .select({ slug: pages.slug, title: pages.title, body: pages.body, updatedAt: pages.updatedAt })
    .from(pages)
    .where(eq(pages.slug, slug))
    .limit(1);
  return row;
}

export async function listPagesForAdmin() {
  return db().select({ slug: pages.slug, title: pages.title, updatedAt: pages.updatedAt }).from(pages);
}

/** Upsert: a fresh install may not have every page row yet. `bodyHtml` is rendered from `body` by the caller. */
export async function savePage(
  actorId: number,
  slug: string,
  input: { title: string; body: string; bodyHtml: string },
  now = Date.now(),
): Promise<void> {
  await staffTransaction(async (tx) => {
    await tx
      .insert(pages)
      .values({ slug, ...input, updatedAt: now })
      .onConflictDoUpdate({ target: pages.slug, set: { ...input, updatedAt: now } });
    await recordAudit(
      tx,
      { actorId, action: 'page.update', objectType: 'page', objectId: slug, detail: { title: input.title } },
      now,
    );
  });
}

export async function listPartnersForAdmin() {
  return db().select().from(partners).orderBy(asc(partners.position), asc(partners.id));
}

export async function createPartner(actorId: number, input: { name: string; url: string; position: number }) {
  return staffTransaction(async (tx) => {
    const [row] = await tx.insert(partners).values(input).returning({ id: partners.id });
    await recordAudit(tx, {
      actorId,
      action: 'partner.create',
      objectType: 'partner',
      objectId: row!.id,
      detail: input,
    });
    return row!.id;
  });
}

export async function updatePartner(
  actorId: number,
  id: number,
  input: { name: string; url: string; position: number },
): Promise<boolean> {
  return staffTransaction(async (tx) => {
    const changed = await tx.update(partners).set(input).where(eq(partners.id, id)).returning({ id: partners.id });
    if (changed.length === 1)
      await recordAudit(tx, { actorId, action: 'partner.update', objectType: 'partner', objectId: id, detail: input });
    return changed.length === 1;
  });
}

export async function deletePartner(actorId: number, id: number): Promise<boolean> {
  return staffTransaction(async (tx) => {
    const [before] = await tx.delete(partners).where(eq(partners.id, id)).returning();
    if (!before) return false;
    await recordAudit(tx, {
      actorId,
      action: 'partner.delete',
      objectType: 'partner',
      objectId: id,
      detail: { name: before.name, url: before.url },
    });
    return true;
  });
}

export async function nextPartnerPosition(): Promise<number> {
  const [row] = await db()
    .select({ p: sql<number>`coalesce(max(${partners.position}), -1)` })
    .from(partners);
  return (row?.p ?? -1) + 1;
}

export async function listPromosForAdmin() {
  return db().select().from(promos).orderBy(asc(promos.position), asc(promos.id));
}

export type PromoInput = {
  title: string;
  body: string;
  linkLabel: string;
  linkUrl: string;
  active: boolean;
  position: number;
};

export async function createPromo(actorId: number, input: PromoInput): Promise<number> {
  return staffTransaction(async (tx) => {
    const [row] = await tx.insert(promos).values(input).returning({ id: promos.id });
    await recordAudit(tx, { actorId, action: 'promo.create', objectType: 'promo', objectId: row!.id, detail: input });
    return row!.id;
  });
}

export async function updatePromo(actorId: number, id: number, input: PromoInput): Promise<boolean> {
  return staffTransaction(async (tx) => {
    const changed = await tx.update(promos).set(input).where(eq(promos.id, id)).returning({ id: promos.id });
    if (changed.length === 1)
      await recordAudit(tx, { actorId, action: 'promo.update', objectType: 'promo', objectId: id, detail: input });
    return changed.length === 1;
  });
}

export async function deletePromo(actorId: number, id: number): Promise<boolean> {
  return staffTransaction(async (tx) => {
    const [before] = await tx.delete(promos).where(eq(promos.id, id)).returning();
    if (!before) return false;
    await recordAudit(tx, {
      actorId,
      action: 'promo.delete',
      objectType: 'promo',
      objectId: id,
      detail: { title: before.title },
    });
    return true;
  });
}

export async function saveSettings(actorId: number, values: Record<string, string>, now = Date.now()): Promise<void> {
  await staffTransaction(async (tx) => {
    for (const [key, value] of Object.entries(values))
      await tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    await recordAudit(
      tx,
      { actorId, action: 'settings.update', objectType: 'settings', objectId: 'site', detail: values },
      now,
    );
  });
}
