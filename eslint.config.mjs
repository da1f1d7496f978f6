import { defineConfig, globalIgnores } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Imports run one way (docs/decisions/026-import-direction.md): a layer imports itself and the layers
// after it in this list, never one before it. lib/domain/ is the leaf: the moods, roles, statuses,
// share networks, routes and slugs that db/ and lib/ both need; it imports nothing of ours.
// scripts/ and tests/ stand above everything and are not checked.
const LAYERS = [
  // Routes, and the files Next loads itself.
  { type: 'app', pattern: ['app/**', 'proxy.ts', 'instrumentation.ts', 'next.config.ts'] },
  { type: 'components', pattern: ['components/**'] },
  // Auth.js wants its two files at the root; they belong with lib/auth/.
  { type: 'lib', pattern: ['lib/**', 'auth.ts', 'auth.config.ts'] },
  { type: 'queries', pattern: ['db/queries/**'] },
  { type: 'db', pattern: ['db/**'] },
  { type: 'schema', pattern: ['db/schema.ts', 'db/schema/**'] },
  // Which database and where, from the environment: the schema picks its engine's tables by it.
  { type: 'config', pattern: ['db/config.ts', 'db/engine/config.ts'] },
  { type: 'domain', pattern: ['lib/domain/**'] },
];
// The more specific patterns must be tried first (lib/domain before lib/, db/queries before db/).
const MATCH_ORDER = ['app', 'components', 'domain', 'lib', 'queries', 'schema', 'config', 'db'];

const importDirection = {
  files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
  ignores: ['scripts/**', 'tests/**'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { alwaysTryTypes: true }, node: true },
    // 'full': a pattern names whole paths, so single files (proxy.ts, auth.ts, db/schema.ts) can be
    // placed. Deprecated in 7.x (not removed); the version is pinned, and the notice it prints on
    // every run is switched off. Decision 026 says what to change on the next major version.
    'boundaries/elements': MATCH_ORDER.map((type) => ({
      type,
      pattern: LAYERS.find((l) => l.type === type).pattern,
      mode: 'full',
    })),
    'boundaries/legacy-warnings': false,
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          ...LAYERS.map((layer, i) => ({
            from: { element: { type: layer.type } },
            allow: { to: { element: { types: { anyOf: LAYERS.slice(i).map((l) => l.type) } } } },
          })),
          // The one exception: the search's queries and its two engines (FTS5, PostgreSQL) take the
          // parsed query's terms, highlight marks and snippet rules from the search logic in
          // lib/search-query.ts, until those parts move under db/engine/ (decision 026).
          {
            from: {
              file: {
                path: [
                  'db/queries/search.ts',
                  'db/engine/sqlite-search.ts',
                  'db/engine/pg-search.ts',
                  'db/engine/types.ts',
                ],
              },
            },
            allow: { to: { file: { path: 'lib/search-query.ts' } } },
          },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // The server hooks are CommonJS on purpose: next.config loads them before any bundler runs.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Reader pages link with plain <a>: a page of stories has a hundred links, and each next/link is a
  // client component to hydrate and a prefetch to run on a phone (docs/decisions/015).
  { files: ['app/(site)/**/*.tsx', 'components/**/*.tsx'], rules: { '@next/next/no-html-link-for-pages': 'off' } },
  importDirection,
  // Query modules converted to db/engine (decision 023) run on SQLite and PostgreSQL: they await
  // drizzle's builders, because .all()/.get()/.run()/.values() exist only on SQLite, and never touch the
  // synchronous SQLite connection (docs/data-layer-conversion.md).
  {
    files: ['db/queries/**/*.ts'],
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
    '.next-pg/**',
    '.next-standalone/**',
    'data/**',
    '.next-cluster/**',
    'node_modules/**',
    'bench/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
    'drizzle/**',
    'public/reader.js',
  ]),
]);
