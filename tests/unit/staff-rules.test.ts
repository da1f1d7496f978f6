import { describe, expect, it } from 'vitest';
import { storySchema } from '@/lib/admin/story-schema';
import { allowedStatuses, resolvePublication } from '@/lib/admin/story-rules';
import { sniffImageType } from '@/lib/media/upload';
import { passwordProblem, hashPassword, verifyPassword, randomPassword } from '@/lib/password';
import { can, canEditStory, canViewStoryInsights, PERMISSIONS, ROLE_PERMISSIONS } from '@/lib/permissions';
import { safeNextPath } from '@/lib/proxy/admin';

describe('permission table', () => {
  it('gives each role what the issue says, and admins everything', () => {
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    expect(can('writer', 'story.write')).toBe(true);
    expect(can('writer', 'story.publish')).toBe(false);
    expect(can('writer', 'section.manage')).toBe(false);
    expect(can('editor', 'story.publish')).toBe(true);
    expect(can('editor', 'furniture.manage')).toBe(true);
    expect(can('editor', 'users.manage')).toBe(false);
    expect(can('editor', 'settings.manage')).toBe(false);
    expect(can(null, 'admin.enter')).toBe(false);
    expect(can('writer', 'insights.view')).toBe(false);
    expect(can('writer', 'votes.moderate')).toBe(false);
    expect(can('editor', 'insights.view')).toBe(true);
    expect(can('editor', 'votes.moderate')).toBe(true);
  });

  it('shows writers the insights of their own stories only', () => {
    expect(canViewStoryInsights({ id: 7, role: 'writer' }, { createdBy: 7 })).toBe(true);
    expect(canViewStoryInsights({ id: 7, role: 'writer' }, { createdBy: 8 })).toBe(false);
    expect(canViewStoryInsights({ id: 7, role: 'writer' }, { createdBy: null })).toBe(false);
    expect(canViewStoryInsights({ id: 1, role: 'editor' }, { createdBy: 8 })).toBe(true);
  });

  it('lets writers edit their own drafts and stories in review only', () => {
    const writer = { id: 7, role: 'writer' as const };
    expect(canEditStory(writer, { createdBy: 7, status: 'draft' })).toBe(true);
    expect(canEditStory(writer, { createdBy: 7, status: 'review' })).toBe(true);
    expect(canEditStory(writer, { createdBy: 7, status: 'published' })).toBe(false);
    expect(canEditStory(writer, { createdBy: 8, status: 'draft' })).toBe(false);
    expect(canEditStory({ id: 1, role: 'editor' }, { createdBy: 8, status: 'published' })).toBe(true);
  });
});

describe('publication rules', () => {
  const now = Date.UTC(2026, 4, 1, 12);
  it('refuses publishing and scheduling to writers', () => {
    expect(allowedStatuses('writer')).toEqual(['draft', 'review']);
    expect(resolvePublication('writer', { status: 'published' }, undefined, now)).toMatchObject({
      ok: false,
      field: 'status',
    });
    expect(resolvePublication('writer', { status: 'review' }, undefined, now)).toEqual({
      ok: true,
      value: { status: 'review', publishedAt: null },
    });
  });
  it('publishes now, keeps the time of a story already public, and schedules only in the future', () => {
    expect(resolvePublication('editor', { status: 'published' }, undefined, now)).toEqual({
      ok: true,
      value: { status: 'published', publishedAt: now },
    });
    expect(
      resolvePublication('editor', { status: 'published' }, { status: 'published', publishedAt: now - 5000 }, now),
    ).toEqual({ ok: true, value: { status: 'published', publishedAt: now - 5000 } });
    expect(
      resolvePublication('editor', { status: 'published', publishAtMs: now + 3_600_000 }, undefined, now),
    ).toMatchObject({ ok: false, field: 'publishAt' });
    expect(resolvePublication('editor', { status: 'scheduled' }, undefined, now)).toMatchObject({
      ok: false,
      field: 'publishAt',
    });
    expect(resolvePublication('editor', { status: 'scheduled', publishAtMs: now - 1 }, undefined, now)).toMatchObject({
      ok: false,
      field: 'publishAt',
    });
    expect(resolvePublication('editor', { status: 'scheduled', publishAtMs: now + 60_000 }, undefined, now)).toEqual({
      ok: true,
      value: { status: 'scheduled', publishedAt: now + 60_000 },
    });
  });
});

describe('story form schema', () => {
  it('makes the slug from the headline and reports every bad field at once', () => {
    const ok = storySchema.safeParse({ title: 'Rain in Wuhan, again!', sectionId: '3', status: 'draft' });
    expect(ok.success && ok.data.slug).toBe('rain-in-wuhan-again');
    const bad = storySchema.safeParse({
      title: '',
      slug: 'Not OK',
      sectionId: '',
      status: 'live',
      publishAt: '2026-02-31T10:00',
    });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(['title', 'slug', 'sectionId', 'status', 'publishAt']));
  });
});

describe('passwords', () => {
  it('refuses short, long and common passwords, including padded common stems', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem('password1234')).toMatch(/too common/);
    expect(passwordProblem('Sunshine2024!')).toMatch(/too common/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBeDefined();
    expect(passwordProblem('lin.yue-garden-2026', { email: 'lin.yue@example.com' })).toMatch(/e-mail/);
    expect(passwordProblem('Copper-Meadow-Lark-77')).toBeUndefined();
  });
  it('hashes with argon2id at the OWASP parameters and verifies', async () => {
    const hash = await hashPassword('Copper-Meadow-Lark-77');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Copper-Meadow-Lark-77')).toBe(true);
    expect(await verifyPassword(hash, 'copper-meadow-lark-77')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    const generated = randomPassword();
    expect(generated).toHaveLength(20);
    expect(passwordProblem(generated)).toBeUndefined();
  });
});

describe('sign-in redirect target', () => {
  it('only follows paths inside /admin', () => {
    expect(safeNextPath('/admin/stories?status=draft')).toBe('/admin/stories?status=draft');
    expect(safeNextPath('https://evil.example/admin')).toBe('/admin');
    expect(safeNextPath('//evil.example/admin')).toBe('/admin');
    expect(safeNextPath('/administrator')).toBe('/admin');
    expect(safeNextPath('/admin/login')).toBe('/admin');
    expect(safeNextPath(undefined)).toBe('/admin');
  });
});

describe('upload type sniffing', () => {
  it('trusts the bytes, not the name', () => {
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBeUndefined();
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeUndefined();
  });
});
