// Issue 17: the staff side's read-check-write rules hold when requests race, on SQLite and on
// PostgreSQL (where the attempts fired with Promise.all really run at once on several connections).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, transaction } from '@/db/engine';
import { insertUser } from '@/db/accounts';
import { articles, auditLog, sections, users } from '@/db/schema';
import { createSection, updateSection } from '@/db/queries/admin-sections';
import { saveStory } from '@/db/queries/admin-stories';
import { countAuditEntries, listAuditEntries, listAuditFacets } from '@/db/queries/audit';
import { countDueScheduledStories, releaseDueScheduledStories } from '@/db/queries/scheduled';
import { runWithActorCheck, type ActorCheck } from '@/db/queries/staff-guard';
import { countActiveAdmins, createUser, lockSessionUser, setUserDisabledBy, updateUser } from '@/db/queries/users';
import { renderedBody } from '@/lib/markdown';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let env: TestDatabase;
let admins: [number, number];
const ROUNDS = 12;

beforeAll(async () => {
  env = await createTestDatabase();
  const stamp = { passwordHash: 'not-a-hash', now: Date.now() };
  admins = await transaction(async (tx) => {
    // Only these two are administrators: every other account becomes a writer.
    await tx.update(users).set({ role: 'writer' });
    const a = await insertUser(tx, { ...stamp, email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const b = await insertUser(tx, { ...stamp, email: 'bo@example.com', name: 'Bo', role: 'admin' });
    return [a, b] as [number, number];
  });
});
afterAll(() => env.cleanup());

const bothAdmins = () =>
  transaction((tx) =>
    tx
      .update(users)
      .set({ role: 'admin', disabled: false })
      .where(inArray(users.id, admins))
      .returning({ id: users.id }),
  );

describe('never zero administrators', () => {
  it('two administrators demoting each other at once: one wins, the other is told, one administrator stays', async () => {
    const [a, b] = admins;
    for (let round = 0; round < ROUNDS; round++) {
      await bothAdmins();
      const results = await Promise.all([
        updateUser(a, b, { email: 'bo@example.com', name: 'Bo', role: 'editor' }),
        updateUser(b, a, { email: 'ada@example.com', name: 'Ada', role: 'editor' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'last-admin' }]);
      expect(await countActiveAdmins()).toBe(1);
    }
  });

  it('two administrators disabling each other at once, or one demoting while the other disables', async () => {
    const [a, b] = admins;
    for (let round = 0; round < ROUNDS; round++) {
      await bothAdmins();
      const results = await Promise.all([
        setUserDisabledBy(a, b, true),
        round % 2
          ? setUserDisabledBy(b, a, true)
          : updateUser(b, a, { email: 'ada@example.com', name: 'Ada', role: 'writer' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'last-admin' });
      expect(await countActiveAdmins()).toBe(1);
    }
  });

  it('one e-mail address for two new accounts at once: one account, the other told the address is taken', async () => {
    const [a] = admins;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createUser(a, { email: 'Twin@example.com', name: `Twin ${i}`, role: 'writer', passwordHash: 'x' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(7);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'email-taken' });
    expect(await db().select().from(users).where(eq(users.email, 'twin@example.com'))).toHaveLength(1);
  });
});

describe('sections', () => {
  const section = (name: string, slug: string, parentId: number | null = null) => ({
    name,
    slug,
    description: '',
    parentId,
  });

  it('two editors giving two sections the same slug at once: one succeeds, the other gets the slug message', async () => {
    const x = await createSection(1, section('Race X', 'race-x'));
    const y = await createSection(1, section('Race Y', 'race-y'));
    if (!x.ok || !y.ok) throw new Error('setup');
    for (let round = 0; round < ROUNDS; round++) {
      const slug = `contested-${round}`;
      const results = await Promise.all([
        updateSection(1, x.id, section('Race X', slug)),
        updateSection(2, y.id, section('Race Y', slug)),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, field: 'slug', reason: 'slug-taken' });
      expect(await db().select().from(sections).where(eq(sections.slug, slug))).toHaveLength(1);
    }
  });

  it('ten new sections with one slug at once: one is created', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createSection(1, section(`Twin ${i}`, 'twin-section'))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'slug-taken')).toHaveLength(9);
  });

  it('two sections moved under each other at once: one move is refused as a loop', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const p = await createSection(1, section(`Loop P${round}`, `loop-p-${round}`));
      const q = await createSection(1, section(`Loop Q${round}`, `loop-q-${round}`));
      if (!p.ok || !q.ok) throw new Error('setup');
      const results = await Promise.all([
        updateSection(1, p.id, section(`Loop P${round}`, `loop-p-${round}`, q.id)),
        updateSection(2, q.id, section(`Loop Q${round}`, `loop-q-${round}`, p.id)),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, field: 'parentId', reason: 'cycle' });
      const parents = await db()
        .select({ id: sections.id, parentId: sections.parentId })
        .from(sections)
        .where(inArray(sections.id, [p.id, q.id]));
      expect(parents.filter((s) => s.parentId !== null)).toHaveLength(1);
    }
  });
});

describe('scheduled release', () => {
  it('overlapping runs release and audit each due story exactly once', async () => {
    const now = Date.now();
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const saved = await saveStory(1, undefined, {
        title: `Due ${i}`,
        slug: `due-story-${i}`,
        standfirst: '',
        sectionId: 1,
        authorId: null,
        byline: 'T',
        dateline: '',
        ...renderedBody('Due.'),
        tags: [],
        relatedIds: [],
        status: 'scheduled',
        publishedAt: now - 60_000 + i,
      });
      ids.push(saved.id);
    }
    // Anything the seed scheduled in the past is released too: count what is due first.
    const due = await countDueScheduledStories(now);
    expect(due).toBeGreaterThanOrEqual(6);
    const runs = await Promise.all(Array.from({ length: 5 }, () => releaseDueScheduledStories(now)));
    const released = runs.flatMap((r) => r.released).map((r) => r.id);
    expect(released).toHaveLength(due);
    expect(new Set(released).size).toBe(due);
    expect(released).toEqual(expect.arrayContaining(ids));
    const audits = await db()
      .select({ objectId: auditLog.objectId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'story.release'), inArray(auditLog.objectId, ids.map(String))));
    expect(audits.map((a) => Number(a.objectId)).sort((m, n) => m - n)).toEqual(ids);
    const statuses = await db().select({ status: articles.status }).from(articles).where(inArray(articles.id, ids));
    expect(statuses.every((s) => s.status === 'published')).toBe(true);
    expect(await countDueScheduledStories(now)).toBe(0);
    expect(await releaseDueScheduledStories(now)).toMatchObject({ ran: true, released: [] });
  });
});

describe('the audit log', () => {
  it('lists, counts and filters what the changes above wrote, newest first, with who did it', async () => {
    const [a] = admins;
    const mine = await listAuditEntries({ userId: a }, { limit: 500, offset: 0 });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.userEmail === 'ada@example.com')).toBe(true);
    expect(await countAuditEntries({ userId: a })).toBe(mine.length);
    const releases = await listAuditEntries({ action: 'story.release' }, { limit: 3, offset: 0 });
    expect(releases).toHaveLength(3);
    expect(releases.every((e) => e.userName === null && e.objectType === 'story')).toBe(true);
    const times = releases.map((e) => e.createdAt);
    expect([...times].sort((m, n) => n - m)).toEqual(times);
    const facets = await listAuditFacets();
    expect(facets.actions).toEqual(expect.arrayContaining(['story.release', 'user.set-role', 'section.update']));
    expect(facets.actions).toEqual([...facets.actions].sort());
    expect(facets.objectTypes).toEqual(expect.arrayContaining(['section', 'story', 'user']));
    const [none] = await db()
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(eq(auditLog.action, 'no.such-action'));
    expect(none!.n).toBe(0);
    expect(await countAuditEntries({ action: 'story.release', from: Date.now() + 60_000 })).toBe(0);
  });
});

describe('the actor check inside staff writes (decision 029)', () => {
  // What lib/auth/staff-action.ts installs: the acting user's row, read again and locked in the write.
  const stillActive =
    (id: number): ActorCheck =>
    async (tx) => {
      const row = await lockSessionUser(tx, id);
      if (!row || row.disabled) throw new Error('rights changed');
    };

  it('a write by an account disabled after the action began is refused and writes nothing', async () => {
    const [a, b] = admins;
    await bothAdmins();
    const writer = await transaction((tx) =>
      insertUser(tx, { email: 'late@example.com', name: 'Late', role: 'editor', passwordHash: 'x' }),
    );
    const attempt = (slug: string) =>
      runWithActorCheck(stillActive(writer), () =>
        createSection(writer, { name: slug, slug, description: '', parentId: null }),
      );
    await expect(attempt('checked-before')).resolves.toMatchObject({ ok: true });
    expect(await setUserDisabledBy(a, writer, true)).toEqual({ ok: true });
    await expect(attempt('checked-after')).rejects.toThrow('rights changed');
    expect(await db().select().from(sections).where(eq(sections.slug, 'checked-after'))).toEqual([]);
    // Outside a staff action there is no check: the command line and jobs write as before.
    await expect(
      createSection(b, { name: 'Free', slug: 'no-check', description: '', parentId: null }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });
});
