import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // The server hooks are CommonJS on purpose: next.config loads them before any bundler runs.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Reader pages link with plain <a>: a page of stories has a hundred links, and each next/link is a
  // client component to hydrate and a prefetch to run on a phone (docs/decisions/015).
  { files: ['app/(site)/**/*.tsx', 'components/**/*.tsx'], rules: { '@next/next/no-html-link-for-pages': 'off' } },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'bench/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
    'drizzle/**',
    'public/reader.js',
  ]),
]);
