// Full-text search over public stories, on either engine: the engine's index finds and ranks the
// matches (db/engine/sqlite-search.ts: FTS5, decision 007; db/engine/pg-search.ts: tsvector, decision
// 024); this module adds visibility, filters, paging, cards and snippets.
import 'server-only';
import { inArray, sql, type SQL } from 'drizzle-orm';
import { db as readDb, getEngine, rows } from '@/db/engine';
import { articles } from '@/db/schema';
import { cleanSnippet, excerptAround, MARK_OPEN, SEARCH_PAGE_SIZE, type ParsedQuery } from '@/lib/search-query';
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

const NONE: SearchOutcome = { total: 0, hits: [] };

/**
 * One page of public stories matching the query and filters, best first (title weighted; newest
 * first among equals), with the total count. A query without terms lists the filtered stories newest
 * first. Drafts, stories in review and stories scheduled for later never appear.
 */
export async function searchArticles(
  query: ParsedQuery,
  filters: SearchFilters = {},
  { page = 1, pageSize = SEARCH_PAGE_SIZE, now = Date.now() }: { page?: number; pageSize?: number; now?: number } = {},
): Promise<SearchOutcome> {
  const engine = getEngine();
  const plan = await engine.search.plan(readDb(), query.terms);
  if (plan === 'none') return NONE;

  const where: SQL[] = [isPublic(now), ...(plan?.where ?? [])];
  if (filters.sectionIds?.length) where.push(inArray(articles.sectionId, filters.sectionIds));
  if (filters.from !== undefined) where.push(sql`${articles.publishedAt} >= ${filters.from}`);
  if (filters.to !== undefined) where.push(sql`${articles.publishedAt} < ${filters.to}`);

  const body = sql`select ${articles.id} as id, count(*) over () as total
    from ${plan ? plan.from : articles}
    where ${sql.join(where, sql` and `)}
    order by ${plan?.score ? sql`${plan.score}, ` : sql``}${articles.publishedAt} desc, ${articles.id} desc`;
  const withClause = plan?.ctes.length ? sql`with ${sql.join(plan.ctes, sql`, `)} ` : sql``;
  const offset = (page - 1) * pageSize;
  const found = await rows<{ id: number; total: number }>(sql`${withClause}${body} limit ${pageSize} offset ${offset}`);

  let total = found[0]?.total ?? 0;
  if (found.length === 0 && page > 1) {
    // Past the last page the window function has no row to report the total on.
    const counted = await rows<{ n: number }>(sql`${withClause}select count(*) as n from (${body}) as matches`);
    total = counted[0]?.n ?? 0;
  }
  if (found.length === 0) return { total, hits: [] };

  const cards = await listArticleCardsByIds(
    found.map((r) => r.id),
    now,
  );
  return { total, hits: await withSnippets(cards, query) };
}

async function withSnippets(cards: ArticleCard[], query: ParsedQuery): Promise<SearchHit[]> {
  if (cards.length === 0) return [];
  const ids = cards.map((c) => c.id);
  const hasWords = query.terms.some((t) => t.kind === 'words');
  const cjkTerms = query.terms.filter((t) => t.kind === 'cjk').map((t) => t.text);
  if (hasWords) {
    const marked = await getEngine().search.highlight(readDb(), ids, query.terms);
    return cards.map((article) => {
      const r = marked.get(article.id);
      if (!r) return { article, title: article.title, snippet: article.standfirst };
      // The body's best passage when the words are in the body; else the standfirst (the title, tags or
      // byline matched, and the standfirst summarises the story better than its first lines).
      const snippet = r.body.includes(MARK_OPEN) ? cleanSnippet(r.body) : r.standfirst;
      return { article, title: r.title, snippet };
    });
  }
  if (cjkTerms.length > 0) {
    const bodies = await readDb()
      .select({ id: articles.id, body: articles.body })
      .from(articles)
      .where(inArray(articles.id, ids));
    const byId = new Map(bodies.map((r) => [r.id, r.body]));
    return cards.map((article) => {
      const text = byId.get(article.id) ?? '';
      const inBody = cjkTerms.some((t) => text.includes(t));
      return { article, title: article.title, snippet: inBody ? excerptAround(text, cjkTerms) : article.standfirst };
    });
  }
  return cards.map((article) => ({ article, title: article.title, snippet: article.standfirst }));
}
