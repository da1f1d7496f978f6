import net from 'node:net';
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Integration tests run on SQLite always, and on PostgreSQL when one is reachable at TEST_DATABASE_URL
// (default: the local server). That database is only used to create and drop one database per test
// file, from a template migrated once per run (tests/helpers/pg-global-setup.ts).
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Integration test files written against db/engine, which run on both engines. Converting a module
 * of db/queries to db/engine adds its test file here (docs/data-layer-conversion.md).
 */
const BOTH_ENGINES = [
  'tests/int/search.test.ts',
  'tests/int/front-page.test.ts',
  'tests/int/engine.test.ts',
  'tests/int/articles.test.ts',
  'tests/int/health.test.ts',
  'tests/int/reader-queries.test.ts',
  'tests/int/login-throttle.test.ts',
  'tests/int/staff-writes.test.ts',
  'tests/int/staff-races.test.ts',
  'tests/int/votes.test.ts',
  'tests/int/insights.test.ts',
  'tests/int/webhooks.test.ts',
  'tests/int/content-api.test.ts',
  'tests/int/email.test.ts',
  'tests/int/password-links.test.ts',
  'tests/int/reads.test.ts',
  'tests/int/demo-activity.test.ts',
  'tests/int/revisions-and-photos.test.ts',
  'tests/int/media-store.test.ts',
  'tests/int/imports.test.ts',
];
/** Tests of the PostgreSQL side itself: the schema comparison, migrations, db:copy. */
const POSTGRES_ONLY = ['tests/int/pg/**/*.test.ts'];

function reachable(url: string): Promise<boolean> {
  let host = '127.0.0.1';
  let port = 5432;
  try {
    const u = new URL(url);
    host = u.hostname || host;
    port = Number(u.port || 5432);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

const redacted = TEST_DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const postgres = process.env.MOODWIRE_SKIP_POSTGRES === '1' ? false : await reachable(TEST_DATABASE_URL);
if (!postgres) {
  if (process.env.MOODWIRE_REQUIRE_POSTGRES === '1')
    throw new Error(`PostgreSQL is not reachable at ${redacted} (TEST_DATABASE_URL), and this run requires it.`);
  // vitest may read this file more than once in a run: say it once.
  if (!process.env.MOODWIRE_POSTGRES_NOTICE)
    console.log(`PostgreSQL not reachable at ${redacted} (TEST_DATABASE_URL): integration tests run on SQLite only.`);
  process.env.MOODWIRE_POSTGRES_NOTICE = '1';
}

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'sqlite',
      include: ['tests/unit/**/*.test.ts', 'tests/int/**/*.test.ts'],
      exclude: POSTGRES_ONLY,
      env: { DATABASE_URL: '' },
    },
  },
];
if (postgres) {
  projects.push({
    extends: true,
    test: {
      name: 'postgres',
      include: [...BOTH_ENGINES, ...POSTGRES_ONLY],
      // A placeholder that selects PostgreSQL (db/schema.ts decides at import) and that nothing can
      // connect to: each file points DATABASE_URL at its own database (tests/helpers/test-db.ts).
      env: { DATABASE_URL: 'postgres://test-database-not-created.invalid/none', TEST_DATABASE_URL },
      globalSetup: ['tests/helpers/pg-global-setup.ts'],
    },
  });
}

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    setupFiles: ['tests/helpers/vitest-setup.ts'],
    environment: 'node',
    // next-auth imports 'next/server' without an extension; inlined, Vite resolves it.
    server: { deps: { inline: ['next-auth', '@auth/core'] } },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects,
  },
});
