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
  // Query modules converted to db/engine (decision 023) run on SQLite and PostgreSQL: they await
  // drizzle's builders, because .all()/.get()/.run()/.values() exist only on SQLite, and never touch the
  // synchronous SQLite connection. The modules still to convert are listed until the conversion
  // reaches them (docs/data-layer-conversion.md); the list only shrinks.
  {
    files: ['db/queries/**/*.ts'],
    ignores: [
      'db/queries/admin-sections.ts',
      'db/queries/admin-site.ts',
      'db/queries/admin-stories.ts',
      'db/queries/articles.ts',
      'db/queries/audit.ts',
      'db/queries/authors.ts',
      'db/queries/contact.ts',
      'db/queries/health.ts',
      'db/queries/insights.ts',
      'db/queries/ip-salts.ts',
      'db/queries/media.ts',
      'db/queries/moderation.ts',
      'db/queries/mood-rankings.ts',
      'db/queries/redirects.ts',
      'db/queries/scheduled.ts',
      'db/queries/sections.ts',
      'db/queries/shares.ts',
      'db/queries/site.ts',
      'db/queries/syndication.ts',
      'db/queries/tags.ts',
      'db/queries/throttle.ts',
      'db/queries/users.ts',
      'db/queries/votes.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[arguments.length=0][callee.property.name=/^(all|get|run|values)$/]',
          message: 'SQLite-only: await the query builder instead (.get() → .limit(1) then [0]).',
        },
        {
          selector:
            'CallExpression[callee.object.name=/^(db|tx)$/][callee.property.name=/^(all|get|run|values|transaction)$/]',
          message: 'SQLite-only: use rows()/execute()/transaction() from @/db/engine.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@/db', message: 'getDb() is the synchronous SQLite connection: use @/db/engine.' }] },
      ],
    },
  },
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
