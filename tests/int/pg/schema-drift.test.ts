// db/schema.ts types PostgreSQL's tables as SQLite's: this test is what makes that cast safe. It
// migrates a SQLite file and a PostgreSQL database with the committed migrations and compares what
// the databases themselves say: tables, columns (mapped types, nullability, defaults, identity),
// primary keys, unique and other indexes (columns, order, partial conditions), foreign keys (with
// their ON DELETE) and CHECK constraints. The search index is engine-specific by design (decisions
// 007 and 024) and left out: objects named search_*.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type DB } from '@/db/client';
import { createPgEngine } from '@/db/engine/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { createEmptyPostgresDatabase } from '../../helpers/test-db';

type ColumnModel = { type: string; notNull: boolean; default: string | null; identity: boolean };
type TableModel = {
  columns: Record<string, ColumnModel>;
  primaryKey: string[];
  indexes: Record<string, { columns: string[]; unique: boolean; where: string | null }>;
  foreignKeys: string[];
  checks: Record<string, string>;
};
type Model = Record<string, TableModel>;

const ENGINE_SPECIFIC = /^search_/;

// Millisecond times are bigint on PostgreSQL (number mode); every other integer is integer.
const MS_COLUMN = /(_at|_until|^hour|^window_start|^sessions_valid_after)$/;

/**
 * A CHECK or partial-index condition reduced to what it says, whatever the engine's spelling:
 * PostgreSQL prints `status IN ('a', 'b')` as `(status = ANY (ARRAY['a'::text, 'b'::text]))`.
 */
function condition(text: string): string {
  const literals = [...text.matchAll(/'((?:[^']|'')*)'/g)].map((m) => `'${m[1]}'`).sort();
  const rest = text.replace(/'((?:[^']|'')*)'/g, ' ').replace(/::[a-z ]+/gi, ' ');
  const words = (rest.match(/[a-z_][a-z0-9_]*/gi) ?? [])
    .map((w) => w.toLowerCase())
    .filter((w) => !['any', 'array', 'in', 'text', 'check'].includes(w));
  const numbers = rest.match(/\b\d+\b/g) ?? [];
  const operators = (rest.match(/<>|>=|<=|!=|<|>/g) ?? []).map((o) => (o === '!=' ? '<>' : o));
  return JSON.stringify({
    words: [...new Set(words)].sort(),
    literals,
    numbers: numbers.sort(),
    operators: operators.sort(),
  });
}

const normaliseDefault = (value: string | null): string | null => {
  if (value === null) return null;
  const v = value.replace(/::[a-z ]+$/i, '').trim();
  if (v === 'false') return '0';
  if (v === 'true') return '1';
  return v;
};

function balancedAfter(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')') {
      depth--;
      if (depth === 0) return text.slice(start + 1, i);
    }
  }
  throw new Error(`unbalanced parentheses in ${text}`);
}

const SQLITE_ACTIONS: Record<string, string> = {
  CASCADE: 'cascade',
  'SET NULL': 'set null',
  RESTRICT: 'restrict',
  'NO ACTION': 'no action',
};
const PG_ACTIONS: Record<string, string> = { c: 'cascade', n: 'set null', r: 'restrict', a: 'no action' };

function booleanColumns(): Set<string> {
  const out = new Set<string>();
  for (const value of Object.values(sqliteSchema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    for (const c of config.columns) if (c.columnType === 'SQLiteBoolean') out.add(`${config.name}.${c.name}`);
  }
  return out;
}

function sqliteModel(db: DB): Model {
  const sqlite = db.$client;
  const booleans = booleanColumns();
  const model: Model = {};
  const tables = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
    )
    .all() as { name: string; sql: string }[];
  for (const { name, sql } of tables) {
    if (ENGINE_SPECIFIC.test(name)) continue;
    const info = sqlite.prepare(`select * from pragma_table_info(?)`).all(name) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const autoincrement = /AUTOINCREMENT/i.test(sql);
    const columns: Record<string, ColumnModel> = {};
    for (const c of info) {
      const integer = c.type.toLowerCase() === 'integer';
      // Binary columns: SQLite's blob is PostgreSQL's bytea.
      const type = !integer
        ? c.type.toLowerCase().replace(/^blob$/, 'bytea')
        : booleans.has(`${name}.${c.name}`)
          ? 'boolean'
          : MS_COLUMN.test(c.name)
            ? 'bigint'
            : 'integer';
      const identity = autoincrement && c.pk === 1;
      // A rowid primary key is never null, whether or not NOT NULL was written.
      columns[c.name] = {
        type,
        notNull: c.notnull === 1 || identity,
        default: normaliseDefault(c.dflt_value),
        identity,
      };
    }
    const primaryKey = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const indexes: TableModel['indexes'] = {};
    for (const index of sqlite.prepare('select * from pragma_index_list(?)').all(name) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[]) {
      if (index.origin === 'pk') continue;
      const cols = (
        sqlite.prepare('select name from pragma_index_info(?) order by seqno').all(index.name) as {
          name: string;
        }[]
      ).map((c) => c.name);
      const text = (
        sqlite.prepare("select sql from sqlite_master where type = 'index' and name = ?").get(index.name) as {
          sql: string;
        }
      ).sql;
      const where = index.partial ? condition(text.slice(text.search(/\bwhere\b/i) + 5)) : null;
      indexes[index.name] = { columns: cols, unique: index.unique === 1, where };
    }
    const foreignKeys = (
      sqlite.prepare('select * from pragma_foreign_key_list(?)').all(name) as {
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[]
    )
      .map((fk) => `${fk.from} → ${fk.table}.${fk.to} on delete ${SQLITE_ACTIONS[fk.on_delete] ?? fk.on_delete}`)
      .sort();
    const checks: Record<string, string> = {};
    for (const m of sql.matchAll(/CONSTRAINT\s+"?([a-z_0-9]+)"?\s+CHECK\s*\(/gi)) {
      checks[m[1]!] = condition(balancedAfter(sql, m.index + m[0].length - 1));
    }
    model[name] = { columns, primaryKey, indexes, foreignKeys, checks };
  }
  return model;
}

async function pgModel(client: pg.Client): Promise<Model> {
  const model: Model = {};
  const tables = await client.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  for (const { table_name: name } of tables.rows) {
    if (ENGINE_SPECIFIC.test(name)) continue;
    const cols = await client.query<{
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
    }>('select * from information_schema.columns where table_schema = $1 and table_name = $2', ['public', name]);
    const columns: Record<string, ColumnModel> = {};
    for (const c of cols.rows) {
      columns[c.column_name] = {
        type: c.data_type,
        notNull: c.is_nullable === 'NO',
        default: normaliseDefault(c.column_default),
        identity: c.is_identity === 'YES',
      };
    }
    const constraints = await client.query<{
      conname: string;
      contype: string;
      def: string;
      columns: string[];
      ref_table: string | null;
      ref_columns: string[] | null;
      confdeltype: string;
    }>(
      `select c.conname, c.contype, pg_get_constraintdef(c.oid) as def, c.confdeltype,
         array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
         c.confrelid::regclass::text as ref_table,
         array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as ref_columns
       from pg_constraint c where c.conrelid = $1::regclass`,
      [name],
    );
    const primaryKey = constraints.rows.find((c) => c.contype === 'p')?.columns ?? [];
    const foreignKeys = constraints.rows
      .filter((c) => c.contype === 'f')
      .map((c) => `${c.columns[0]} → ${c.ref_table}.${c.ref_columns![0]} on delete ${PG_ACTIONS[c.confdeltype]}`)
      .sort();
    const checks: Record<string, string> = {};
    for (const c of constraints.rows.filter((c) => c.contype === 'c')) checks[c.conname] = condition(c.def);
    const indexes: TableModel['indexes'] = {};
    const idx = await client.query<{ indexname: string; indexdef: string; unique: boolean; primary: boolean }>(
      `select i.indexname, i.indexdef, x.indisunique as unique, x.indisprimary as primary
       from pg_indexes i join pg_class ic on ic.relname = i.indexname join pg_index x on x.indexrelid = ic.oid
       where i.schemaname = 'public' and i.tablename = $1`,
      [name],
    );
    for (const i of idx.rows) {
      if (i.primary) continue;
      const using = i.indexdef.indexOf('USING btree (');
      const list = balancedAfter(i.indexdef, using + 'USING btree '.length);
      const whereAt = i.indexdef.search(/\bWHERE\b/);
      indexes[i.indexname] = {
        columns: list.split(',').map((s) => s.trim().replace(/"/g, '')),
        unique: i.unique,
        where: whereAt >= 0 ? condition(i.indexdef.slice(whereAt + 5)) : null,
      };
    }
    model[name] = { columns, primaryKey, indexes, foreignKeys, checks };
  }
  return model;
}

let sqlite: Model;
let postgres: Model;
let dir: string;
let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodwire-drift-'));
  const db = openDatabase(path.join(dir, 'drift.db'));
  migrateDatabase(db);
  sqlite = sqliteModel(db);
  db.$client.close();

  empty = await createEmptyPostgresDatabase();
  const engine = createPgEngine({ url: empty.url, poolSize: 1 });
  await engine.migrate();
  await engine.close();
  const client = new pg.Client({ connectionString: empty.url });
  await client.connect();
  try {
    postgres = await pgModel(client);
  } finally {
    await client.end();
  }
});
afterAll(async () => {
  await empty?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the two engines’ migrated schemas', () => {
  it('have the same tables', () => {
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    expect(Object.keys(sqlite).length).toBeGreaterThanOrEqual(21);
  });

  it('have the same columns: mapped types, nullability, defaults, identity', () => {
    for (const table of Object.keys(sqlite)) expect(postgres[table]?.columns, table).toEqual(sqlite[table]!.columns);
  });

  it('have the same primary keys, indexes (unique and partial too) and foreign keys', () => {
    for (const table of Object.keys(sqlite)) {
      expect(postgres[table]?.primaryKey, `${table} primary key`).toEqual(sqlite[table]!.primaryKey);
      expect(postgres[table]?.indexes, `${table} indexes`).toEqual(sqlite[table]!.indexes);
      expect(postgres[table]?.foreignKeys, `${table} foreign keys`).toEqual(sqlite[table]!.foreignKeys);
    }
  });

  it('have the same CHECK constraints', () => {
    for (const table of Object.keys(sqlite))
      expect(postgres[table]?.checks, `${table} checks`).toEqual(sqlite[table]!.checks);
    expect(Object.keys(sqlite.votes!.checks)).toContain('votes_mood_check');
  });
});
