// The cluster proofs (issue 18 §7): run by `npm run test:cluster` (scripts/test-cluster.ts), which starts
// three servers and nginx first and passes their addresses in CLUSTER_URL and CLUSTER_SERVERS.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/cluster',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Each proof is bounded in its own body; this is the backstop.
  timeout: 90_000,
  reporter: [['list']],
  use: {
    baseURL: process.env.CLUSTER_URL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
