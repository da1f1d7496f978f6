// Front-page control: stories an editor pins to the top of the home page (the first one is the lead)
// or of a section's page, in their order, each until an optional time. Written once for both engines.
// Why a pin list rather than a "lead" flag on the story: docs/decisions/036-front-page-pins.md.
import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { db, lockKey, type AppDb } from '@/db/engine';
import { recordAudit } from './audit';
import { staffTransaction } from './staff-guard';
import { articles, frontPagePins, PUBLIC_STATUS_SQL, sections } from '@/db/schema';
import { isPublic } from './visibility';

/** Pins per place: the home page's top block, a section's first page (components/listing). */
export const MAX_PINS = 8;

/** Where pins go: the home page (null) or a section's page, by id. */
export type PinPlace = number | null;

const atPlace = (place: PinPlace): SQL =>
  place === null ? isNull(frontPagePins.sectionId) : eq(frontPagePins.sectionId, place);

const notExpired = (now: number): SQL => or(isNull(frontPagePins.expiresAt), gt(frontPagePins.expiresAt, now))!;

/**
 * The stories readers see pinned at a place, in the editor's order: public now, pin not expired, and
 * (on a section's page) still in `sectionIds`, the section and its subsections. A story moved out of
 * the section, unpublished or past its pin's time drops out by itself.
 */
export async function listLivePinIds(
  place: PinPlace,
  { sectionIds, now = Date.now() }: { sectionIds?: number[]; now?: number } = {},
): Promise<number[]> {
  if (sectionIds?.length === 0) return [];
  const found = await db()
    .select({ id: frontPagePins.articleId })
    .from(frontPagePins)
    .innerJoin(articles, eq(articles.id, frontPagePins.articleId))
    .where(
      and(
        atPlace(place),
        notExpired(now),
        isPublic(now),
        sectionIds ? inArray(articles.sectionId, sectionIds) : undefined,
      ),
    )
    .orderBy(asc(frontPagePins.position), asc(frontPagePins.id))
    .limit(MAX_PINS);
  return found.map((r) => r.id);
}

export type PinForEditing = {
  articleId: number;
  title: string;
  slug: string;
  status: string;
  publishedAt: number | null;
  sectionName: string;
  expiresAt: number | null;
  /** readers see it now: public, in the place's sections, not expired */
  live: boolean;
};

/** Every pin of a place, expired ones included, for the editor's page. */
export async function listPinsForEditing(
  place: PinPlace,
  { sectionIds, now = Date.now() }: { sectionIds?: number[]; now?: number } = {},
): Promise<PinForEditing[]> {
  const found = await db()
    .select({
      articleId: frontPagePins.articleId,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      publishedAt: articles.publishedAt,
      sectionId: articles.sectionId,
      sectionName: sections.name,
      expiresAt: frontPagePins.expiresAt,
    })
    .from(frontPagePins)
    .innerJoin(articles, eq(articles.id, frontPagePins.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(atPlace(place))
    .orderBy(asc(frontPagePins.position), asc(frontPagePins.id));
  return found.map(({ sectionId, ...pin }) => ({
    ...pin,
    live:
      (pin.status === 'published' || pin.status === 'scheduled') &&
      (pin.publishedAt ?? Infinity) <= now &&
      (pin.expiresAt === null || pin.expiresAt > now) &&
      (!sectionIds || sectionIds.includes(sectionId)),
  }));
}

export type PinCandidate = { id: number; title: string; status: string; publishedAt: number | null };

/** Stories an editor may pin at a place: the newest published or scheduled ones of its sections. */
export async function listPinCandidates(sectionIds?: number[], limit = 60): Promise<PinCandidate[]> {
  if (sectionIds?.length === 0) return [];
  return db()
    .select({ id: articles.id, title: articles.title, status: articles.status, publishedAt: articles.publishedAt })
    .from(articles)
    .where(
      and(
        sql`${articles.status} in ${sql.raw(PUBLIC_STATUS_SQL)}`,
        sectionIds ? inArray(articles.sectionId, sectionIds) : undefined,
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}

export type PinInput = { articleId: number; expiresAt: number | null };

export type ReplacePinsResult =
  | { ok: true; articleIds: number[] }
  | {
      ok: false;
      reason: 'too-many' | 'duplicate' | 'expired' | 'unknown-story' | 'outside-section';
      articleId?: number;
    };

/**
 * Sets a place's pins to `pins`, in that order, in one transaction: a pinned story must be published
 * or scheduled and, on a section's page, in the section or a subsection; an expiry must be in the
 * future. Two editors saving the same place at once are taken one after the other (a lock on the
 * place's name), so the list is always one of theirs, never a mix.
 */
export async function replacePins(
  actorId: number,
  place: PinPlace,
  pins: PinInput[],
  { sectionIds, now = Date.now() }: { sectionIds?: number[]; now?: number } = {},
): Promise<ReplacePinsResult> {
  if (pins.length > MAX_PINS) return { ok: false, reason: 'too-many' };
  const ids = pins.map((p) => p.articleId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) return { ok: false, reason: 'duplicate', articleId: duplicate };
  const expired = pins.find((p) => p.expiresAt !== null && p.expiresAt <= now);
  if (expired) return { ok: false, reason: 'expired', articleId: expired.articleId };

  return staffTransaction(async (tx) => {
    await lockKey(tx, `pins:${place ?? 'home'}`);
    return writePins(tx, actorId, place, pins, { sectionIds, now });
  });
}

/** A place's pins replaced by `pins`, checked; the caller holds the place's lock. */
async function writePins(
  tx: AppDb,
  actorId: number,
  place: PinPlace,
  pins: PinInput[],
  { sectionIds, now }: { sectionIds?: number[]; now: number },
): Promise<ReplacePinsResult> {
  const ids = pins.map((p) => p.articleId);
  const stories = ids.length
    ? await tx
        .select({ id: articles.id, sectionId: articles.sectionId })
        .from(articles)
        .where(and(inArray(articles.id, ids), sql`${articles.status} in ${sql.raw(PUBLIC_STATUS_SQL)}`))
    : [];
  const sectionOf = new Map(stories.map((s) => [s.id, s.sectionId]));
  for (const id of ids) {
    const sectionId = sectionOf.get(id);
    if (sectionId === undefined) return { ok: false, reason: 'unknown-story', articleId: id } as const;
    if (sectionIds && !sectionIds.includes(sectionId))
      return { ok: false, reason: 'outside-section', articleId: id } as const;
  }
  const before = await tx
    .select({ articleId: frontPagePins.articleId })
    .from(frontPagePins)
    .where(atPlace(place))
    .orderBy(asc(frontPagePins.position), asc(frontPagePins.id));
  await tx.delete(frontPagePins).where(atPlace(place));
  if (pins.length)
    await tx.insert(frontPagePins).values(
      pins.map((p, position) => ({
        sectionId: place,
        articleId: p.articleId,
        position,
        expiresAt: p.expiresAt,
        createdBy: actorId,
        createdAt: now,
      })),
    );
  await audit(
    tx,
    actorId,
    place,
    before.map((b) => b.articleId),
    pins,
    now,
  );
  return { ok: true, articleIds: ids } as const;
}

/** Where a story is pinned now (expired pins left out): null for the home page, else section ids. */
export async function listPinPlacesOf(articleId: number, now = Date.now()): Promise<PinPlace[]> {
  const rows = await db()
    .select({ sectionId: frontPagePins.sectionId })
    .from(frontPagePins)
    .where(and(eq(frontPagePins.articleId, articleId), notExpired(now)));
  return rows.map((r) => r.sectionId);
}

/**
 * Pins one story at the top of a place's list (it leads there), or takes it off, in one step from
 * the story's own page: the place's other pins keep their order and times, and pins whose time has
 * passed are dropped, as a save of the front-page form does. The same checks as replacePins.
 */
export async function setStoryPinned(
  actorId: number,
  place: PinPlace,
  articleId: number,
  pinned: boolean,
  { sectionIds, now = Date.now() }: { sectionIds?: number[]; now?: number } = {},
): Promise<ReplacePinsResult> {
  return staffTransaction(async (tx) => {
    await lockKey(tx, `pins:${place ?? 'home'}`);
    const current = await tx
      .select({ articleId: frontPagePins.articleId, expiresAt: frontPagePins.expiresAt })
      .from(frontPagePins)
      .where(and(atPlace(place), notExpired(now)))
      .orderBy(asc(frontPagePins.position), asc(frontPagePins.id));
    // Other pins that no longer show (their story unpublished or moved out of the section) go, as
    // expired ones do: they would refuse the whole list.
    const otherIds = current.map((p) => p.articleId).filter((id) => id !== articleId);
    const showing = otherIds.length
      ? await tx
          .select({ id: articles.id })
          .from(articles)
          .where(
            and(
              inArray(articles.id, otherIds),
              sql`${articles.status} in ${sql.raw(PUBLIC_STATUS_SQL)}`,
              sectionIds ? inArray(articles.sectionId, sectionIds) : undefined,
            ),
          )
      : [];
    const kept = new Set(showing.map((r) => r.id));
    const others = current.filter((p) => kept.has(p.articleId));
    const mine = current.find((p) => p.articleId === articleId);
    const pins = pinned ? [{ articleId, expiresAt: mine?.expiresAt ?? null }, ...others] : others;
    if (pins.length > MAX_PINS) return { ok: false, reason: 'too-many' } as const;
    return writePins(tx, actorId, place, pins, { sectionIds, now });
  });
}

async function audit(tx: AppDb, actorId: number, place: PinPlace, before: number[], pins: PinInput[], now: number) {
  await recordAudit(
    tx,
    {
      actorId,
      action: 'front-page.pins',
      objectType: place === null ? 'home' : 'section',
      objectId: place === null ? 'home' : place,
      detail: { before, after: pins.map((p) => p.articleId) },
    },
    now,
  );
}
