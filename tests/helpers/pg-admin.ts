// The PostgreSQL server the tests use (TEST_DATABASE_URL): creates and drops databases named after it.
import pg from 'pg';

export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';

/** The address of another database on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

const base = () =>
  (decodeURIComponent(new URL(testDatabaseUrl()).pathname.slice(1)) || 'postgres')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');

/** Every test database of every run starts with this (so a run can clean up after a dead one). */
export const stalePrefix = () => `${base().slice(0, 30)}_mwt_`;
/** This run's databases (the main vitest process's id: workers share it through the template name). */
export const runPrefix = (pid = process.pid) => `${stalePrefix()}p${pid}_`;

export async function adminQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), application_name: 'moodwire tests' });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}
