// Raw SQL for engine-neutral tests, written the way better-sqlite3's prepare() takes it (`?` for each
// argument), run on the test file's engine through db/engine: reads on the read connection, writes in
// a transaction. Write SQL both engines understand (true/false, quoted camelCase aliases).
import { sql, type SQL } from 'drizzle-orm';
import { execute, rows, transaction } from '@/db/engine';

function bind(query: string, args: unknown[]): SQL {
  const parts = query.split('?');
  if (parts.length !== args.length + 1) throw new Error(`${parts.length - 1} placeholders, ${args.length} arguments`);
  return sql.join(
    parts.map((part, i) => (i === 0 ? sql.raw(part) : sql`${args[i - 1]}${sql.raw(part)}`)),
    sql``,
  );
}

export const all = <T = Record<string, unknown>>(query: string, ...args: unknown[]) => rows<T>(bind(query, args));

export const one = async <T>(query: string, ...args: unknown[]) => (await all<T>(query, ...args))[0] as T;

/** One statement in its own transaction; returns how many rows it changed. */
export const run = (query: string, ...args: unknown[]) => transaction((tx) => execute(bind(query, args), tx));

/** Statements separated by `;`, in one transaction. */
export const runAll = (script: string) =>
  transaction(async (tx) => {
    for (const statement of script.split(';').filter((s) => s.trim())) await execute(sql.raw(statement), tx);
  });
