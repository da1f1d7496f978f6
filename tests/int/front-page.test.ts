// Runs on both engines: front-page pins, corrections in public and the readers a vote burst holds.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, transaction } from '@/db/engine';
import { articles, auditLog, sections, users, votes } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;
let temp: TestDatabase;
let pins: typeof import('@/db/queries/pins');
let corrections: typeof import('@/db/queries/corrections');
let bursts: typeof import('@/db/queries/burst-readers');
let articleQueries: typeof import('@/db/queries/articles');
let editorId: number;

beforeAll(async () => {
  temp = await createTestDatabase({ now: NOW });
  pins = await import('@/db/queries/pins');
  corrections = await import('@/db/queries/corrections');
  bursts = await import('@/db/queries/burst-readers');
  articleQueries = await import('@/db/queries/articles');
  const [user] = await transaction((tx) =>
    tx
      .insert(users)
      .values({
        email: 'pins@example.com',
        name: 'Pin Editor',
        role: 'editor',
        passwordHash: 'x',
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning({ id: users.id }),
  );
  editorId = user!.id;
});
afterAll(() => temp.cleanup());

/** Public stories, newest first, with their sections. */
async function publicStories() {
  return db()
    .select({ id: articles.id, sectionId: articles.sectionId, slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.status, 'published')))
    .orderBy(desc(articles.publishedAt), desc(articles.id));
}

async function sectionId(slug: string) {
  const [row] = await db().select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).limit(1);
  return row!.id;
}

describe('front-page pins', () => {
  it('falls back to the newest story when nothing is pinned', async () => {
    expect(await pins.listLivePinIds(null, { now: NOW })).toEqual([]);
  });

  it('keeps the editor’s order, and the first pin is the lead', async () => {
    const stories = await publicStories();
    const [newest, , third, , fifth] = stories;
    const result = await pins.replacePins(
      editorId,
      null,
      [
        { articleId: fifth!.id, expiresAt: null },
        { articleId: third!.id, expiresAt: NOW + HOUR },
      ],
      { now: NOW },
    );
    expect(result).toEqual({ ok: true, articleIds: [fifth!.id, third!.id] });
    expect(await pins.listLivePinIds(null, { now: NOW })).toEqual([fifth!.id, third!.id]);
    const cards = await articleQueries.listArticleCardsByIds(await pins.listLivePinIds(null, { now: NOW }), NOW);
    expect(cards.map((c) => c.id)).toEqual([fifth!.id, third!.id]);
    expect(cards[0]!.id).not.toBe(newest!.id);

    // The pin's time passes: the story drops out by itself.
    expect(await pins.listLivePinIds(null, { now: NOW + HOUR })).toEqual([fifth!.id]);
    const editing = await pins.listPinsForEditing(null, { now: NOW + HOUR });
    expect(editing.map((p) => [p.articleId, p.live])).toEqual([
      [fifth!.id, true],
      [third!.id, false],
    ]);

    const [entry] = await db()
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'front-page.pins'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(JSON.parse(entry!.detail)).toEqual({ before: [], after: [fifth!.id, third!.id] });
  });

  it('refuses drafts, repeats, past times, too many pins and stories of another section, and changes nothing', async () => {
    const before = await pins.listLivePinIds(null, { now: NOW });
    const stories = await publicStories();
    const [draft] = await db().select({ id: articles.id }).from(articles).where(eq(articles.status, 'draft')).limit(1);
    const one = { articleId: stories[0]!.id, expiresAt: null };
    expect(await pins.replacePins(editorId, null, [{ articleId: draft!.id, expiresAt: null }], { now: NOW })).toEqual({
      ok: false,
      reason: 'unknown-story',
      articleId: draft!.id,
    });
    expect(await pins.replacePins(editorId, null, [one, one], { now: NOW })).toMatchObject({ reason: 'duplicate' });
    expect(await pins.replacePins(editorId, null, [{ ...one, expiresAt: NOW - 1 }], { now: NOW })).toMatchObject({
      reason: 'expired',
    });
    const many = stories.slice(0, pins.MAX_PINS + 1).map((s) => ({ articleId: s.id, expiresAt: null }));
    expect(await pins.replacePins(editorId, null, many, { now: NOW })).toMatchObject({ reason: 'too-many' });

    const business = await sectionId('business');
    const elsewhere = stories.find((s) => s.sectionId !== business)!;
    expect(
      await pins.replacePins(editorId, business, [{ articleId: elsewhere.id, expiresAt: null }], {
        sectionIds: [business],
        now: NOW,
      }),
    ).toMatchObject({ reason: 'outside-section', articleId: elsewhere.id });
    expect(await pins.listLivePinIds(null, { now: NOW })).toEqual(before);
  });

  it('pins of a section stay on that section and leave when the story moves away', async () => {
    const business = await sectionId('business');
    const inBusiness = (await publicStories()).filter((s) => s.sectionId === business);
    const oldest = inBusiness.at(-1)!;
    expect(
      await pins.replacePins(editorId, business, [{ articleId: oldest.id, expiresAt: null }], {
        sectionIds: [business],
        now: NOW,
      }),
    ).toMatchObject({ ok: true });
    expect(await pins.listLivePinIds(business, { sectionIds: [business], now: NOW })).toEqual([oldest.id]);
    expect(await pins.listLivePinIds(null, { now: NOW })).not.toContain(oldest.id);

    const other = await sectionId('sports');
    await transaction((tx) => tx.update(articles).set({ sectionId: other }).where(eq(articles.id, oldest.id)));
    expect(await pins.listLivePinIds(business, { sectionIds: [business], now: NOW })).toEqual([]);
    await transaction((tx) => tx.update(articles).set({ sectionId: business }).where(eq(articles.id, oldest.id)));
  });

  it('two editors saving the home page at once leave one of their lists, never a mix', async () => {
    const stories = await publicStories();
    const a = stories.slice(0, 3).map((s) => ({ articleId: s.id, expiresAt: null }));
    const b = stories.slice(3, 6).map((s) => ({ articleId: s.id, expiresAt: null }));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pins.replacePins(editorId, null, i % 2 ? a : b, { now: NOW })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const live = await pins.listLivePinIds(null, { now: NOW });
    expect([a.map((p) => p.articleId), b.map((p) => p.articleId)]).toContainEqual(live);
    await pins.replacePins(editorId, null, [], { now: NOW });
    expect(await pins.listLivePinIds(null, { now: NOW })).toEqual([]);
  });
});

it('a section page lists the rest newest first without its pins', async () => {
  const business = await sectionId('business');
  const filter = { sectionIds: [business] };
  const all = await articleQueries.listArticles(filter, { limit: 100, now: NOW });
  const pinned = all.at(-1)!.id;
  const rest = await articleQueries.listArticles({ ...filter, excludeIds: [pinned] }, { limit: 100, now: NOW });
  expect(rest.map((a) => a.id)).toEqual(all.map((a) => a.id).filter((id) => id !== pinned));
  expect(await articleQueries.countArticles({ ...filter, excludeIds: [pinned] }, NOW)).toBe(all.length - 1);
});

describe('corrections in public', () => {
  it('appends a dated note to a published story and moves its update time', async () => {
    const [story] = await publicStories();
    const later = NOW + 2 * HOUR;
    const result = await corrections.addCorrection(
      editorId,
      story!.id,
      { kind: 'correction', note: 'An earlier version gave the wrong year.' },
      later,
    );
    expect(result).toMatchObject({ ok: true, slug: story!.slug });
    await corrections.addCorrection(editorId, story!.id, { kind: 'update', note: 'The ministry replied.' }, later + 1);
    expect((await corrections.listCorrections(story!.id)).map((c) => [c.kind, c.note, c.createdAt])).toEqual([
      ['correction', 'An earlier version gave the wrong year.', later],
      ['update', 'The ministry replied.', later + 1],
    ]);
    const full = await db()
      .select({ revisedAt: articles.revisedAt })
      .from(articles)
      .where(eq(articles.id, story!.id))
      .limit(1);
    expect(full[0]!.revisedAt).toBe(later + 1);
    const map = await corrections.listCorrectionsFor([story!.id, 999_999]);
    expect(map.get(story!.id)).toHaveLength(2);
    expect(map.has(999_999)).toBe(false);
    const audited = await db()
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(
        and(inArray(auditLog.action, ['story.correction', 'story.update']), eq(auditLog.objectId, String(story!.id))),
      );
    expect(audited[0]!.n).toBe(2);
  });

  it('refuses a draft, a scheduled story and a missing one, writing nothing', async () => {
    const [draft] = await db().select({ id: articles.id }).from(articles).where(eq(articles.status, 'draft')).limit(1);
    const [scheduled] = await db()
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.status, 'scheduled'))
      .limit(1);
    for (const id of [draft!.id, scheduled!.id])
      expect(await corrections.addCorrection(editorId, id, { kind: 'update', note: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'not-public',
      });
    expect(await corrections.addCorrection(editorId, 999_999, { kind: 'update', note: 'x' }, NOW)).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect((await corrections.listCorrectionsFor([draft!.id, scheduled!.id])).size).toBe(0);
  });
});

describe('readers in a vote burst', () => {
  it('counts the distinct reader cookies of the burst’s counted votes only', async () => {
    const [story] = await publicStories();
    await transaction(async (tx) => {
      for (let i = 0; i < 6; i++)
        await tx.insert(votes).values({
          articleId: story!.id,
          readerId: `burst-reader-${i}`,
          mood: 'angry',
          ipHash: 'burst-hash',
          createdAt: NOW + i * 1000,
          updatedAt: NOW + i * 1000,
          voidedAt: i === 5 ? NOW + 10_000 : null,
        });
    });
    expect(
      await bursts.countBurstReaders([
        { articleId: story!.id, ipHash: 'burst-hash', from: NOW, to: NOW + 5000 },
        { articleId: story!.id, ipHash: 'burst-hash', from: NOW, to: NOW + 2000 },
        { articleId: story!.id, ipHash: 'other-hash', from: NOW, to: NOW + 5000 },
      ]),
    ).toEqual([5, 3, 0]);
  });
});

describe('the home page’s section blocks (decision 036, 062)', () => {
  it('a story pinned in a section leads that section’s block, as on the section’s page', async () => {
    const frontPage = await import('@/db/queries/front-page');
    const business = await sectionId('business');
    const [parent] = await db().select({ parentId: sections.parentId }).from(sections).where(eq(sections.id, business));
    expect(parent!.parentId).toBeNull();
    const top = await frontPage.listTopStories(NOW);
    const shown = top.map((a) => a.id);
    const blockOf = async () =>
      (await frontPage.listHomeSectionBlocks(shown, NOW)).find((b) => b.section.id === business)!.stories;
    const { listSections, sectionAndDescendantIds } = await import('@/db/queries/sections');
    const inSection = sectionAndDescendantIds(await listSections(), business);
    // Pins the tests above left on the section go first: the block starts newest first.
    await pins.replacePins(editorId, business, [], { sectionIds: inSection, now: NOW });
    const before = await blockOf();
    // The oldest story of the section or its subsections, which its block would not show by date.
    const oldest = (await publicStories())
      .filter((s) => inSection.includes(s.sectionId) && !shown.includes(s.id))
      .at(-1)!;
    expect(before.map((a) => a.id)).not.toContain(oldest.id);

    await pins.replacePins(editorId, business, [{ articleId: oldest.id, expiresAt: null }], {
      sectionIds: inSection,
      now: NOW,
    });
    const after = await blockOf();
    expect(after[0]!.id).toBe(oldest.id);
    expect(after.slice(1).map((a) => a.id)).toEqual(before.slice(0, after.length - 1).map((a) => a.id));
    expect(after).toHaveLength(frontPage.SECTION_BLOCK_STORIES);

    // An expired or removed pin gives the block back to the newest stories.
    await pins.replacePins(editorId, business, [], { sectionIds: inSection, now: NOW });
    expect((await blockOf()).map((a) => a.id)).toEqual(before.map((a) => a.id));
  });
});

describe('pinning one story from its page (decision 062)', () => {
  it('puts it at the top of the place, keeps the others in order, and unpins it alone', async () => {
    const [a, b, c] = await publicStories();
    await pins.replacePins(
      editorId,
      null,
      [
        { articleId: a!.id, expiresAt: null },
        { articleId: b!.id, expiresAt: NOW + HOUR },
      ],
      { now: NOW },
    );
    expect(await pins.setStoryPinned(editorId, null, c!.id, true, { now: NOW })).toMatchObject({ ok: true });
    expect(await pins.listLivePinIds(null, { now: NOW })).toEqual([c!.id, a!.id, b!.id]);
    expect(await pins.listPinPlacesOf(c!.id, NOW)).toEqual([null]);
    // Pinning a pinned story again brings it to the top, its time kept.
    expect(await pins.setStoryPinned(editorId, null, b!.id, true, { now: NOW })).toMatchObject({ ok: true });
    const listed = await pins.listPinsForEditing(null, { now: NOW });
    expect(listed.map((p) => [p.articleId, p.expiresAt])).toEqual([
      [b!.id, NOW + HOUR],
      [c!.id, null],
      [a!.id, null],
    ]);
    expect(await pins.setStoryPinned(editorId, null, c!.id, false, { now: NOW })).toMatchObject({ ok: true });
    expect(await pins.listLivePinIds(null, { now: NOW })).toEqual([b!.id, a!.id]);
    const audit = await db()
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'front-page.pins'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ before: [b!.id, c!.id, a!.id], after: [b!.id, a!.id] });
  });

  it('refuses a draft and a story of another section, and a ninth pin, changing nothing', async () => {
    const business = await sectionId('business');
    const stories = await publicStories();
    const outside = stories.find((s) => s.sectionId !== business)!;
    expect(
      await pins.setStoryPinned(editorId, business, outside.id, true, { sectionIds: [business], now: NOW }),
    ).toMatchObject({ ok: false, reason: 'outside-section' });
    const [draft] = await db().select({ id: articles.id }).from(articles).where(eq(articles.status, 'draft')).limit(1);
    expect(draft).toBeDefined();
    expect(await pins.setStoryPinned(editorId, null, draft!.id, true, { now: NOW })).toMatchObject({
      ok: false,
      reason: 'unknown-story',
    });
    const eight = stories.slice(0, pins.MAX_PINS).map((s) => ({ articleId: s.id, expiresAt: null }));
    await pins.replacePins(editorId, null, eight, { now: NOW });
    const ninth = stories[pins.MAX_PINS]!;
    expect(await pins.setStoryPinned(editorId, null, ninth.id, true, { now: NOW })).toEqual({
      ok: false,
      reason: 'too-many',
    });
    expect(await pins.listLivePinIds(null, { now: NOW })).toEqual(eight.map((p) => p.articleId));
    await pins.replacePins(editorId, null, [], { now: NOW });
  });
});
