import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/int/**/*.test.ts'],
    setupFiles: ['tests/helpers/vitest-setup.ts'],
    environment: 'node',
    // next-auth imports 'next/server' without an extension; inlined, Vite resolves it.
    server: { deps: { inline: ['next-auth', '@auth/core'] } },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
