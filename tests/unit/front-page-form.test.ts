import { describe, expect, it } from 'vitest';
import { parsePinsForm } from '@/lib/admin/front-page-form';
import { correctionSchema } from '@/lib/admin/correction-schema';
import { wallClockToMs } from '@/lib/time-zone';

const NOW = Date.parse('2026-12-06T03:00:00Z');

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe('the front-page form', () => {
  it('orders by the typed numbers, an added story after an existing one of the same number', () => {
    const result = parsePinsForm(
      form([
        ['place', 'home'],
        ['pin', '7'],
        ['order-7', '2'],
        ['pin', '3'],
        ['order-3', '1'],
        ['expires-3', '2099-01-01T10:00'],
        ['add', '9'],
        ['add-order', '1'],
      ]),
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      data: {
        place: null,
        pins: [
          { articleId: 3, expiresAt: wallClockToMs('2099-01-01T10:00') },
          { articleId: 9, expiresAt: null },
          { articleId: 7, expiresAt: null },
        ],
        droppedExpired: 0,
      },
    });
  });

  it('drops unpinned stories and existing pins whose time has passed, and refuses an added one in the past', () => {
    const base: [string, string][] = [
      ['place', '12'],
      ['pin', '1'],
      ['remove-1', 'on'],
      ['pin', '2'],
      ['expires-2', '2001-01-01T10:00'],
      ['pin', '4'],
    ];
    expect(parsePinsForm(form(base), NOW)).toEqual({
      ok: true,
      data: { place: 12, pins: [{ articleId: 4, expiresAt: null }], droppedExpired: 1 },
    });
    const late = parsePinsForm(form([...base, ['add', '5'], ['add-expires', '2001-01-01T10:00']]), NOW);
    expect(late).toEqual({ ok: false, errors: { 'add-expires': ['This time has already passed.'] } });
  });

  it('refuses what a hand-made request could send', () => {
    const errorsOf = (entries: [string, string][]) => {
      const r = parsePinsForm(form(entries), NOW);
      return r.ok ? undefined : r.errors;
    };
    expect(errorsOf([['place', 'home; drop table']])).toEqual({ place: ['Choose the home page or a section.'] });
    expect(
      errorsOf([
        ['place', 'home'],
        ['pin', '0'],
      ]),
    ).toHaveProperty('form');
    expect(
      errorsOf([
        ['place', 'home'],
        ['pin', '3'],
        ['pin', '3'],
      ]),
    ).toHaveProperty('form');
    expect(
      errorsOf([
        ['place', 'home'],
        ['pin', '3'],
        ['add', '3'],
      ]),
    ).toEqual({
      add: ['This story is already pinned here.'],
    });
    expect(
      errorsOf([
        ['place', 'home'],
        ['pin', '3'],
        ['order-3', '1.5'],
      ]),
    ).toEqual({
      'order-3': ['Enter a whole number.'],
    });
    expect(
      errorsOf([
        ['place', 'home'],
        ['add', '8'],
        ['add-expires', '2026-02-31T10:00'],
      ]),
    ).toHaveProperty('add-expires');
    expect(
      errorsOf([
        ['place', 'home'],
        ...Array.from({ length: 101 }, (_, i) => ['pin', String(i + 1)] as [string, string]),
      ]),
    ).toEqual({
      form: ['Too many stories in one form.'],
    });
  });
});

describe('the correction form', () => {
  it('takes a correction or an update of up to 1,000 bytes, without control characters', () => {
    expect(correctionSchema.safeParse({ id: '4', kind: 'update', note: '  The ministry replied.  ' }).data).toEqual({
      id: 4,
      kind: 'update',
      note: 'The ministry replied.',
    });
    expect(correctionSchema.safeParse({ id: '4', kind: 'retraction', note: 'x' }).success).toBe(false);
    expect(correctionSchema.safeParse({ id: '4', kind: 'update', note: '   ' }).success).toBe(false);
    // 334 three-byte characters: 1,002 bytes, though only 334 characters.
    expect(correctionSchema.safeParse({ id: '4', kind: 'update', note: '更'.repeat(334) }).success).toBe(false);
    expect(correctionSchema.safeParse({ id: '4', kind: 'update', note: '更'.repeat(333) }).success).toBe(true);
    expect(correctionSchema.safeParse({ id: '4', kind: 'update', note: 'bell\u0007' }).success).toBe(false);
    expect(correctionSchema.safeParse({ id: '4', kind: 'update', note: 'two\nlines' }).success).toBe(true);
  });
});
