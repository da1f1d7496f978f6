// Full-text search on SQLite: the FTS5 tables of drizzle/sqlite/0002_search_index.sql. How the two
// indexes divide the work: docs/decisions/007-search-tokenizer.md.
import { sql, type SQL } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import {
  anyOfExpression,
  MARK_CLOSE,
  MARK_OPEN,
  trigramExpression,
  trigramPrefixRange,
  wordsMatchExpression,
  type SearchTerm,
} from '@/lib/search-query';
import type { AppDb, FullTextSearch, MarkedText, SearchPlan } from './types';

// bm25 weight per column of search_words, in its column order: title, standfirst, tags, byline, body.
const WEIGHTS = sql.raw('10.0, 4.0, 3.0, 2.0, 1.0');
// A 1–2 character term that starts more distinct trigrams than this is checked as a substring instead.
const EXPANSION_LIMIT = 2000;
const SNIPPET_TOKENS = 28;

// The SQLite engine hands out better-sqlite3 drizzle databases; FTS5 needs their raw SQL calls.
const raw = (db: AppDb) => db as unknown as BetterSQLite3Database;

async function plan(db: AppDb, terms: readonly SearchTerm[]): Promise<SearchPlan | 'none' | null> {
  const words = wordsMatchExpression(terms);
  const cjkTerms = terms.filter((t) => t.kind === 'cjk').map((t) => t.text);
  if (!words && cjkTerms.length === 0) return null;

  // CJK terms: three characters or more match their trigrams and are then checked as substrings;
  // shorter ones match any trigram that starts with them, which is exact.
  const cjkParts: string[] = [];
  const mustContain: string[] = [];
  for (const term of cjkTerms) {
    if (Array.from(term).length >= 3) {
      cjkParts.push(`(${trigramExpression(term)})`);
      mustContain.push(term);
      continue;
    }
    const [low, high] = trigramPrefixRange(term);
    const trigrams = raw(db)
      .all<{ term: string }>(
        sql`select term from search_cjk_terms where term >= ${low} and term < ${high} limit ${EXPANSION_LIMIT + 1}`,
      )
      .map((r) => r.term);
    if (trigrams.length === 0) return 'none';
    if (trigrams.length > EXPANSION_LIMIT) mustContain.push(term);
    else cjkParts.push(anyOfExpression(trigrams));
  }
  const cjk = cjkParts.length > 0 ? cjkParts.join(' AND ') : null;

  const ctes: SQL[] = [];
  if (words) {
    ctes.push(
      sql`w as materialized (select rowid as id, bm25(search_words, ${WEIGHTS}) as score from search_words where search_words match ${words})`,
    );
  }
  if (cjk) ctes.push(sql`c as materialized (select rowid as id from search_cjk where search_cjk match ${cjk})`);

  const source = words ? sql.raw('w') : cjk ? sql.raw('c') : sql.raw('(select rowid as id from search_words)');
  const needsText = mustContain.length > 0 || !words;
  const joins: SQL[] = [sql`join articles on articles.id = src.id`];
  if (words && cjk) joins.push(sql`join c on c.id = src.id`);
  if (needsText) joins.push(sql`join search_words sw on sw.rowid = articles.id`);

  const where = mustContain.map(
    (term) =>
      sql`(instr(sw.title, ${term}) > 0 or instr(sw.standfirst, ${term}) > 0 or instr(sw.tags, ${term}) > 0 or instr(sw.byline, ${term}) > 0 or instr(sw.body, ${term}) > 0)`,
  );

  // Best first: bm25 when there are words (lower is better); otherwise where the CJK terms appear.
  const score = words
    ? sql.raw('src.score')
    : sql`-(${sql.join(
        cjkTerms.map(
          (t) =>
            sql`10 * (instr(sw.title, ${t}) > 0) + 4 * (instr(sw.standfirst, ${t}) > 0) + 3 * (instr(sw.tags, ${t}) > 0) + 2 * (instr(sw.byline, ${t}) > 0)`,
        ),
        sql` + `,
      )})`;

  return { ctes, from: sql`${source} as src ${sql.join(joins, sql` `)}`, where, score };
}

async function highlight(
  db: AppDb,
  ids: readonly number[],
  terms: readonly SearchTerm[],
): Promise<Map<number, MarkedText>> {
  const words = wordsMatchExpression(terms);
  if (!words || ids.length === 0) return new Map();
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = raw(db).all<MarkedText & { id: number }>(sql`
    select rowid as id,
      highlight(search_words, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as title,
      highlight(search_words, 1, ${MARK_OPEN}, ${MARK_CLOSE}) as standfirst,
      snippet(search_words, 4, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS}) as body
    from search_words where search_words match ${words} and rowid in (${idList})`);
  return new Map(rows.map(({ id, ...marked }) => [id, marked]));
}

export const sqliteSearch: FullTextSearch = { plan, highlight };
