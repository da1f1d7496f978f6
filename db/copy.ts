// Copies a whole site between the engines: SQLite → PostgreSQL (moving to several servers) and
// PostgreSQL → SQLite (going back). Every table of the schema, read from one consistent snapshot of
// the source and written in one transaction into an empty, freshly migrated target: stories, sections,
// users, votes, tallies, share counts, the audit log, media references… The search index is rebuilt
// on the target, identity sequences are moved past the copied ids, and the row counts are compared
// before the target commits. Used by `npm run db:copy` and by the PostgreSQL test databases.
// Uploaded photos come along (decision 055): a SQLite site keeps their renditions as files in the
// media folder beside its database, PostgreSQL as media_files rows; the copy reads the one and writes
// the other, counted like every table.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { migrateDatabase, openDatabase } from './client';
import { listMediaFolder, mediaFolderOf, writeMediaFile } from './media-folder';
import { createPgEngine } from './engine/pg';
import * as pgSchema from './schema/pg';

export type Endpoint = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export type TableReport = { table: string; rows: number };
export type CopyReport = { tables: TableReport[]; searchDocuments: number; ms: number };

type Column = { name: string; sqlType: string; boolean: boolean };
type TableInfo = { name: string; columns: Column[]; references: string[]; selfReference?: string; identity: boolean };

/** Batches are cut at this many rows or bytes of text, whichever comes first. */
const BATCH_ROWS = 5_000;
const BATCH_BYTES = 8_000_000;
/** The table of photo renditions: files beside a SQLite database, rows on PostgreSQL. */
const MEDIA_FILES = 'media_files';
/** Rows fetched at once from a table of binary columns (renditions are up to a few hundred kB each). */
const BINARY_BATCH_ROWS = 20;

/** Every table of the schema, parents before the tables that reference them. */
export function tablesInCopyOrder(): TableInfo[] {
  const infos = new Map<string, TableInfo>();
  for (const value of Object.values(pgSchema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const references: string[] = [];
    let selfReference: string | undefined;
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable).name;
      if (target === config.name) selfReference = ref.columns[0]!.name;
      else references.push(target);
    }
    infos.set(config.name, {
      name: config.name,
      columns: config.columns.map((c) => ({
        name: c.name,
        sqlType: c.getSQLType(),
        boolean: c.getSQLType() === 'boolean',
      })),
      references,
      selfReference,
      identity: config.columns.some((c) => c.name === 'id' && c.primary && c.getSQLType() === 'integer'),
    });
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visit = (name: string, trail: string[]) => {
    if (placed.has(name)) return;
    if (trail.includes(name)) throw new Error(`foreign keys form a cycle: ${[...trail, name].join(' → ')}`);
    const info = infos.get(name)!;
    for (const ref of info.references) visit(ref, [...trail, name]);
    placed.add(name);
    ordered.push(info);
  };
  for (const name of [...infos.keys()].sort()) visit(name, []);
  return ordered;
}

/** Rows of a self-referencing table (sections: parent_id) ordered parents first. */
function parentsFirst(rows: unknown[][], columns: Column[], selfReference: string): unknown[][] {
  const idAt = columns.findIndex((c) => c.name === 'id');
  const parentAt = columns.findIndex((c) => c.name === selfReference);
  const out: unknown[][] = [];
  const done = new Set<unknown>();
  let pending = rows;
  while (pending.length > 0) {
    const next = pending.filter((r) => r[parentAt] !== null && !done.has(r[parentAt]));
    const ready = pending.filter((r) => r[parentAt] === null || done.has(r[parentAt]));
    if (ready.length === 0) throw new Error('rows refer to parents that do not exist');
    for (const r of ready) {
      out.push(r);
      done.add(r[idAt]);
    }
    pending = next;
  }
  return out;
}

/** The renditions in a SQLite site's media folder as media_files rows, a few MB at a time. */
async function* mediaFolderBatches(folder: string, columns: Column[]): AsyncGenerator<unknown[][]> {
  let batch: unknown[][] = [];
  let bytes = 0;
  for (const f of listMediaFolder(folder)) {
    const values: Record<string, unknown> = {
      media_key: f.key,
      file: f.file,
      content_type: f.contentType,
      size: f.size,
      bytes: fs.readFileSync(f.path),
      created_at: f.mtimeMs,
    };
    batch.push(columns.map((c) => values[c.name]));
    bytes += f.size;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

interface Source {
  batches(table: TableInfo): AsyncGenerator<unknown[][]>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

function migrationsApplied(sqlite: Database.Database): number {
  const exists = sqlite.prepare("select 1 from sqlite_master where name = '__drizzle_migrations'").get();
  return exists ? (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n : 0;
}

function expectedMigrations(engine: 'sqlite' | 'pg'): number {
  const file = path.join(process.cwd(), 'drizzle', engine, 'meta', '_journal.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: unknown[] }).entries.length;
}

async function openSqliteSource(file: string): Promise<Source> {
  if (!fs.existsSync(file)) throw new Error(`There is no SQLite database at ${file}.`);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const applied = migrationsApplied(sqlite);
  const expected = expectedMigrations('sqlite');
  if (applied !== expected) {
    sqlite.close();
    throw new Error(
      `${file} has ${applied} of ${expected} migrations applied: run npm run db:migrate on it first (with DATABASE_PATH=${file}).`,
    );
  }
  // One read transaction for every table: a consistent snapshot while the site may still be writing.
  sqlite.exec('BEGIN');
  sqlite.prepare('select count(*) from sqlite_master').get();
  const media = mediaFolderOf(file);
  return {
    async *batches(table) {
      if (table.name === MEDIA_FILES) {
        yield* mediaFolderBatches(media, table.columns);
        return;
      }
      const select = sqlite
        .prepare(`select ${table.columns.map((c) => `"${c.name}"`).join(', ')} from "${table.name}" order by rowid`)
        .raw(true);
      const fix = (row: unknown[]) =>
        table.columns.some((c) => c.boolean)
          ? row.map((v, i) => (table.columns[i]!.boolean && v !== null ? v === 1 || v === true : v))
          : row;
      if (table.selfReference) {
        yield parentsFirst((select.all() as unknown[][]).map(fix), table.columns, table.selfReference);
        return;
      }
      let batch: unknown[][] = [];
      let bytes = 0;
      for (const row of select.iterate() as IterableIterator<unknown[]>) {
        batch.push(fix(row));
        for (const v of row) if (typeof v === 'string') bytes += v.length;
        if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
          yield batch;
          batch = [];
          bytes = 0;
        }
      }
      if (batch.length > 0) yield batch;
    },
    async count(name) {
      if (name === MEDIA_FILES) return listMediaFolder(media).length;
      return (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
    },
    async close() {
      if (sqlite.inTransaction) sqlite.exec('COMMIT');
      sqlite.close();
    },
  };
}

async function openPgSource(url: string): Promise<Source> {
  const client = new pg.Client({ connectionString: url, application_name: 'moodwire db:copy' });
  await client.connect();
  try {
    const state = await client.query<{ n: number | null }>(
      "select case when to_regclass('drizzle.__drizzle_migrations') is null then 0 else (select count(*) from drizzle.__drizzle_migrations) end as n",
    );
    const applied = Number(state.rows[0]?.n ?? 0);
    const expected = expectedMigrations('pg');
    if (applied !== expected)
      throw new Error(
        `The PostgreSQL database has ${applied} of ${expected} migrations applied: run npm run db:migrate on it first.`,
      );
    // One snapshot for every table.
    await client.query('begin isolation level repeatable read read only');
  } catch (error) {
    await client.end();
    throw error;
  }
  let cursor = 0;
  return {
    async *batches(table) {
      const name = `copy_${cursor++}`;
      const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
      const order = table.columns.some((c) => c.name === 'id') ? ' order by id' : '';
      await client.query(`declare ${name} no scroll cursor for select ${columns} from "${table.name}"${order}`);
      const all: unknown[][] = [];
      const size = table.columns.some((c) => c.sqlType === 'bytea') ? BINARY_BATCH_ROWS : BATCH_ROWS;
      for (;;) {
        const result = await client.query({ text: `fetch ${size} from ${name}`, rowMode: 'array' });
        if (result.rows.length === 0) break;
        if (table.selfReference) all.push(...(result.rows as unknown[][]));
        else yield result.rows as unknown[][];
      }
      await client.query(`close ${name}`);
      if (table.selfReference && all.length > 0) yield parentsFirst(all, table.columns, table.selfReference);
    },
    async count(name) {
      return Number((await client.query<{ n: number }>(`select count(*) as n from "${name}"`)).rows[0]!.n);
    },
    async close() {
      await client.query('commit').catch(() => undefined);
      await client.end();
    },
  };
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────

interface Target {
  /** The tables that already hold rows (a target must be empty). */
  nonEmpty(tables: TableInfo[]): Promise<string[]>;
  begin(): Promise<void>;
  insert(table: TableInfo, rows: unknown[][]): Promise<void>;
  /** Rebuilds the search index and moves identity sequences; returns the number of indexed stories. */
  finish(tables: TableInfo[]): Promise<number>;
  count(table: string): Promise<number>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

async function openPgTarget(url: string): Promise<Target> {
  // Migrate first (its own connection, one migrator at a time), then copy on a read-write session.
  const engine = createPgEngine({ url, poolSize: 1 });
  try {
    await engine.migrate();
  } finally {
    await engine.close();
  }
  const client = new pg.Client({ connectionString: url, application_name: 'moodwire db:copy' });
  await client.connect();
  return {
    async nonEmpty(tables) {
      const full: string[] = [];
      for (const t of tables) {
        const r = await client.query(`select 1 from "${t.name}" limit 1`);
        if (r.rows.length > 0) full.push(t.name);
      }
      return full;
    },
    async begin() {
      await client.query('begin isolation level read committed read write');
      // The search triggers would index a story once per tag row; one rebuild at the end instead.
      for (const table of ['articles', 'article_tags', 'tags'])
        await client.query(`alter table "${table}" disable trigger user`);
    },
    async insert(table, rows) {
      const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
      const arrays = table.columns.map((_, i) => rows.map((r) => r[i] ?? null));
      const casts = table.columns.map((c, i) => `$${i + 1}::${c.sqlType}[]`).join(', ');
      await client.query(`insert into "${table.name}" (${columns}) select * from unnest(${casts})`, arrays);
    },
    async finish(tables) {
      for (const table of ['articles', 'article_tags', 'tags'])
        await client.query(`alter table "${table}" enable trigger user`);
      await client.query('select moodwire_search_refresh(null)');
      for (const t of tables) {
        if (!t.identity) continue;
        await client.query(
          `select setval(pg_get_serial_sequence('"${t.name}"', 'id'), coalesce(max(id), 0) + 1, false) from "${t.name}"`,
        );
      }
      return Number((await client.query<{ n: number }>('select count(*) as n from search_documents')).rows[0]!.n);
    },
    async count(name) {
      return Number((await client.query<{ n: number }>(`select count(*) as n from "${name}"`)).rows[0]!.n);
    },
    async commit() {
      await client.query('commit');
      // Fresh statistics, so that the first queries are planned well.
      await client.query('analyze');
    },
    async rollback() {
      await client.query('rollback');
    },
    async close() {
      await client.end();
    },
  };
}

async function openSqliteTarget(file: string): Promise<Target> {
  const db = openDatabase(file);
  migrateDatabase(db);
  const sqlite = db.$client;
  const statements = new Map<string, Database.Statement>();
  const media = mediaFolderOf(file);
  const written = new Set<string>();
  return {
    async nonEmpty(tables) {
      const full = tables.filter((t) => sqlite.prepare(`select 1 from "${t.name}" limit 1`).get()).map((t) => t.name);
      // Another site's photos beside it would be taken for this one's (and swept as orphans).
      if (listMediaFolder(media).length > 0) full.push(`${media} (photos of another site)`);
      return full;
    },
    async begin() {
      sqlite.exec('BEGIN IMMEDIATE');
    },
    async insert(table, rows) {
      if (table.name === MEDIA_FILES) {
        const at = (name: string) => table.columns.findIndex((c) => c.name === name);
        const [key, fileName, bytes] = [at('media_key'), at('file'), at('bytes')];
        for (const row of rows) {
          written.add(row[key] as string);
          writeMediaFile(media, row[key] as string, row[fileName] as string, row[bytes] as Uint8Array);
        }
        return;
      }
      let insert = statements.get(table.name);
      if (!insert) {
        const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
        insert = sqlite.prepare(
          `insert into "${table.name}" (${columns}) values (${table.columns.map(() => '?').join(', ')})`,
        );
        statements.set(table.name, insert);
      }
      // better-sqlite3 binds no booleans: SQLite keeps them as 0 and 1.
      for (const row of rows) insert.run(...row.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)));
    },
    async finish() {
      // The FTS5 triggers indexed every story as it came; merge the segments those many writes left.
      sqlite.exec("insert into search_words(search_words) values ('optimize')");
      sqlite.exec("insert into search_cjk(search_cjk) values ('optimize')");
      return (sqlite.prepare('select count(*) as n from search_words').get() as { n: number }).n;
    },
    async count(name) {
      if (name === MEDIA_FILES) return listMediaFolder(media).length;
      return (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
    },
    async commit() {
      sqlite.exec('COMMIT');
      sqlite.exec('ANALYZE');
    },
    async rollback() {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      // The files went in as they came; a copy that is not committed leaves none of them.
      for (const key of written) fs.rmSync(path.join(media, key), { recursive: true, force: true });
    },
    async close() {
      sqlite.close();
    },
  };
}

const describe = (e: Endpoint) => (e.kind === 'sqlite' ? e.file : 'PostgreSQL');

/**
 * Copies every table from `from` into `to`, which must be empty (it is migrated first). Nothing is
 * written to the target unless every table's row count matches the source's.
 */
export async function copyDatabase(
  from: Endpoint,
  to: Endpoint,
  log: (line: string) => void = () => {},
): Promise<CopyReport> {
  const started = performance.now();
  if (
    from.kind === to.kind &&
    (from.kind === 'sqlite' ? from.file === (to as { file: string }).file : from.url === (to as { url: string }).url)
  )
    throw new Error('The source and the target are the same database.');
  if (from.kind === 'sqlite' && to.kind === 'sqlite')
    throw new Error('Both are SQLite files: copy the file with npm run backup instead.');
  const tables = tablesInCopyOrder();
  const source = from.kind === 'sqlite' ? await openSqliteSource(from.file) : await openPgSource(from.url);
  let target: Target | undefined;
  try {
    target = to.kind === 'sqlite' ? await openSqliteTarget(to.file) : await openPgTarget(to.url);
    const full = await target.nonEmpty(tables);
    if (full.length > 0)
      throw new Error(
        `The target ${to.kind === 'sqlite' ? to.file : 'database'} is not empty (${full.slice(0, 5).join(', ')}${full.length > 5 ? '…' : ''} hold rows): copy into a new, empty database.`,
      );
    await target.begin();
    const report: TableReport[] = [];
    try {
      for (const table of tables) {
        let copied = 0;
        for await (const batch of source.batches(table)) {
          await target.insert(table, batch);
          copied += batch.length;
        }
        report.push({ table: table.name, rows: copied });
        log(`  ${table.name.padEnd(20)} ${String(copied).padStart(10)} rows`);
      }
      const searchDocuments = await target.finish(tables);
      for (const { table, rows } of report) {
        const [inSource, inTarget] = [await source.count(table), await target.count(table)];
        if (inSource !== rows || inTarget !== rows)
          throw new Error(`${table}: ${inSource} rows in the source, ${rows} copied, ${inTarget} in the target`);
      }
      const articles = report.find((r) => r.table === 'articles')?.rows ?? 0;
      if (searchDocuments !== articles)
        throw new Error(`the search index holds ${searchDocuments} stories instead of ${articles}`);
      await target.commit();
      log(`  counts verified in ${describe(from)} and the target; search index rebuilt (${searchDocuments} stories)`);
      return { tables: report, searchDocuments, ms: performance.now() - started };
    } catch (error) {
      await target.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    await source.close();
    await target?.close();
  }
}
