// Records the SQL a piece of code runs on a better-sqlite3 connection, and judges its query plans.
import type Database from 'better-sqlite3';

export type CapturedStatement = { sql: string; params: unknown[] };
export type PlanStep = { id: number; parent: number; detail: string };

const EXECUTE = ['all', 'get', 'run', 'iterate'] as const;

/**
 * Records every statement executed on `client` until `restore()`, with its parameters, by wrapping
 * better-sqlite3's Statement methods: statements prepared earlier and kept (drizzle's `.prepare()`)
 * are seen too.
 */
/** The statements run on `client` (or on any of several connections to the file) until restore(). */
export function captureStatements(client: Database.Database | Database.Database[]): {
  statements: CapturedStatement[];
  restore: () => void;
} {
  const clients = new Set([client].flat());
  const files = new Set([...clients].map((c) => c.name));
  const statements: CapturedStatement[] = [];
  const proto = Object.getPrototypeOf([...clients][0]!.prepare('select 1')) as Record<
    (typeof EXECUTE)[number],
    (...args: unknown[]) => unknown
  >;
  const originals = EXECUTE.map((name) => [name, proto[name]] as const);
  for (const [name, original] of originals) {
    proto[name] = function (this: Database.Statement, ...args: unknown[]) {
      // Every connection to the same file: db/engine reads and writes on connections of its own.
      if (files.has(this.database.name)) statements.push({ sql: this.source, params: args });
      return original.apply(this, args);
    };
  }
  return {
    statements,
    restore: () => {
      for (const [name, original] of originals) proto[name] = original;
    },
  };
}

export function explain(client: Database.Database, statement: CapturedStatement): PlanStep[] {
  return client.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as PlanStep[];
}

/**
 * The tables that grow with every story, vote or share: a plan that reads all of one of them gets
 * slower as the site lives. (vote_hourly holds a row per story, hour and mood: 380,000 at 1M votes.)
 */
const BIG_TABLES = ['articles', 'votes', 'vote_tallies', 'vote_hourly', 'share_clicks'];
const KEYWORDS = new Set([
  'on',
  'where',
  'inner',
  'left',
  'cross',
  'join',
  'group',
  'order',
  'limit',
  'using',
  'natural',
  'union',
  'set',
  'values',
]);

/** The names a plan may give the big tables: their own, and any alias the SQL gives them. */
function bigTableNames(sql: string): string {
  const names = new Set(BIG_TABLES);
  for (const m of sql.matchAll(/\b(?:from|join)\s+["`]?(\w+)["`]?\s+(?:as\s+)?["`]?(\w+)["`]?/gi)) {
    if (BIG_TABLES.includes(m[1]!.toLowerCase()) && !KEYWORDS.has(m[2]!.toLowerCase())) names.add(m[2]!);
  }
  return `(${[...names].join('|')})`;
}

const SCOPE = /SUBQUERY|MATERIALIZE|CO-ROUTINE|COMPOUND|UNION|LEFT-MOST/;

/**
 * Why a plan reads a whole big table, or undefined when it does not. Two shapes are refused:
 * 1. `SCAN <big table>` — every row, with or without an index — unless it is the outer query's, the
 *    statement has a LIMIT and the scan walks an index in the order asked for (no temp B-tree), so
 *    it stops early;
 * 2. in one (sub)query, `USE TEMP B-TREE FOR ORDER BY` over rows fetched by a range search of a
 *    non-covering index on a big table: every matching row is read, bodies included, and sorted
 *    to keep a few. Sorting what a covering index holds, or rows fetched by rowid, is fine.
 */
export function fullReadReason(sql: string, plan: PlanStep[]): string | undefined {
  const byId = new Map(plan.map((p) => [p.id, p]));
  const scopeOf = (step: PlanStep): number => {
    let current = byId.get(step.parent);
    while (current) {
      if (SCOPE.test(current.detail)) return current.id;
      current = byId.get(current.parent);
    }
    return 0;
  };
  const hasLimit = /\blimit\b/i.test(sql);
  const BIG = bigTableNames(sql);
  for (const step of plan) {
    const scan = new RegExp(`^SCAN ${BIG}\\b(.*)$`).exec(step.detail);
    if (!scan) continue;
    // The early stop only holds in the outer query: a subquery's scan feeds a GROUP BY or a join
    // and runs to the end, whatever the outer LIMIT says.
    const outer = scopeOf(step) === 0;
    const ordered = /USING (COVERING )?INDEX/.test(scan[2] ?? '');
    const sorts = plan.some((p) => scopeOf(p) === 0 && /USE TEMP B-TREE FOR (ORDER|GROUP) BY/.test(p.detail));
    if (!(outer && hasLimit && ordered && !sorts)) return `full scan: ${step.detail}`;
  }
  const scopes = new Set(plan.map(scopeOf));
  for (const scope of scopes) {
    const steps = plan.filter((p) => scopeOf(p) === scope);
    if (!steps.some((p) => /USE TEMP B-TREE FOR ORDER BY/.test(p.detail))) continue;
    const fetch = steps.find((p) => new RegExp(`^SEARCH ${BIG}\\b.* USING INDEX `).test(p.detail));
    if (fetch) return `sorts every matching row: ${fetch.detail} + USE TEMP B-TREE FOR ORDER BY`;
  }
  return undefined;
}
