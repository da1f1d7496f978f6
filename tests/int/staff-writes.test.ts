import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/engine';
import { auditLog, articles, redirects, sections, users } from '@/db/schema';
import { createUserFromCli, ensureFirstAdmin, resetPasswordFromCli, setDisabledFromCli } from '@/lib/accounts';
import { saveStory, StoryRefused, unpublishStory } from '@/db/queries/admin-stories';
import { renderedBody } from '@/lib/markdown';
import { deleteSection, updateSection, wouldCycle } from '@/db/queries/admin-sections';
import { isPublic } from '@/db/queries/visibility';
import { takeRateLimit } from '@/db/queries/throttle';
import { mediaStore } from '@/lib/media/store';
import { processHeroUpload, UploadError } from '@/lib/media/upload';
import { verifyPassword } from '@/lib/password';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Runs on SQLite and PostgreSQL: reads through db(), never the synchronous SQLite connection.
let env: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  env = await createTestDatabase();
  // Uploads go beside the database file; on PostgreSQL, a folder of this test's own.
  if (env.kind === 'postgres') {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-staff-writes-'));
    process.env.DATABASE_PATH = path.join(dataDir, 'unused.db');
  }
});
afterAll(async () => {
  await env.cleanup();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const userByEmail = async (email: string) => (await db().select().from(users).where(eq(users.email, email)))[0]!;
const findRedirect = async (from: string) =>
  (await db().select().from(redirects).where(eq(redirects.fromPath, from)))[0]?.toPath;
const publicTitle = async (slug: string) =>
  (
    await db()
      .select()
      .from(articles)
      .where(and(eq(articles.slug, slug), isPublic()))
  )[0]?.title;

const base = {
  standfirst: '',
  authorId: null,
  byline: 'T',
  dateline: '',
  ...renderedBody('Hello **world**'),
  tags: ['Night markets'],
  relatedIds: [] as number[],
};

describe('first administrator and the command line', () => {
  it('creates admin@localhost with a random password once, stored only as an argon2id hash', async () => {
    const lines: string[] = [];
    await ensureFirstAdmin({}, (l) => lines.push(l));
    const admin = await userByEmail('admin@localhost');
    expect(admin.role).toBe('admin');
    const password = /password \(shown once, stored only hashed\): (\S+)/.exec(lines.join('\n'))![1]!;
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(admin.passwordHash).not.toContain(password);
    expect(await verifyPassword(admin.passwordHash, password)).toBe(true);
    await ensureFirstAdmin({}, (l) => lines.push(l));
    expect(await db().select().from(users)).toHaveLength(1);
  });

  it('refuses weak passwords and duplicate accounts; reset and disable end sessions', async () => {
    expect(await createUserFromCli({ email: 'w@example.com', role: 'writer', password: 'password123' })).toMatchObject({
      ok: false,
    });
    expect(
      await createUserFromCli({ email: 'w@example.com', role: 'writer', password: 'Copper-Meadow-Lark-77' }),
    ).toMatchObject({ ok: true });
    expect(await createUserFromCli({ email: 'W@example.com', role: 'writer' })).toMatchObject({ ok: false });
    const before = await userByEmail('w@example.com');
    await new Promise((r) => setTimeout(r, 5));
    const reset = await resetPasswordFromCli({ email: 'w@example.com' });
    expect(reset.ok && reset.password).toBeTruthy();
    expect(await setDisabledFromCli({ email: 'w@example.com', disabled: true })).toMatchObject({ ok: true });
    const after = await userByEmail('w@example.com');
    expect(after.disabled).toBe(true);
    expect(after.sessionsValidAfter).toBeGreaterThan(before.sessionsValidAfter);
  });
});

describe('saving stories', () => {
  it('renders the body at save time, writes the audit row and keeps old addresses as redirects without chains', async () => {
    const actor = (await db().select().from(users).orderBy(asc(users.id)).limit(1))[0]!.id;
    const saved = await saveStory(actor, undefined, {
      ...base,
      title: 'Night market',
      slug: 'night-market',
      sectionId: 1,
      status: 'published',
      publishedAt: Date.now() - 1000,
    });
    const [row] = await db().select().from(articles).where(eq(articles.id, saved.id));
    expect(row!.bodyHtml).toBe('<p>Hello <strong>world</strong></p>\n');
    expect(row!.wordCount).toBe(2);
    expect(await publicTitle('night-market')).toBe('Night market');

    await saveStory(actor, saved.id, {
      ...base,
      title: 'Night market',
      slug: 'night-market-2',
      sectionId: 1,
      status: 'published',
      publishedAt: row!.publishedAt,
    });
    await saveStory(actor, saved.id, {
      ...base,
      title: 'Night market',
      slug: 'night-market-3',
      sectionId: 1,
      status: 'published',
      publishedAt: row!.publishedAt,
    });
    expect(await findRedirect('/news/night-market')).toBe('/news/night-market-3');
    expect(await findRedirect('/news/night-market-2')).toBe('/news/night-market-3');
    // Back to an old name: that address is a page again, not a redirect.
    await saveStory(actor, saved.id, {
      ...base,
      title: 'Night market',
      slug: 'night-market',
      sectionId: 1,
      status: 'published',
      publishedAt: row!.publishedAt,
    });
    expect(await findRedirect('/news/night-market')).toBeUndefined();
    expect(await findRedirect('/news/night-market-3')).toBe('/news/night-market');

    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, String(saved.id)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['story.create', 'story.update', 'story.update', 'story.update']);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ oldSlug: 'night-market', changed: ['slug'] });

    await unpublishStory(actor, saved.id);
    expect(await publicTitle('night-market')).toBeUndefined();
  });

  it('a draft renamed before it was ever public leaves no redirect', async () => {
    const saved = await saveStory(1, undefined, {
      ...base,
      title: 'Draft',
      slug: 'quiet-draft',
      sectionId: 1,
      status: 'draft',
      publishedAt: null,
    });
    await saveStory(1, saved.id, {
      ...base,
      title: 'Draft',
      slug: 'quiet-draft-2',
      sectionId: 1,
      status: 'draft',
      publishedAt: null,
    });
    expect(await findRedirect('/news/quiet-draft')).toBeUndefined();
  });

  it('rolls everything back when any part of the save fails', async () => {
    const count = (await db().select().from(auditLog)).length;
    // The story row and its tags are written before the related pick that names no story fails.
    await expect(
      saveStory(1, undefined, {
        ...base,
        title: 'Broken',
        slug: 'broken',
        sectionId: 1,
        relatedIds: [99999],
        status: 'draft',
        publishedAt: null,
      }),
    ).rejects.toThrow();
    // A section that does not exist is refused before anything is written.
    await expect(
      saveStory(1, undefined, {
        ...base,
        title: 'Broken',
        slug: 'broken',
        sectionId: 99999,
        status: 'draft',
        publishedAt: null,
      }),
    ).rejects.toBeInstanceOf(StoryRefused);
    expect(await db().select().from(articles).where(eq(articles.slug, 'broken'))).toEqual([]);
    expect(await db().select().from(auditLog)).toHaveLength(count);
  });
});

describe('sections', () => {
  it('refuses cycles and deleting a section with stories; a slug change redirects', async () => {
    const [c] = await db().select().from(sections).where(eq(sections.slug, 'china-news'));
    const [ch] = await db().select().from(sections).where(eq(sections.parentId, c!.id)).limit(1);
    expect(await wouldCycle(c!.id, ch!.id)).toBe(true);
    expect(await wouldCycle(c!.id, c!.id)).toBe(true);
    expect(await wouldCycle(ch!.id, c!.id)).toBe(false);
    expect(await deleteSection(1, c!.id)).toMatchObject({ ok: false, reason: 'stories' });
    expect(
      await updateSection(1, ch!.id, { name: ch!.name, slug: `${ch!.slug}-x`, description: '', parentId: c!.id }),
    ).toMatchObject({ ok: true });
    expect(
      await updateSection(1, c!.id, { name: c!.name, slug: c!.slug, description: '', parentId: ch!.id }),
    ).toMatchObject({ ok: false, reason: 'cycle' });
    expect(await findRedirect(`/section/${ch!.slug}`)).toBe(`/section/${ch!.slug}-x`);
  });
});

describe('rate limits', () => {
  it('allows the limit per window and refuses after, also when the hits come at once', async () => {
    const t = 10 * 3_600_000;
    const results: boolean[] = [];
    for (let i = 0; i < 7; i++) results.push(await takeRateLimit('test:key', 5, 3_600_000, t));
    expect(results).toEqual([true, true, true, true, true, false, false]);
    expect(await takeRateLimit('test:key', 5, 3_600_000, t + 3_600_000)).toBe(true);
    const burst = await Promise.all(Array.from({ length: 40 }, () => takeRateLimit('test:burst', 5, 3_600_000, t)));
    expect(burst.filter(Boolean)).toHaveLength(5);
  });
});

describe('hero uploads', () => {
  it('writes five WebP widths, never enlarged, and refuses non-photos and tiny images', async () => {
    const png = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const out = await processHeroUpload(png);
    expect(out.variants.map((v) => v.width)).toEqual([320, 640, 960, 1000, 1000]);
    expect(out.width).toBe(1000);
    for (const file of ['320.webp', '640.webp', '960.webp', '1280.webp', '1600.webp'])
      expect((await mediaStore().read(out.key, file))?.contentType, file).toBe('image/webp');
    await expect(processHeroUpload(Buffer.from('<svg></svg>'))).rejects.toBeInstanceOf(UploadError);
    const tiny = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    await expect(processHeroUpload(tiny)).rejects.toThrow(/too small/);
    const truncated = png.subarray(0, 40);
    await expect(processHeroUpload(truncated)).rejects.toBeInstanceOf(UploadError);
  });
});
