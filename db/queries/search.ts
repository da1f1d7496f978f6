// Full-text search over public stories: the FTS5 tables made by drizzle/0002_search_index.sql.
// How the two indexes divide the work: docs/decisions/007-search-tokenizer.md.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles } from '@/db/schema';
import {
  anyOfExpression,
  cleanSnippet,
  excerptAround,
  MARK_CLOSE,
  MARK_OPEN,
  SEARCH_PAGE_SIZE,
  trigramExpression,
  trigramPrefixRange,
  wordsMatchExpression,
  type ParsedQuery,
} from '@/lib/search-query';
import { listArticleCardsByIds, type ArticleCard } from './articles';
import { isPublic } from './visibility';

export type SearchFilters = {
  /** a section and its subsections */
  sectionIds?: number[];
  /** published at or after (ms) */
  from?: number;
  /** published before (ms) */
  to?: number;
};

/** `title` and `snippet` carry MARK_OPEN/MARK_CLOSE around matches; render them with toSegments(). */
export type SearchHit = { article: ArticleCard; title: string; snippet: string };
export type SearchOutcome = { total: number; hits: SearchHit[] };

// bm25 weight per column of search_words, in its column order: title, standfirst, tags, byline, body.
const WEIGHTS = sql.raw('10.0, 4.0, 3.0, 2.0, 1.0');
// A 1–2 character term that starts more distinct trigrams than this is checked as a substring instead.
const EXPANSION_LIMIT = 2000;
const SNIPPET_TOKENS = 28;

const NONE: SearchOutcome = { total: 0, hits: [] };

/**
 * One page of public stories matching the query and filters, best first (bm25, title weighted; newest
 * first among equals), with the total count. A query without terms lists the filtered stories newest
 * first. Drafts, stories in review and stories scheduled for later never appear.
 */
export function searchArticles(
  query: ParsedQuery,
  filters: SearchFilters = {},
  { page = 1, pageSize = SEARCH_PAGE_SIZE, now = Date.now() }: { page?: number; pageSize?: number; now?: number } = {},
): SearchOutcome {
  const db = getDb();
  const words = wordsMatchExpression(query.terms);
  const cjkTerms = query.terms.filter((t) => t.kind === 'cjk').map((t) => t.text);

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
    const trigrams = db
      .all<{ term: string }>(
        sql`select term from search_cjk_terms where term >= ${low} and term < ${high} limit ${EXPANSION_LIMIT + 1}`,
      )
      .map((r) => r.term);
    if (trigrams.length === 0) return NONE;
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

  const needsText = mustContain.length > 0 || (!words && cjkTerms.length > 0);
  const source = words
    ? sql.raw('w')
    : cjk
      ? sql.raw('c')
      : needsText
        ? sql.raw('(select rowid as id from search_words)')
        : null;

  const where: SQL[] = [isPublic(now)];
  if (filters.sectionIds?.length) {
    where.push(
      sql`${articles.sectionId} in (${sql.join(
        filters.sectionIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  }
  if (filters.from !== undefined) where.push(sql`${articles.publishedAt} >= ${filters.from}`);
  if (filters.to !== undefined) where.push(sql`${articles.publishedAt} < ${filters.to}`);
  for (const term of mustContain) {
    where.push(
      sql`(instr(sw.title, ${term}) > 0 or instr(sw.standfirst, ${term}) > 0 or instr(sw.tags, ${term}) > 0 or instr(sw.byline, ${term}) > 0 or instr(sw.body, ${term}) > 0)`,
    );
  }

  // Best first: bm25 when there are words (lower is better); otherwise where the CJK terms appear.
  const score = words
    ? sql.raw('src.score')
    : cjkTerms.length > 0
      ? sql`-(${sql.join(
          cjkTerms.map(
            (t) =>
              sql`10 * (instr(sw.title, ${t}) > 0) + 4 * (instr(sw.standfirst, ${t}) > 0) + 3 * (instr(sw.tags, ${t}) > 0) + 2 * (instr(sw.byline, ${t}) > 0)`,
          ),
          sql` + `,
        )})`
      : null;

  const joins: SQL[] = [];
  if (source) joins.push(sql`join ${articles} on ${articles.id} = src.id`);
  if (words && cjk) joins.push(sql`join c on c.id = src.id`);
  if (needsText) joins.push(sql`join search_words sw on sw.rowid = ${articles.id}`);

  const from = source ? sql`${source} as src ${sql.join(joins, sql` `)}` : sql`${articles}`;
  const body = sql`select ${articles.id} as id, count(*) over () as total
    from ${from}
    where ${sql.join(where, sql` and `)}
    order by ${score ? sql`${score}, ` : sql``}${articles.publishedAt} desc, ${articles.id} desc`;
  const withClause = ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)} ` : sql``;
  const offset = (page - 1) * pageSize;
  const rows = db.all<{ id: number; total: number }>(sql`${withClause}${body} limit ${pageSize} offset ${offset}`);

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    // Past the last page the window function has no row to report the total on.
    total = db.get<{ n: number }>(sql`${withClause}select count(*) as n from (${body})`)?.n ?? 0;
  }
  if (rows.length === 0) return { total, hits: [] };

  const ids = rows.map((r) => r.id);
  const cards = listArticleCardsByIds(ids, now);
  return { total, hits: withSnippets(cards, words, cjkTerms) };
}

function withSnippets(cards: ArticleCard[], words: string | null, cjkTerms: string[]): SearchHit[] {
  if (cards.length === 0) return [];
  const db = getDb();
  const idList = sql.join(
    cards.map((c) => sql`${c.id}`),
    sql`, `,
  );
  if (words) {
    const rows = db.all<{ id: number; title: string; standfirst: string; body: string }>(sql`
      select rowid as id,
        highlight(search_words, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as title,
        highlight(search_words, 1, ${MARK_OPEN}, ${MARK_CLOSE}) as standfirst,
        snippet(search_words, 4, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS}) as body
      from search_words where search_words match ${words} and rowid in (${idList})`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return cards.map((article) => {
      const r = byId.get(article.id);
      if (!r) return { article, title: article.title, snippet: article.standfirst };
      // The body's best passage when the words are in the body; else the standfirst (the title, tags or
      // byline matched, and the standfirst summarises the story better than its first lines).
      const snippet = r.body.includes(MARK_OPEN) ? cleanSnippet(r.body) : r.standfirst;
      return { article, title: r.title, snippet };
    });
  }
  if (cjkTerms.length > 0) {
    const rows = db.all<{ id: number; body: string }>(
      sql`select rowid as id, body from search_words where rowid in (${idList})`,
    );
    const byId = new Map(rows.map((r) => [r.id, r.body]));
    return cards.map((article) => {
      const text = byId.get(article.id) ?? '';
      const inBody = cjkTerms.some((t) => text.includes(t));
      return { article, title: article.title, snippet: inBody ? excerptAround(text, cjkTerms) : article.standfirst };
    });
  }
  return cards.map((article) => ({ article, title: article.title, snippet: article.standfirst }));
}
