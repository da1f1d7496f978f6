// Browser-side helpers for the staff e2e tests: sign in, read a form's hidden inputs, replay a form
// post the way a browser without JavaScript does, and watch the database for writes.
import Database from 'better-sqlite3';
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { STAFF, type StaffRole } from './staff';

export const e2eDatabasePath = () => process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`;

export async function signInThroughForm(page: Page, role: StaffRole): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('E-mail').fill(STAFF[role].email);
  await page.getByLabel('Password').fill(STAFF[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hello,/ })).toBeVisible();
}

/** Whether React has hydrated the element (it then carries React's own properties). */
export const isHydrated = (field: Locator) =>
  field.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__react')));

/**
 * Replaces a pre-filled textarea's text once React has hydrated it. Hydration redraws a textarea's
 * text, which moves the caret: a fill in that instant (select all, then type) would land in front of
 * the old text instead of replacing it. A person's select-and-type takes far longer than that instant.
 */
export async function fillHydrated(field: Locator, text: string): Promise<void> {
  await expect.poll(() => isHydrated(field), { timeout: 20_000 }).toBe(true);
  await field.fill(text);
}

/** A Cookie header for a fresh session of the role. */
export async function sessionCookie(browser: Browser, baseURL: string, role: StaffRole): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signInThroughForm(page, role);
    const cookies = await context.cookies();
    const session = cookies.filter((c) => c.name.includes('authjs.session-token'));
    expect(session.length).toBeGreaterThan(0);
    expect(session.every((c) => c.httpOnly)).toBe(true);
    return session.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await context.close();
  }
}

/** The hidden inputs of the first form marked data-action=name on the page (the action's id and state). */
export async function hiddenInputsOf(page: Page, actionName: string): Promise<Record<string, string>> {
  const form = page.locator(`form[data-action="${actionName}"]`).first();
  await expect(form, `form ${actionName} on ${page.url()}`).toHaveCount(1);
  return form.evaluate((f) =>
    Object.fromEntries(
      [...f.querySelectorAll('input[type="hidden"]')].map((i) => [
        (i as HTMLInputElement).name,
        (i as HTMLInputElement).value,
      ]),
    ),
  );
}

export type FilePart = { name: string; mimeType: string; buffer: Buffer };

/** Posts a form as a browser without JavaScript does: multipart, to the page's own URL. */
export function postForm(
  request: APIRequestContext,
  path: string,
  fields: Record<string, string | FilePart>,
  cookie?: string,
) {
  return request.post(path, {
    multipart: fields,
    headers: { ...(cookie ? { cookie } : {}), accept: 'text/html', origin: origin() },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

const origin = () => `http://127.0.0.1:${process.env.E2E_PORT || 3100}`;

/**
 * Calls a (prevState, formData) action the way the client-side JavaScript does: the Next-Action
 * header, and React's reply encoding, where "$K1" in the argument list stands for the form's fields
 * sent as "_1_<name>" (they must come before the root field "0").
 */
export function callActionDirectly(
  request: APIRequestContext,
  path: string,
  actionId: string,
  fields: Record<string, string | FilePart>,
  cookie?: string,
) {
  // A FormData keeps insertion order (an object would put the integer-like key "0" first).
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields))
    multipart.append(
      `_1_${k}`,
      typeof v === 'string' ? v : new File([new Uint8Array(v.buffer)], v.name, { type: v.mimeType }),
    );
  multipart.append('0', JSON.stringify([{}, '$K1']));
  return request.post(path, {
    multipart,
    headers: { 'Next-Action': actionId, accept: 'text/x-component', origin: origin(), ...(cookie ? { cookie } : {}) },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

/**
 * PRAGMA data_version changes when another connection commits, so it tells whether the server wrote
 * anything at all between two readings, whatever the table.
 */
export class WriteWatcher {
  private db = new Database(e2eDatabasePath());
  version(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }
  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }
  run(sql: string, ...params: unknown[]) {
    return this.db.prepare(sql).run(...params);
  }
  close() {
    this.db.close();
  }
}
