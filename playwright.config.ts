import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 3100);
const databasePath = process.env.E2E_DATABASE_PATH || `${process.cwd()}/data/test/e2e.db`;
// A second server with small vote limits and its own database, for the tests of the limits
// themselves; the main server's limits are high so that load tests from one address pass.
const limitsPort = port + 1;
const limitsDatabasePath = databasePath.replace(/\.db$/, '') + '-limits.db';
// The main server sends email to an SMTP server that tests/e2e/email.spec.ts runs on this port; the
// limits server has no SMTP_URL, as a site without email.
const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT || port + 53);
const next = 'node node_modules/next/dist/bin/next start --hostname 127.0.0.1 --port';

// The PostgreSQL run (scripts/test.sh, after the SQLite one): E2E_DATABASE_URL names a migrated and
// seeded database (scripts/e2e-postgres.ts) and E2E_DIST_DIR the build made on it. One server on the
// same port, and the specs that prove the engine where readers and staff meet it: votes, publishing,
// search (issue 17).
const postgresUrl = process.env.E2E_DATABASE_URL?.trim();
// shared-cache.spec.ts: two servers of its own on that database share their pages through Redis
// (issue 18 §1); it needs PostgreSQL, so it runs here only.
const POSTGRES_SPECS = ['votes.spec.ts', 'staff-publish.spec.ts', 'search.spec.ts', 'shared-cache.spec.ts'];
const POSTGRES_ONLY_SPECS = ['shared-cache.spec.ts'];
const limitsServer = {
  command: `rm -f "${limitsDatabasePath}"* && npx tsx scripts/db-seed.ts && ${next} ${limitsPort}`,
  // A 400 from the vote endpoint says the server is up without rendering (and caching) a page.
  url: `http://127.0.0.1:${limitsPort}/api/vote`,
  reuseExistingServer: false,
  timeout: 120_000,
  env: {
    DATABASE_PATH: limitsDatabasePath,
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: `http://127.0.0.1:${limitsPort}`,
    VOTE_LIMIT_PER_MINUTE: '5',
    VOTE_READER_LIMIT_PER_MINUTE: '3',
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  ...(postgresUrl ? { testMatch: POSTGRES_SPECS } : { testIgnore: POSTGRES_ONLY_SPECS }),
  webServer: [
    {
      command: `${next} ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...(postgresUrl
          ? { DATABASE_URL: postgresUrl, MOODWIRE_DIST_DIR: process.env.E2E_DIST_DIR || '.next-pg' }
          : { DATABASE_PATH: databasePath }),
        NEXT_TELEMETRY_DISABLED: '1',
        SITE_URL: `http://127.0.0.1:${port}`,
        LOG_FILE: `${path.dirname(databasePath)}/server${postgresUrl ? '-pg' : ''}.log`,
        VOTE_LIMIT_PER_MINUTE: '100000',
        VOTE_READER_LIMIT_PER_MINUTE: '100000',
        SHARE_LIMIT_PER_MINUTE: '100000',
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      },
    },
    ...(postgresUrl ? [] : [limitsServer]),
  ],
});
