// Full-text search on PostgreSQL: search_documents of drizzle/pg/0001_search_index.sql, kept by
// triggers in the same transaction as every write. Why this design: docs/decisions/024-search-on-postgresql.md.
import { sql, type SQL } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { MARK_CLOSE, MARK_OPEN, type SearchTerm } from '@/lib/search-query';
import type { AppDb, FullTextSearch, MarkedText, SearchPlan } from './types';

// ts_rank's weights for the classes D, C, B, A: body 0.1; tags and byline 0.25; standfirst 0.4; title 1.
// Normalisation 1 divides by 1 + log(length), so that a long story does not win by length alone.
const RANK = sql.raw(`ts_rank('{0.1, 0.25, 0.4, 1.0}', d.words, `);
const HEADLINE_MARKS = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;
const WHOLE = `HighlightAll=true, ${HEADLINE_MARKS}`;
const PASSAGE = `MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … ", ${HEADLINE_MARKS}`;

const raw = (db: AppDb) => db as unknown as NodePgDatabase;

/** A lexeme in tsquery input syntax: quoted, with quotes doubled and backslashes escaped. */
const lexeme = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * The grams a term of an unspaced script needs (see moodwire_cjk_grams): every two characters for a
 * longer term, a prefix match for a single character.
 */
export function cjkTermQuery(term: string): string {
  const chars = Array.from(term);
  if (chars.length === 1) return `${lexeme(chars[0]!)}:*`;
  const grams = new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]!));
  return `(${[...grams].map(lexeme).join(' & ')})`;
}

/**
 * Every word term is a phrase (its words next to each other); all of them must match (`&&`). For
 * marking a passage, any of them (`||`): a passage with every term rarely exists, and ts_headline
 * would then mark nothing.
 */
function wordsQuery(terms: readonly SearchTerm[], join: '&&' | '||' = '&&'): SQL | null {
  const words = terms.filter((t) => t.kind === 'words');
  if (words.length === 0) return null;
  return sql`(${sql.join(
    words.map((t) => sql`phraseto_tsquery('moodwire', ${t.text})`),
    sql.raw(` ${join} `),
  )})`;
}

function textContains(term: string): SQL {
  return sql`(strpos(articles.title, ${term}) > 0 or strpos(articles.standfirst, ${term}) > 0 or strpos(d.tags, ${term}) > 0 or strpos(articles.byline, ${term}) > 0 or strpos(articles.body, ${term}) > 0)`;
}

async function plan(_db: AppDb, terms: readonly SearchTerm[]): Promise<SearchPlan | 'none' | null> {
  const words = wordsQuery(terms);
  const cjkTerms = terms.filter((t) => t.kind === 'cjk').map((t) => t.text);
  if (!words && cjkTerms.length === 0) return null;

  const where: SQL[] = [];
  if (words) where.push(sql`d.words @@ ${words}`);
  if (cjkTerms.length > 0) {
    where.push(sql`d.cjk @@ ${cjkTerms.map(cjkTermQuery).join(' & ')}::tsquery`);
    // The grams only say the characters are there; a longer term must also be there in one piece.
    for (const term of cjkTerms) if (Array.from(term).length > 1) where.push(textContains(term));
  }

  const score = words
    ? sql`-${RANK}${words}, 1)`
    : sql`-(${sql.join(
        cjkTerms.map(
          (t) =>
            sql`10 * (strpos(articles.title, ${t}) > 0)::int + 4 * (strpos(articles.standfirst, ${t}) > 0)::int + 3 * (strpos(d.tags, ${t}) > 0)::int + 2 * (strpos(articles.byline, ${t}) > 0)::int`,
        ),
        sql` + `,
      )})`;

  return { ctes: [], from: sql`search_documents d join articles on articles.id = d.article_id`, where, score };
}

async function highlight(
  db: AppDb,
  ids: readonly number[],
  terms: readonly SearchTerm[],
): Promise<Map<number, MarkedText>> {
  const words = wordsQuery(terms, '||');
  if (!words || ids.length === 0) return new Map();
  const result = await raw(db).execute<MarkedText & { id: number }>(sql`
    select a.id,
      ts_headline('moodwire', a.title, q.q, ${WHOLE}) as title,
      ts_headline('moodwire', a.standfirst, q.q, ${WHOLE}) as standfirst,
      ts_headline('moodwire', a.body, q.q, ${PASSAGE}) as body
    from articles a, (select ${words} as q) q
    where a.id = any(${sql.param([...ids])}::int[])`);
  return new Map(result.rows.map(({ id, ...marked }) => [id, marked]));
}

export const pgSearch: FullTextSearch = { plan, highlight };
