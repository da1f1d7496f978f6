import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../helpers/temp-db';
import { auditLog, articles, sections, users } from '@/db/schema';
import { createUserFromCli, ensureFirstAdmin, resetPasswordFromCli, setDisabledFromCli } from '@/lib/accounts';
import { saveStory, unpublishStory } from '@/db/queries/admin-stories';
import { renderedBody } from '@/lib/markdown';
import { deleteSection, updateSection, wouldCycle } from '@/db/queries/admin-sections';
import { findRedirect } from '@/db/queries/redirects';
import { getPublicArticleBySlug } from '@/db/queries/articles';
import { takeRateLimit } from '@/db/queries/throttle';
import { processHeroUpload, UploadError } from '@/lib/media/upload';
import { verifyPassword } from '@/lib/password';

let env: ReturnType<typeof createTempDatabase>;
beforeAll(() => {
  env = createTempDatabase();
});
afterAll(() => env.cleanup());

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
    await ensureFirstAdmin(env.db, {}, (l) => lines.push(l));
    const admin = env.db.select().from(users).where(eq(users.email, 'admin@localhost')).get()!;
    expect(admin.role).toBe('admin');
    const password = /password \(shown once, stored only hashed\): (\S+)/.exec(lines.join('\n'))![1]!;
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(admin.passwordHash).not.toContain(password);
    expect(await verifyPassword(admin.passwordHash, password)).toBe(true);
    await ensureFirstAdmin(env.db, {}, (l) => lines.push(l));
    expect(env.db.select().from(users).all()).toHaveLength(1);
  });

  it('refuses weak passwords and duplicate accounts; reset and disable end sessions', async () => {
    expect(
      await createUserFromCli(env.db, { email: 'w@example.com', role: 'writer', password: 'password123' }),
    ).toMatchObject({ ok: false });
    expect(
      await createUserFromCli(env.db, { email: 'w@example.com', role: 'writer', password: 'Copper-Meadow-Lark-77' }),
    ).toMatchObject({ ok: true });
    expect(await createUserFromCli(env.db, { email: 'W@example.com', role: 'writer' })).toMatchObject({ ok: false });
    const before = env.db.select().from(users).where(eq(users.email, 'w@example.com')).get()!;
    await new Promise((r) => setTimeout(r, 5));
    const reset = await resetPasswordFromCli(env.db, { email: 'w@example.com' });
    expect(reset.ok && reset.password).toBeTruthy();
    expect(setDisabledFromCli(env.db, { email: 'w@example.com', disabled: true })).toMatchObject({ ok: true });
    const after = env.db.select().from(users).where(eq(users.email, 'w@example.com')).get()!;
    expect(after.disabled).toBe(true);
    expect(after.sessionsValidAfter).toBeGreaterThan(before.sessionsValidAfter);
  });
});

describe('saving stories', () => {
  it('renders the body at save time, writes the audit row and keeps old addresses as redirects without chains', async () => {
    const actor = env.db.select().from(users).get()!.id;
    const saved = saveStory(actor, undefined, {
      ...base,
      title: 'Night market',
      slug: 'night-market',
      sectionId: 1,
      status: 'published',
      publishedAt: Date.now() - 1000,
    });
    const row = env.db.select().from(articles).where(eq(articles.id, saved.id)).get()!;
    expect(row.bodyHtml).toBe('<p>Hello <strong>world</strong></p>\n');
    expect(row.wordCount).toBe(2);
    expect((await getPublicArticleBySlug('night-market'))?.title).toBe('Night market');

    saveStory(actor, saved.id, {
      ...base,
      title: 'Night market',
      slug: 'night-market-2',
      sectionId: 1,
      status: 'published',
      publishedAt: row.publishedAt,
    });
    saveStory(actor, saved.id, {
      ...base,
      title: 'Night market',
      slug: 'night-market-3',
      sectionId: 1,
      status: 'published',
      publishedAt: row.publishedAt,
    });
    expect(await findRedirect('/news/night-market')).toBe('/news/night-market-3');
    expect(await findRedirect('/news/night-market-2')).toBe('/news/night-market-3');
    // Back to an old name: that address is a page again, not a redirect.
    saveStory(actor, saved.id, {
      ...base,
      title: 'Night market',
      slug: 'night-market',
      sectionId: 1,
      status: 'published',
      publishedAt: row.publishedAt,
    });
    expect(await findRedirect('/news/night-market')).toBeUndefined();
    expect(await findRedirect('/news/night-market-3')).toBe('/news/night-market');

    const audit = env.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, String(saved.id)))
      .all();
    expect(audit.map((a) => a.action)).toEqual(['story.create', 'story.update', 'story.update', 'story.update']);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ oldSlug: 'night-market', changed: ['slug'] });

    unpublishStory(actor, saved.id);
    expect(getPublicArticleBySlug('night-market')).toBeUndefined();
  });

  it('a draft renamed before it was ever public leaves no redirect', async () => {
    const saved = saveStory(1, undefined, {
      ...base,
      title: 'Draft',
      slug: 'quiet-draft',
      sectionId: 1,
      status: 'draft',
      publishedAt: null,
    });
    saveStory(1, saved.id, {
      ...base,
      title: 'Draft',
      slug: 'quiet-draft-2',
      sectionId: 1,
      status: 'draft',
      publishedAt: null,
    });
    expect(await findRedirect('/news/quiet-draft')).toBeUndefined();
  });

  it('rolls everything back when any part of the save fails', () => {
    const count = env.db.select().from(auditLog).all().length;
    expect(() =>
      saveStory(1, undefined, {
        ...base,
        title: 'Broken',
        slug: 'broken',
        sectionId: 99999,
        status: 'draft',
        publishedAt: null,
      }),
    ).toThrow();
    expect(env.db.select().from(articles).where(eq(articles.slug, 'broken')).get()).toBeUndefined();
    expect(env.db.select().from(auditLog).all()).toHaveLength(count);
  });
});

describe('sections', () => {
  it('refuses cycles and deleting a section with stories; a slug change redirects', async () => {
    const c = env.db.select().from(sections).where(eq(sections.slug, 'china-news')).get()!;
    const ch = env.db.select().from(sections).where(eq(sections.parentId, c.id)).get()!;
    expect(await wouldCycle(c.id, ch.id)).toBe(true);
    expect(await wouldCycle(c.id, c.id)).toBe(true);
    expect(await wouldCycle(ch.id, c.id)).toBe(false);
    expect(deleteSection(1, c.id)).toMatchObject({ ok: false });
    updateSection(1, ch.id, { name: ch.name, slug: `${ch.slug}-x`, description: '', parentId: c.id });
    expect(await findRedirect(`/section/${ch.slug}`)).toBe(`/section/${ch.slug}-x`);
  });
});

describe('rate limits', () => {
  it('allows the limit per window and refuses after', () => {
    const t = 10 * 3_600_000;
    const results = Array.from({ length: 7 }, () => takeRateLimit('test:key', 5, 3_600_000, t));
    expect(results).toEqual([true, true, true, true, true, false, false]);
    expect(takeRateLimit('test:key', 5, 3_600_000, t + 3_600_000)).toBe(true);
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
    const dir = path.join(path.dirname(env.file), 'media', out.key);
    expect(fs.readdirSync(dir).sort()).toEqual(['1280.webp', '1600.webp', '320.webp', '640.webp', '960.webp']);
    await expect(processHeroUpload(Buffer.from('<svg></svg>'))).rejects.toBeInstanceOf(UploadError);
    const tiny = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    await expect(processHeroUpload(tiny)).rejects.toThrow(/too small/);
    const truncated = png.subarray(0, 40);
    await expect(processHeroUpload(truncated)).rejects.toBeInstanceOf(UploadError);
  });
});
