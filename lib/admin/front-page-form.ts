// The front-page form (app/(admin)/admin/front-page): the pins of one place, each with its order,
// optional expiry and an "Unpin" box, and one story to add. One plain form that works without
// JavaScript: the order is typed as numbers and applied on save. Pure, so tests read it directly.
import { assertForm } from '@/lib/action-state';
import { wallClockToMs } from '@/lib/time-zone';

export type PinsFormInput = {
  /** null: the home page; else a section's id */
  place: number | null;
  pins: { articleId: number; expiresAt: number | null }[];
  /** existing pins left out because their time had passed */
  droppedExpired: number;
};

export type PinsFormResult = { ok: true; data: PinsFormInput } | { ok: false; errors: Record<string, string[]> };

const ID = /^[1-9]\d{0,8}$/;
const ORDER = /^-?\d{1,4}$/;
const EXPIRY_HINT = 'Enter a date and time, e.g. 2026-05-01 09:30, or leave it empty.';

/** Field names of one pinned story's controls. */
export const pinFieldNames = (articleId: number) => ({
  order: `order-${articleId}`,
  expires: `expires-${articleId}`,
  remove: `remove-${articleId}`,
});

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

export function parsePinsForm(form: FormData, now: number): PinsFormResult {
  assertForm(form);
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  const placeValue = text(form, 'place');
  const place = placeValue === 'home' ? null : ID.test(placeValue) ? Number(placeValue) : undefined;
  if (place === undefined) return { ok: false, errors: { place: ['Choose the home page or a section.'] } };

  type Row = { articleId: number; order: number; expiresAt: number | null; index: number; added: boolean };
  const rows: Row[] = [];
  let droppedExpired = 0;
  const seen = new Set<number>();
  const pinned = form.getAll('pin');
  if (pinned.length > 100) return { ok: false, errors: { form: ['Too many stories in one form.'] } };

  const readRow = (articleId: number, names: { order: string; expires: string }, index: number, added: boolean) => {
    const orderText = text(form, names.order);
    const order = orderText === '' ? index + 1 : ORDER.test(orderText) ? Number(orderText) : undefined;
    if (order === undefined) fail(names.order, 'Enter a whole number.');
    const expiresText = text(form, names.expires);
    const expiresAt = expiresText === '' ? null : wallClockToMs(expiresText);
    if (expiresAt === undefined) fail(names.expires, EXPIRY_HINT);
    if (order === undefined || expiresAt === undefined) return;
    if (expiresAt !== null && expiresAt <= now) {
      // An added pin that has already ended is a typing mistake; an existing one has simply run out.
      if (added) fail(names.expires, 'This time has already passed.');
      else droppedExpired += 1;
      return;
    }
    rows.push({ articleId, order, expiresAt, index, added });
  };

  pinned.forEach((value, index) => {
    if (typeof value !== 'string' || !ID.test(value)) return void fail('form', 'The form was changed: reload it.');
    const articleId = Number(value);
    if (seen.has(articleId)) return void fail('form', 'The form was changed: reload it.');
    seen.add(articleId);
    const names = pinFieldNames(articleId);
    if (form.get(names.remove) === 'on') return;
    readRow(articleId, names, index, false);
  });

  const add = text(form, 'add');
  if (add !== '') {
    if (!ID.test(add)) fail('add', 'Choose a story from the list.');
    else if (seen.has(Number(add))) fail('add', 'This story is already pinned here.');
    else readRow(Number(add), { order: 'add-order', expires: 'add-expires' }, pinned.length, true);
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  // Typed order first; on a tie, the story already there keeps its place ahead of the one added.
  rows.sort((a, b) => a.order - b.order || Number(a.added) - Number(b.added) || a.index - b.index);
  return {
    ok: true,
    data: { place, pins: rows.map((r) => ({ articleId: r.articleId, expiresAt: r.expiresAt })), droppedExpired },
  };
}
