// The editor's pure helpers: revision comparison, the audit log in words, the publish time kept to the
// second, and the body's photo blocks and outside images.
import { describe, expect, it } from 'vitest';
import { auditActor, describeAudit } from '@/lib/admin/audit-words';
import { diffLines } from '@/lib/admin/line-diff';
import { resolvePublication } from '@/lib/admin/story-rules';
import { externalImageIn, photoIdsIn } from '@/lib/media/body-photos';

describe('diffLines', () => {
  it('pairs equal lines and marks the changed ones on their side', () => {
    const rows = diffLines('a\nb\nc\nd', 'a\nB\nc\nd\ne');
    expect(rows).toEqual([
      { kind: 'same', left: 'a', right: 'a' },
      { kind: 'changed', left: 'b', right: 'B' },
      { kind: 'same', left: 'c', right: 'c' },
      { kind: 'same', left: 'd', right: 'd' },
      { kind: 'changed', left: undefined, right: 'e' },
    ]);
  });
  it('finds a moved paragraph as one removal and one addition', () => {
    const rows = diffLines('x\ny\nz', 'y\nz\nx');
    expect(rows.filter((r) => r.kind === 'same').map((r) => r.left)).toEqual(['y', 'z']);
    expect(rows.filter((r) => r.kind === 'changed')).toHaveLength(2);
  });
  it('identical texts differ nowhere', () => {
    expect(diffLines('same\ntext', 'same\ntext').every((r) => r.kind === 'same')).toBe(true);
  });
});

describe('the audit log in words', () => {
  const entry = (action: string, detail: object, userName: string | null = 'Lin Yue') => ({
    action,
    objectType: 'story',
    objectId: '7',
    detail: JSON.stringify(detail),
    userName,
  });
  it('says what changed, by name', () => {
    expect(describeAudit(entry('story.update', { title: 'Rain', changed: ['title', 'body', 'byline'] }))).toBe(
      'Edited “Rain”: changed the headline, text and byline.',
    );
    expect(
      describeAudit(entry('user.set-role', { before: { role: 'writer' }, after: { email: 'a@b.c', role: 'editor' } })),
    ).toBe('Changed the role of account “a@b.c” to editor.');
  });
  it('credits an automatic release to the schedule, other changes without an account to the command line', () => {
    expect(auditActor(entry('story.release', {}, null))).toBe('The schedule');
    expect(describeAudit(entry('story.release', { slug: 'rain' }, null))).toBe(
      'Released the story at /news/rain at its scheduled time.',
    );
    expect(auditActor(entry('user.create', {}, null))).toBe('Command line');
    // A reset link asked for on the sign-in page has no account behind the request.
    expect(auditActor(entry('user.reset-link', {}, null))).toBe('“Forgot your password?”');
    expect(describeAudit(entry('user.invite', {}))).toBe('Sent account 7 an invitation by email.');
  });
  it('names an unknown action as stored, and survives a detail that is not JSON', () => {
    expect(describeAudit({ ...entry('thing.do', {}), detail: 'not json' })).toBe('thing.do on story 7.');
  });
});

describe('publish time', () => {
  const now = Date.parse('2026-12-06T10:00:00Z');
  const publishedAt = Date.parse('2026-12-06T08:15:37.250Z');
  it('the same minute sent back by the editor keeps the stored seconds', () => {
    const minute = Date.parse('2026-12-06T08:15:00Z');
    expect(
      resolvePublication(
        'editor',
        { status: 'published', publishAtMs: minute },
        { status: 'published', publishedAt },
        now,
      ),
    ).toEqual({ ok: true, value: { status: 'published', publishedAt } });
    const scheduled = Date.parse('2026-12-07T08:15:37.250Z');
    expect(
      resolvePublication(
        'editor',
        { status: 'scheduled', publishAtMs: Date.parse('2026-12-07T08:15:00Z') },
        { status: 'scheduled', publishedAt: scheduled },
        now,
      ),
    ).toEqual({ ok: true, value: { status: 'scheduled', publishedAt: scheduled } });
  });
  it('another minute is a new time', () => {
    const other = Date.parse('2026-12-06T08:16:00Z');
    expect(
      resolvePublication(
        'editor',
        { status: 'published', publishAtMs: other },
        { status: 'published', publishedAt },
        now,
      ),
    ).toEqual({ ok: true, value: { status: 'published', publishedAt: other } });
  });
});

describe('photo blocks and outside images', () => {
  it('reads the ids of blocks on lines of their own only', () => {
    expect(photoIdsIn('a\n{{photo 3}}\n {{ gallery 4 3 5 }} \ntext {{photo 9}}')).toEqual([3, 4, 5]);
  });
  it('finds images from other sites in Markdown and HTML, not our own', () => {
    expect(externalImageIn('![a](https://x.test/a.jpg)')).toBe('https://x.test/a.jpg');
    expect(externalImageIn('![a]( <//x.test/a.jpg>)')).toBe('//x.test/a.jpg');
    expect(externalImageIn('<IMG alt=x SRC=http://x.test/a.png>')).toBe('http://x.test/a.png');
    expect(externalImageIn('![a](data:image/png;base64,AAAA)')).toBeUndefined();
    expect(externalImageIn('![a](/media/abc/640.webp) and [a link](https://x.test)')).toBeUndefined();
  });
});
