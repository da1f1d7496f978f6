// Story revisions, autosave, body photos and the media library, on both engines (vitest projects
// 'sqlite' and 'postgres'): every write goes through db/engine.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, transaction } from '@/db/engine';
import { articleMedia, articles, auditLog, authors, media, storyRevisions, users } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let temp: TestDatabase;
let revisions: typeof import('@/db/queries/revisions');
let photos: typeof import('@/db/queries/body-photos');
let bodyPhotos: typeof import('@/lib/media/body-photos');
let userAuthors: typeof import('@/db/queries/user-authors');
let ana: number;
let ben: number;
let storyId: number;

const text = (body: string, title = 'Harbour lights return') => ({
  title,
  standfirst: 'The quay is lit again.',
  byline: 'Ana',
  dateline: 'NINGBO',
  body,
});

beforeAll(async () => {
  temp = await createTestDatabase({ seed: true });
  revisions = await import('@/db/queries/revisions');
  photos = await import('@/db/queries/body-photos');
  bodyPhotos = await import('@/lib/media/body-photos');
  userAuthors = await import('@/db/queries/user-authors');
  const now = Date.now();
  [ana, ben] = (await transaction(async (tx) =>
    (
      await tx
        .insert(users)
        .values(
          ['ana', 'ben'].map((n) => ({
            email: `${n}@revisions.test`,
            name: n === 'ana' ? 'Ana Editor' : 'Ben Editor',
            role: 'editor' as const,
            passwordHash: 'x',
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: users.id })
    ).map((r) => r.id),
  )) as [number, number];
  const [story] = await db().select({ id: articles.id }).from(articles).limit(1);
  storyId = story!.id;
});
afterAll(() => temp.cleanup());

describe('revisions', () => {
  it('keeps the text a story had before its first tracked save, then the save', async () => {
    const [before] = await db().select({ body: articles.body }).from(articles).where(eq(articles.id, storyId));
    const claim = await revisions.claimRevision(storyId, ana, text('First tracked body.'), { base: null });
    expect(claim.ok).toBe(true);
    const list = await revisions.listRevisions(storyId);
    expect(list.map((r) => r.kind)).toEqual(['save', 'save']);
    const original = await revisions.getRevision(storyId, list[1]!.id);
    expect(original!.body).toBe(before!.body);
    expect(list[0]).toMatchObject({ userName: 'Ana Editor' });
  });

  it('of two saves from the same revision at once, exactly one passes; the other learns who saved', async () => {
    const base = (await revisions.latestSavedRevision(storyId))!.id;
    const results = await Promise.all([
      revisions.claimRevision(storyId, ana, text('Ana’s version.'), { base }),
      revisions.claimRevision(storyId, ben, text('Ben’s version.'), { base }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toBeDefined();
    if (refused && !refused.ok) expect(['Ana Editor', 'Ben Editor']).toContain(refused.conflict.userName);
    // A save from the old revision later is refused too; without a base (overwrite) it passes.
    expect((await revisions.claimRevision(storyId, ben, text('Late.'), { base })).ok).toBe(false);
    expect((await revisions.claimRevision(storyId, ben, text('Overwrite.'), { base: undefined })).ok).toBe(true);
  });

  it('keeps one autosave per editor and story, tells who else is editing, and hands it back until a save', async () => {
    const base = (await revisions.latestSavedRevision(storyId))!.id;
    await revisions.autosaveStory(storyId, ana, text('Ana typing 1'), base);
    await revisions.autosaveStory(storyId, ana, text('Ana typing 2'), base);
    const result = await revisions.autosaveStory(storyId, ben, text('Ben typing'), base);
    expect(result!.others.map((o) => o.name)).toEqual(['Ana Editor']);
    expect(result!.newerSave).toBeUndefined();
    const anas = await db()
      .select({ body: storyRevisions.body })
      .from(storyRevisions)
      .where(eq(storyRevisions.userId, ana));
    expect(anas.filter((r) => r.body.startsWith('Ana typing')).map((r) => r.body)).toEqual(['Ana typing 2']);
    expect((await revisions.pendingAutosave(storyId, ana))!.body).toBe('Ana typing 2');

    // Ben saves: his autosave goes; Ana's stays hers, and her next autosave hears of Ben's save.
    expect((await revisions.claimRevision(storyId, ben, text('Ben saved'), { base })).ok).toBe(true);
    expect(await revisions.pendingAutosave(storyId, ben)).toBeUndefined();
    const later = await revisions.autosaveStory(storyId, ana, text('Ana typing 3'), base);
    expect(later!.newerSave).toMatchObject({ name: 'Ben Editor' });
    expect(later!.others).toEqual([]);
  });

  it('an autosave of a story that is gone writes nothing', async () => {
    expect(await revisions.autosaveStory(999_999, ana, text('x'), null)).toBeUndefined();
  });
});

describe('photos in the body and the media library', () => {
  const image = (key: string) => ({
    path: `/media/${key}/1600.webp`,
    width: 1600,
    height: 1000,
    variants: [320, 640, 1600].map((w) => ({ width: w, path: `/media/${key}/${w}.webp` })),
  });
  let first: number;
  let second: number;

  it('renders {{photo}} and {{gallery}} blocks from the library, escaped, and leaves outside images out', async () => {
    first = await photos.addLibraryPhoto(ana, image('a'.repeat(22)), {
      alt: 'Lanterns "on" <the> quay',
      caption: 'Lanterns at dusk',
      credit: 'Ana',
    });
    second = await photos.addLibraryPhoto(ana, image('b'.repeat(22)), { alt: 'Boats', caption: '', credit: '' });
    const source = `Para one.\n{{photo ${first}}}\n\nPara two.\n\n{{gallery ${first} ${second}}}\n\nEnd.`;
    const rendered = await bodyPhotos.renderStoryBody(source);
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    const html = rendered.rendered.bodyHtml;
    expect(html).toContain('<figure class="story-photo"><img src="/media/aaaaaaaaaaaaaaaaaaaaaa/1600.webp"');
    expect(html).toContain('alt="Lanterns &quot;on&quot; &lt;the&gt; quay"');
    expect(html).toContain('<figcaption>Lanterns at dusk <span class="photo-credit">Ana</span></figcaption>');
    expect(html).toContain('aria-label="Gallery, 2 photos"');
    expect(html.indexOf('Para one.')).toBeLessThan(html.indexOf('story-photo'));
    expect(html).not.toContain('{{');
    expect(rendered.mediaIds).toEqual([first, second]);
    expect(rendered.rendered.wordCount).toBe(5);

    // An image from another site: saved, named for the editor, and left out of what readers get.
    const outside = await bodyPhotos.renderStoryBody(
      'Look: ![x](https://example.com/a.jpg)\n\n<img src="//evil.test/x.png">',
    );
    expect(outside).toMatchObject({ ok: true, outsideImage: 'https://example.com/a.jpg' });
    expect(outside.ok && outside.rendered.bodyHtml).toBe('<p>Look: </p>\n');
    const missing = await bodyPhotos.renderStoryBody('{{photo 987654}}');
    expect(missing.ok ? '' : missing.message).toContain('987654');
  });

  it('lists uploads with search and where each is used; deleting one in use asks first', async () => {
    await photos.setStoryBodyPhotos(storyId, [first]);
    const found = await photos.listLibrary('lanterns', { limit: 10, offset: 0 });
    expect(found.map((p) => p.id)).toEqual([first]);
    expect(found[0]!.uses).toBe(1);
    expect(await photos.countLibrary('LANTERNS')).toBe(1);
    expect(await photos.countLibrary('100%')).toBe(0);
    expect((await photos.listPhotoUses(first)).map((u) => [u.id, u.as])).toEqual([[storyId, 'body']]);

    expect(await photos.deleteLibraryPhoto(ana, first, false)).toEqual({ ok: false, reason: 'in-use', uses: 1 });
    expect(await db().select().from(media).where(eq(media.id, first))).toHaveLength(1);
    const deleted = await photos.deleteLibraryPhoto(ana, first, true);
    expect(deleted).toMatchObject({ ok: true, bodyStories: [storyId] });
    expect(await db().select().from(articleMedia).where(eq(articleMedia.mediaId, first))).toHaveLength(0);
    // The story's stored HTML no longer shows it once re-rendered.
    await bodyPhotos.rerenderBodies([storyId]);
    const [row] = await db().select({ html: articles.bodyHtml }).from(articles).where(eq(articles.id, storyId));
    expect(row!.html).not.toContain('aaaaaaaaaaaaaaaaaaaaaa');
    // Unused: deleted without asking; then it is missing.
    expect(await photos.deleteLibraryPhoto(ana, second, false)).toMatchObject({ ok: true });
    expect(await photos.deleteLibraryPhoto(ana, second, true)).toEqual({ ok: false, reason: 'missing' });
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.objectType, 'media'));
    expect(audit.map((a) => a.action).sort()).toEqual(['media.delete', 'media.delete', 'media.upload', 'media.upload']);
  });
});

describe('accounts and author pages', () => {
  it('links an account to an author page and unlinks it; unknown ones change nothing', async () => {
    const [author] = await db().select({ id: authors.id, name: authors.name }).from(authors).limit(1);
    expect(await userAuthors.linkUserToAuthor(ana, ben, author!.id)).toEqual({ authorName: author!.name });
    const read = async () =>
      (await db().select({ authorId: users.authorId }).from(users).where(eq(users.id, ben)))[0]!.authorId;
    expect(await read()).toBe(author!.id);
    expect(await userAuthors.linkUserToAuthor(ana, ben, 999_999)).toBeUndefined();
    expect(await read()).toBe(author!.id);
    expect(await userAuthors.linkUserToAuthor(ana, ben, null)).toEqual({ authorName: null });
    expect(await read()).toBeNull();
  });
});

describe('restoring and keeping revisions (decision 062)', () => {
  const write = (slug: string, title: string, body: string, status: 'draft' | 'published' = 'draft') => ({
    title,
    slug,
    standfirst: 'Night buses return.',
    sectionId: 1,
    authorId: null,
    byline: 'Wen',
    dateline: 'CHENGDU',
    body,
    bodyHtml: `<p>${body}</p>\n`,
    wordCount: 2,
    tags: [],
    relatedIds: [],
    status,
    publishedAt: status === 'published' ? Date.now() - 1000 : null,
  });
  const claimOf = (title: string, body: string) => ({
    text: { title, standfirst: 'Night buses return.', byline: 'Wen', dateline: 'CHENGDU', body },
    base: undefined,
  });
  const savedRevisions = (articleId: number) =>
    db()
      .select({ id: storyRevisions.id, kind: storyRevisions.kind, body: storyRevisions.body })
      .from(storyRevisions)
      .where(eq(storyRevisions.articleId, articleId))
      .orderBy(storyRevisions.id);

  it('a writer who loses the right to edit between opening the page and restoring writes nothing', async () => {
    const { saveStory, lockedStory } = await import('@/db/queries/admin-stories');
    const { restoreStoryRevision } = await import('@/lib/admin/restore-revision');
    const now = Date.now();
    const [wen] = await transaction((tx) =>
      tx
        .insert(users)
        .values({
          email: 'wen@revisions.test',
          name: 'Wen Writer',
          role: 'writer',
          passwordHash: 'x',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id }),
    );
    const writer = { id: wen!.id, role: 'writer' as const };
    const story = await saveStory(
      writer.id,
      undefined,
      write('night-buses', 'Night buses', 'First.'),
      now,
      undefined,
      claimOf('Night buses', 'First.'),
    );
    await saveStory(
      writer.id,
      story.id,
      write('night-buses', 'Night buses return', 'Second.'),
      now + 1,
      undefined,
      claimOf('Night buses return', 'Second.'),
    );
    const revisionsBefore = await savedRevisions(story.id);
    const first = revisionsBefore[0]!;
    const auditBefore = await db().select({ id: auditLog.id }).from(auditLog);

    // The writer has the revisions page open. An editor publishes the story, holding its row while the
    // writer's restore starts: the restore's own checks ran on the story as a draft.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const publishing = transaction(async (tx) => {
      await lockedStory(tx, story.id);
      await gate;
      await tx.update(articles).set({ status: 'published', publishedAt: now }).where(eq(articles.id, story.id));
    });
    const restoring = restoreStoryRevision({ id: story.id, revision: first.id }, writer);
    await new Promise((resolve) => setTimeout(resolve, 400));
    release();
    await publishing;
    expect(await restoring).toEqual({ ok: false, message: 'You cannot edit this story.' });

    expect(await savedRevisions(story.id)).toEqual(revisionsBefore);
    const [row] = await db()
      .select({ title: articles.title, body: articles.body })
      .from(articles)
      .where(eq(articles.id, story.id));
    expect(row).toEqual({ title: 'Night buses return', body: 'Second.' });
    expect(await db().select({ id: auditLog.id }).from(auditLog)).toEqual(auditBefore);
  });

  it(`a story saved 60 times keeps its newest ${50} revisions and its first, and any of them restores`, async () => {
    const { saveStory } = await import('@/db/queries/admin-stories');
    const { restoreStoryRevision } = await import('@/lib/admin/restore-revision');
    const editor = { id: ana, role: 'editor' as const };
    const now = Date.now();
    const story = await saveStory(
      ana,
      undefined,
      write('long-story', 'Take 0', 'Body 0.', 'published'),
      now,
      undefined,
      claimOf('Take 0', 'Body 0.'),
    );
    for (let i = 1; i < 60; i++)
      await saveStory(
        ana,
        story.id,
        write('long-story', `Take ${i}`, `Body ${i}.`, 'published'),
        now + i,
        undefined,
        claimOf(`Take ${i}`, `Body ${i}.`),
      );
    // An autosave is not a saved revision: it is neither counted nor pruned.
    await revisions.autosaveStory(story.id, ben, text('Ben typing'), null);

    const kept = await savedRevisions(story.id);
    const saved = kept.filter((r) => r.kind !== 'autosave');
    expect(revisions.KEPT_REVISIONS).toBe(50);
    expect(saved).toHaveLength(51);
    expect(saved.map((r) => r.body)).toEqual(['Body 0.', ...Array.from({ length: 50 }, (_, i) => `Body ${i + 10}.`)]);
    expect(kept.filter((r) => r.kind === 'autosave')).toHaveLength(1);

    // The first and one from the middle restore; the bound holds after the restores too.
    for (const target of [saved[0]!, saved[20]!]) {
      const result = await restoreStoryRevision({ id: story.id, revision: target.id }, editor);
      expect(result.ok).toBe(true);
      const [row] = await db()
        .select({ body: articles.body, status: articles.status })
        .from(articles)
        .where(eq(articles.id, story.id));
      expect(row).toEqual({ body: target.body, status: 'published' });
    }
    const after = (await savedRevisions(story.id)).filter((r) => r.kind !== 'autosave');
    expect(after).toHaveLength(51);
    expect(after[0]!.body).toBe('Body 0.');
    expect(after.slice(-2).map((r) => r.kind)).toEqual(['restore', 'restore']);
  });
});
