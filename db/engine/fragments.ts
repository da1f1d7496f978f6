// SQL pieces whose spelling differs between SQLite and PostgreSQL (see SqlFragments in ./types).
// Pure functions of the engine kind: usable while building a query, before any connection exists.
import { sql, type SQL } from 'drizzle-orm';
import type { EngineKind } from './config';
import type { SqlFragments } from './types';

const sqliteFragments: SqlFragments = {
  likely: (condition) => sql`likely(${condition})`,
  asInt: (condition) => sql`(${condition})`,
  contains: (haystack, needle) => sql`(instr(${haystack}, ${needle}) > 0)`,
  utcDay: (ms) => sql`strftime('%Y-%m-%d', (${ms}) / 1000, 'unixepoch')`,
  greatest: (a, b) => sql`max(${a}, ${b})`,
  stringAgg: (expr, separator) => sql`group_concat(${expr}, ${separator})`,
  indexedBy: (index) => sql.raw(`indexed by ${index}`),
  forUpdateSkipLocked: () => sql``,
};

const pgFragments: SqlFragments = {
  likely: (condition) => sql`(${condition})`,
  asInt: (condition) => sql`(${condition})::int`,
  contains: (haystack, needle) => sql`(strpos(${haystack}, ${needle}) > 0)`,
  utcDay: (ms) => sql`to_char(to_timestamp((${ms}) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`,
  greatest: (a, b) => sql`greatest(${a}, ${b})`,
  stringAgg: (expr, separator) => sql`string_agg(${expr}, ${separator})`,
  indexedBy: () => sql``,
  forUpdateSkipLocked: () => sql`for update skip locked`,
};

export const fragmentsFor = (kind: EngineKind): SqlFragments => (kind === 'postgres' ? pgFragments : sqliteFragments);

export type { SQL };
