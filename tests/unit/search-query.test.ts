import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyOfExpression,
  cleanSnippet,
  excerptAround,
  MARK_CLOSE,
  MARK_OPEN,
  MAX_TERMS,
  parseQuery,
  parseSearchParams,
  QUERY_MAX_CHARS,
  searchHref,
  toSegments,
  trigramExpression,
  trigramPrefixRange,
  wordsMatchExpression,
} from '@/lib/search-query';

// A throwaway FTS5 table with the production tokenizers: the expressions must parse, whatever the input.
const fts = new Database(':memory:');
fts.exec(`create virtual table w using fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
  create virtual table c using fts5(body, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none);`);
const matchWords = (expr: string) => fts.prepare('select rowid from w where w match ?').all(expr);
const matchCjk = (expr: string) => fts.prepare('select rowid from c where c match ?').all(expr);

describe('parseQuery', () => {
  it('splits words, keeps quoted phrases together and drops FTS5 syntax', () => {
    const q = parseQuery('  WeChat  "optical cable" NEAR(a b) col:umn -minus +plus ^caret * (x) ');
    expect(q.terms).toEqual([
      { kind: 'words', text: 'WeChat' },
      { kind: 'words', text: 'optical cable' },
      { kind: 'words', text: 'NEAR a' },
      { kind: 'words', text: 'b' },
      { kind: 'words', text: 'col umn' },
      { kind: 'words', text: 'minus' },
      { kind: 'words', text: 'plus' },
      { kind: 'words', text: 'caret' },
    ]);
    expect(q.droppedTerms).toBe(1);
    expect(wordsMatchExpression(q.terms)).toBe(
      '"WeChat" "optical cable" "NEAR a" "b" "col umn" "minus" "plus" "caret"',
    );
  });

  it('treats a hyphenated or punctuated word as a phrase, the way the tokenizer indexed it', () => {
    expect(parseQuery('US-China').terms).toEqual([{ kind: 'words', text: 'US China' }]);
    expect(parseQuery("don't").terms).toEqual([{ kind: 'words', text: 'don t' }]);
  });

  it('separates Chinese runs from Latin words, even without spaces', () => {
    expect(parseQuery('微信').terms).toEqual([{ kind: 'cjk', text: '微信' }]);
    expect(parseQuery('WeChat微信outage').terms).toEqual([
      { kind: 'words', text: 'WeChat' },
      { kind: 'cjk', text: '微信' },
      { kind: 'words', text: 'outage' },
    ]);
    expect(parseQuery('"新浪 微博"').terms).toEqual([
      { kind: 'cjk', text: '新浪' },
      { kind: 'cjk', text: '微博' },
    ]);
    // Katakana with the prolonged sound mark (a "Common" script character) stays one run.
    expect(parseQuery('コーヒー').terms).toEqual([{ kind: 'cjk', text: 'コーヒー' }]);
  });

  it('folds full-width characters and drops quotes, control characters and our highlight markers', () => {
    expect(parseQuery('ＷｅＣｈａｔ').terms).toEqual([{ kind: 'words', text: 'WeChat' }]);
    expect(parseQuery(`we${MARK_OPEN}chat${MARK_CLOSE}\u0000`).terms).toEqual([
      { kind: 'words', text: 'we' },
      { kind: 'words', text: 'chat' },
    ]);
    for (const raw of ['"', '""', '"""', '" "', '***', '()', '-', 'AND', '', '   ']) {
      const q = parseQuery(raw);
      expect(
        q.terms.every((t) => t.text.length > 0),
        raw,
      ).toBe(true);
      if (raw !== 'AND') expect(q.terms, raw).toEqual([]);
    }
  });

  it('a lone quote does not swallow the rest of the query', () => {
    expect(parseQuery('"wechat outage').terms).toEqual([
      { kind: 'words', text: 'wechat' },
      { kind: 'words', text: 'outage' },
    ]);
  });

  it('cuts long queries to QUERY_MAX_CHARS and says so, without splitting a character', () => {
    const q = parseQuery('word '.repeat(400));
    expect(q.truncated).toBe(true);
    expect(Array.from(q.text).length).toBeLessThanOrEqual(QUERY_MAX_CHARS);
    expect(q.terms).toEqual([{ kind: 'words', text: 'word' }]);
    const astral = parseQuery('𠀀'.repeat(300));
    expect(Array.from(astral.text)).toHaveLength(QUERY_MAX_CHARS);
    expect(astral.text.isWellFormed()).toBe(true);
    expect(parseQuery('short').truncated).toBe(false);
    // The word cut in half at the limit is dropped rather than searched for.
    const cut = parseQuery('wechat '.repeat(286));
    expect(cut.text.endsWith('wechat')).toBe(true);
    expect(cut.terms).toEqual([{ kind: 'words', text: 'wechat' }]);
  });

  it('keeps at most MAX_TERMS distinct terms and counts the rest', () => {
    const q = parseQuery('a b c d e f g h i j A B');
    expect(q.terms).toHaveLength(MAX_TERMS);
    expect(q.droppedTerms).toBe(2);
  });

  it('never produces an expression FTS5 rejects, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
        for (const raw of [a, b, `"${a}`, `${a} "${b}"`]) {
          const q = parseQuery(raw);
          const words = wordsMatchExpression(q.terms);
          if (words) matchWords(words);
          for (const t of q.terms) {
            if (t.kind !== 'cjk') continue;
            if (Array.from(t.text).length >= 3) matchCjk(trigramExpression(t.text));
            else matchCjk(anyOfExpression([`${t.text}x`, `${t.text}"`]));
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('FTS5 expressions', () => {
  it('quote FTS5 strings by doubling quotes', () => {
    expect(anyOfExpression(['微信"', '微信 '])).toBe('("微信""" OR "微信 ")');
  });

  it('list the trigrams of a CJK term, ANDed, and sample long ones', () => {
    expect(trigramExpression('新浪微博')).toBe('"新浪微" AND "浪微博"');
    const long = trigramExpression('一二三四五六七八九十百千万亿兆京垓');
    const parts = long.split(' AND ');
    expect(parts.length).toBeLessThanOrEqual(12);
    expect(parts[0]).toBe('"一二三"');
    expect(parts.at(-1)).toBe('"兆京垓"');
    expect(() => trigramExpression('微信')).toThrow();
  });

  it('give the range of index terms that start with a short term', () => {
    const [low, high] = trigramPrefixRange('微信');
    for (const t of ['微信 ', '微信,', '微信用', '微信𠀀']) expect(t >= low && t < high, t).toBe(true);
    for (const t of ['微博 ', '微', '微侠a']) expect(t >= low && t < high, t).toBe(false);
  });

  it('match real text in the production tokenizers', () => {
    fts
      .prepare('insert into w(rowid, title, body) values (1, ?, ?)')
      .run('Voters queue', 'The US-China talks went on. Café owners voted.');
    fts.prepare('insert into c(rowid, body) values (1, ?)').run('他们在新浪微博上讨论微信  ');
    expect(matchWords(wordsMatchExpression(parseQuery('us-china voting cafe').terms)!)).toHaveLength(1);
    expect(matchWords(wordsMatchExpression(parseQuery('"china us"').terms)!)).toHaveLength(0);
    expect(matchCjk(trigramExpression('新浪微博'))).toHaveLength(1);
    expect(matchCjk(anyOfExpression(['微信 ']))).toHaveLength(1);
  });
});

describe('highlighting', () => {
  it('turns markers into segments and never interprets HTML', () => {
    const marked = `<b>x</b> ${MARK_OPEN}WeChat${MARK_CLOSE} & ${MARK_OPEN}outage${MARK_CLOSE}.`;
    expect(toSegments(marked)).toEqual([
      { text: '<b>x</b> ', hit: false },
      { text: 'WeChat', hit: true },
      { text: ' & ', hit: false },
      { text: 'outage', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('marks CJK literals wherever they occur, longest first, and survives stray markers', () => {
    expect(toSegments('用微信和新浪微博', ['微博', '新浪微博', '微信'])).toEqual([
      { text: '用', hit: false },
      { text: '微信', hit: true },
      { text: '和', hit: false },
      { text: '新浪微博', hit: true },
    ]);
    expect(toSegments(`a${MARK_CLOSE}b${MARK_OPEN}c`)).toEqual([
      { text: 'ab', hit: false },
      { text: 'c', hit: true },
    ]);
    expect(toSegments('a.b', ['.'])).toEqual([
      { text: 'a', hit: false },
      { text: '.', hit: true },
      { text: 'b', hit: false },
    ]);
  });

  it('cleans Markdown out of snippets, including links cut in half', () => {
    expect(cleanSnippet('## Why it **matters**\n\n> "Quote" said [Zhang](https://example.com) and _she_ agreed')).toBe(
      'Why it matters "Quote" said Zhang and she agreed',
    );
    expect(cleanSnippet('…the report](https://example.com/a) says')).toBe('…the report says');
    expect(cleanSnippet(`${MARK_OPEN}cable${MARK_CLOSE} [lines](https://x.org`)).toBe(
      `${MARK_OPEN}cable${MARK_CLOSE} lines`,
    );
    expect(cleanSnippet('snake_case_name stays')).toBe('snake_case_name stays');
  });

  it('cuts an excerpt around the first literal', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}They use 微信 every day. ${'More words follow here. '.repeat(20)}`;
    const excerpt = excerptAround(text, ['微信'], 200);
    expect(excerpt).toContain('微信');
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(202);
    expect(excerptAround('Short text', ['x'])).toBe('Short text');
  });
});

describe('parseSearchParams', () => {
  it('reads a full request', () => {
    const r = parseSearchParams({
      q: 'wechat',
      section: 'china-news',
      from: '2013-07-01',
      to: '2013-07-31',
      page: '2',
    });
    expect(r).toMatchObject({ section: 'china-news', from: '2013-07-01', to: '2013-07-31', page: 2, notes: [] });
    expect(r.query.terms).toEqual([{ kind: 'words', text: 'wechat' }]);
  });

  it('drops bad fields with a note instead of failing', () => {
    const r = parseSearchParams({
      q: ['first', 'second'],
      section: '../etc',
      from: '2013-02-30',
      to: 'yesterday',
      page: '-1',
    });
    expect(r.query.text).toBe('first');
    expect(r).toMatchObject({ section: undefined, from: undefined, to: undefined, page: 1 });
    expect(r.notes).toHaveLength(4);
    expect(parseSearchParams({ page: '99999999' }).page).toBe(1);
    expect(parseSearchParams({}).notes).toEqual([]);
  });

  it('swaps dates given the wrong way round, and notes a long query', () => {
    const r = parseSearchParams({ from: '2014-01-01', to: '2013-01-01', q: 'x'.repeat(2000) });
    expect([r.from, r.to]).toEqual(['2013-01-01', '2014-01-01']);
    expect(r.notes.join(' ')).toMatch(/swapped/);
    expect(r.notes.join(' ')).toMatch(/first 200/);
  });

  it('builds short, shareable URLs', () => {
    expect(searchHref({ q: '微信 & more', section: undefined, page: 1 })).toBe('/search?q=%E5%BE%AE%E4%BF%A1+%26+more');
    expect(searchHref({ q: 'a', section: 'sports', from: '2013-01-01', page: 3 })).toBe(
      '/search?q=a&section=sports&from=2013-01-01&page=3',
    );
    expect(searchHref({})).toBe('/search');
  });
});
