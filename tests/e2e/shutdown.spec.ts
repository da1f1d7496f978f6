import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startServer } from '../helpers/server';

const port = Number(process.env.E2E_PORT || 3100) + 2;
const sourceDatabase = process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`;

test('SIGTERM lets in-flight requests finish, then closes the database cleanly', async () => {
  test.setTimeout(120_000);
  // The 10 s default bound on the drain is not under test: on a loaded machine the uncached renders
  // below can take longer, and the bound would then (rightly) cut them off.
  const server = await startServer({ port, sourceDatabase, env: { SHUTDOWN_TIMEOUT_MS: '60000' } });
  const reader = new Database(server.databasePath, { readonly: true });
  const slugs = (
    reader.prepare("select slug from articles where status = 'published'").all() as { slug: string }[]
  ).map((r) => r.slug);
  reader.close();
  // Uncached story pages: each request renders, so some are in flight when the signal lands.
  const requests = slugs.map((slug) =>
    fetch(`${server.url}/news/${slug}`).then(
      async (res) => ({ status: res.status, length: (await res.text()).length }),
      (error: Error & { cause?: { code?: string } }) => ({
        status: 0,
        length: 0,
        code: error.cause?.code ?? error.message,
      }),
    ),
  );
  await new Promise((r) => setTimeout(r, 30));
  server.process.kill('SIGTERM');
  const signalled = Date.now();
  const results = await Promise.all(requests);
  const code = await server.exited;
  console.log(`shutdown: ${results.length} requests, server exited ${Date.now() - signalled} ms after SIGTERM`);
  expect(code).toBe(143);
  const answered = results.filter((r) => r.status !== 0);
  expect(answered.length).toBeGreaterThan(0);
  for (const r of answered) {
    expect(r.status).toBe(200);
    expect(r.length).toBeGreaterThan(5000);
  }
  // Nothing was cut off or reset: every request that reached the server got its whole page.
  expect(results.filter((r) => r.status === 0)).toEqual([]);
  // A clean close checkpoints and removes the write-ahead log.
  expect(fs.existsSync(`${server.databasePath}-wal`)).toBe(false);
  const db = new Database(server.databasePath, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
  fs.rmSync(server.dir, { recursive: true, force: true });
});
