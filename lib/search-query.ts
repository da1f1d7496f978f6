// The reader's search box → safe FTS5 expressions, and FTS5's marked-up output → highlighted text.
// Pure functions (no database, no Next): db/queries/search.ts runs the SQL, the search page renders.
// Why two indexes and how short Chinese terms are found: docs/decisions/007-search-tokenizer.md.
import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/domain/slug';

/** Longer queries are cut to this many characters (a note tells the reader). */
export const QUERY_MAX_CHARS = 200;
/** Terms after this many are dropped (a note tells the reader): every term is a condition. */
export const MAX_TERMS = 8;
export const SEARCH_PAGE_SIZE = 10;
/** Deepest results page we serve; beyond it readers should narrow the search. */
export const MAX_SEARCH_PAGE = 500;

/** snippet()/highlight() wrap matches in these; they are control characters, removed from queries. */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

/**
 * `words`: one or more words that must appear next to each other, matched by the word index (stemmed,
 * case and accents folded). `cjk`: a run of a script written without spaces (Chinese, Japanese,
 * Korean, Thai…), matched as a literal substring through the trigram index.
 */
export type SearchTerm = { kind: 'words'; text: string } | { kind: 'cjk'; text: string };

export type ParsedQuery = {
  /** the query as we used it: normalised and cut to QUERY_MAX_CHARS; shown back in the search box */
  text: string;
  terms: SearchTerm[];
  truncated: boolean;
  droppedTerms: number;
};

// Script_Extensions, so that marks shared by kana (ー) and CJK punctuation inside a word stay in the run.
const UNSPACED = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}`;
const UNSPACED_RUN = new RegExp(`[${UNSPACED}]+`, 'gu');
const UNSPACED_CHAR = new RegExp(`[${UNSPACED}]`, 'u');
// What the unicode61 tokenizer keeps as token characters; everything else (FTS5 syntax included) separates.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// Control, private-use, unassigned and lone surrogate code points: never part of a real query, and
// our highlight markers are among them.
const JUNK = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu;

export const isUnspacedScript = (s: string) => UNSPACED_CHAR.test(s);

/** Turns whatever the reader typed into terms that cannot break FTS5 syntax. Never throws. */
export function parseQuery(raw: string): ParsedQuery {
  let text = raw.normalize('NFKC').replace(JUNK, ' ').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(text);
  const truncated = chars.length > QUERY_MAX_CHARS;
  if (truncated) {
    text = chars.slice(0, QUERY_MAX_CHARS).join('');
    // Do not search for half a word: drop the one that was cut, when the text has spaces at all.
    const lastSpace = text.lastIndexOf(' ');
    if (chars[QUERY_MAX_CHARS] !== ' ' && lastSpace > 0) text = text.slice(0, lastSpace);
    text = text.trim();
  }

  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  let droppedTerms = 0;
  const add = (term: SearchTerm) => {
    const key = `${term.kind}:${term.text.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (terms.length >= MAX_TERMS) droppedTerms++;
    else terms.push(term);
  };

  // A quoted phrase, or a run of non-space characters. A lone quote simply falls into the second case
  // and is dropped below with the other punctuation.
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/gu)) {
    const chunk = match[1] ?? match[2] ?? '';
    let last = 0;
    const flushWords = (part: string) => {
      const words = part.match(WORD);
      if (words) add({ kind: 'words', text: words.join(' ') });
    };
    for (const run of chunk.matchAll(UNSPACED_RUN)) {
      flushWords(chunk.slice(last, run.index));
      add({ kind: 'cjk', text: run[0] });
      last = run.index + run[0].length;
    }
    flushWords(chunk.slice(last));
  }
  return { text, terms, truncated, droppedTerms };
}

/** An FTS5 string literal: inside double quotes nothing is syntax, and `"` is written twice. */
export const ftsString = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** All word terms, each a quoted phrase, implicitly ANDed; null when the query has none. */
export function wordsMatchExpression(terms: readonly SearchTerm[]): string | null {
  const words = terms.filter((t) => t.kind === 'words');
  return words.length === 0 ? null : words.map((t) => ftsString(t.text)).join(' ');
}

/** Trigrams of `term` are candidates only: the index has no positions, so the caller checks the substring. */
export const MAX_TRIGRAMS_PER_TERM = 12;

/**
 * For a term of three characters or more: its trigrams, ANDed. Long terms keep an evenly spread
 * sample of MAX_TRIGRAMS_PER_TERM trigrams (the first and the last among them); the caller checks the
 * whole term against the text anyway.
 */
export function trigramExpression(term: string): string {
  const chars = Array.from(term.toLowerCase());
  if (chars.length < 3) throw new Error('trigramExpression needs at least three characters');
  const all = [...new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')))];
  const picked =
    all.length <= MAX_TRIGRAMS_PER_TERM
      ? all
      : [
          ...new Set(
            Array.from(
              { length: MAX_TRIGRAMS_PER_TERM },
              (_, i) => all[Math.round((i * (all.length - 1)) / (MAX_TRIGRAMS_PER_TERM - 1))]!,
            ),
          ),
        ];
  return picked.map(ftsString).join(' AND ');
}

/**
 * For a 1–2 character term, the range of trigram index terms that start with it: [term, upper).
 * The trigram tokenizer needs three characters, so such a term is found through these trigrams.
 */
export function trigramPrefixRange(term: string): [string, string] {
  const lower = term.toLowerCase();
  return [lower, `${lower}\u{10FFFF}`];
}

export const anyOfExpression = (trigrams: readonly string[]) => `(${trigrams.map(ftsString).join(' OR ')})`;

export type Segment = { text: string; hit: boolean };

/**
 * Text with MARK_OPEN/MARK_CLOSE around matches → plain segments for React to render (and escape).
 * `literals` (the query's CJK terms) are marked too, wherever they occur. Stray markers are ignored.
 */
export function toSegments(marked: string, literals: readonly string[] = []): Segment[] {
  const out: Segment[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev && prev.hit === hit) prev.text += text;
    else out.push({ text, hit });
  };
  const sorted = [...new Set(literals.filter(Boolean))].sort((a, b) => b.length - a.length);
  const literalRe = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'giu') : null;
  const pushPlain = (text: string) => {
    if (!literalRe) return push(text, false);
    let last = 0;
    for (const m of text.matchAll(literalRe)) {
      push(text.slice(last, m.index), false);
      push(m[0], true);
      last = m.index + m[0].length;
    }
    push(text.slice(last), false);
  };
  let inside = false;
  let buffer = '';
  for (const ch of marked) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      if (inside) push(buffer, true);
      else pushPlain(buffer);
      buffer = '';
      inside = ch === MARK_OPEN;
      continue;
    }
    buffer += ch;
  }
  if (inside) push(buffer, true);
  else pushPlain(buffer);
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Markdown source (possibly cut mid-way by snippet()) → plain reading text, markers kept. */
export function cleanSnippet(source: string): string {
  return source
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)?/g, '$1')
    .replace(/\]\([^)\s]*\)?/g, '')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-+*]\s+|\d+[.)]\s+)/gm, '')
    .replace(/\*+|`+|~~/g, '')
    .replace(/(^|[\s(])_+|_+(?=$|[\s.,;:!?)])/gm, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A window of about `max` characters of `text` around the first occurrence of any literal, cut at
 * spaces where the script has them, with ellipses where text was left out. Used where FTS5 cannot make
 * the snippet (queries with only CJK terms).
 */
export function excerptAround(text: string, literals: readonly string[], max = 220): string {
  const plain = cleanSnippet(text);
  const lower = plain.toLowerCase();
  const positions = literals.map((l) => lower.indexOf(l.toLowerCase())).filter((i) => i >= 0);
  const at = positions.length ? Math.min(...positions) : 0;
  if (plain.length <= max) return plain;
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), plain.length - max));
  let end = Math.min(plain.length, start + max);
  if (start > 0) {
    const space = plain.indexOf(' ', start);
    if (space !== -1 && space < at && space - start < 30) start = space + 1;
  }
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > Math.max(start, at) && end - space < 30) end = space;
  }
  return `${start > 0 ? '…' : ''}${plain.slice(start, end).trim()}${end < plain.length ? '…' : ''}`;
}

// ── The search page's URL ───────────────────────────────────────────────────────────────────────

export type SearchRequest = {
  query: ParsedQuery;
  section?: string;
  /** YYYY-MM-DD, inclusive, in the site's time zone */
  from?: string;
  to?: string;
  page: number;
  /** what we changed or ignored in the reader's request, in words for the reader */
  notes: string[];
};

type RawParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

const sectionParam = z.string().max(80).regex(SLUG_PATTERN);
const dateParam = z.iso.date();
const pageParam = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number)
  .pipe(z.number().max(MAX_SEARCH_PAGE));

/** Reads /search?q=&section=&from=&to=&page= leniently: a bad field is dropped with a note, never an error. */
export function parseSearchParams(raw: RawParams): SearchRequest {
  const notes: string[] = [];
  const query = parseQuery(first(raw.q));
  if (query.truncated)
    notes.push(
      `Your search was longer than ${QUERY_MAX_CHARS} characters, so we searched for its first ${QUERY_MAX_CHARS}.`,
    );
  if (query.droppedTerms > 0) notes.push(`We searched for the first ${MAX_TERMS} words and left out the rest.`);

  let section: string | undefined;
  const rawSection = first(raw.section).trim();
  if (rawSection) {
    const parsed = sectionParam.safeParse(rawSection);
    if (parsed.success) section = parsed.data;
    else notes.push('We searched every section, because the section in the address is not one of ours.');
  }

  const date = (name: 'from' | 'to', label: string) => {
    const value = first(raw[name]).trim();
    if (!value) return undefined;
    const parsed = dateParam.safeParse(value);
    if (parsed.success) return parsed.data;
    notes.push(`We left out the “${label}” date, because “${value.slice(0, 40)}” is not a date like 2013-07-22.`);
    return undefined;
  };
  let from = date('from', 'from');
  let to = date('to', 'to');
  if (from && to && from > to) {
    [from, to] = [to, from];
    notes.push('The dates were the wrong way round, so we swapped them.');
  }

  let page = 1;
  const rawPage = first(raw.page).trim();
  if (rawPage) {
    const parsed = pageParam.safeParse(rawPage);
    if (parsed.success) page = parsed.data;
    else notes.push('We showed the first page of results, because the page number in the address is not one we have.');
  }
  return { query, section, from, to, page, notes };
}

/** The URL of a search; empty fields are left out, so the address stays short and shareable. */
export function searchHref({
  q,
  section,
  from,
  to,
  page,
}: {
  q?: string;
  section?: string;
  from?: string;
  to?: string;
  page?: number;
}): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (section) params.set('section', section);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/search?${s}` : '/search';
}
