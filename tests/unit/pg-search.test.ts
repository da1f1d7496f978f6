// PostgreSQL's search index and the query parser must agree on what an unspaced script is, and the
// character-pair queries must be quoted so that nothing a reader types is tsquery syntax.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cjkTermQuery } from '@/db/engine/pg-search';
import { isUnspacedScript } from '@/lib/search-query';

const hex = (cp: number) =>
  cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;

describe('PostgreSQL search index', () => {
  it('cuts runs with exactly the characters lib/search-query.ts treats as unspaced scripts', () => {
    const ranges: string[] = [];
    let start = -1;
    for (let cp = 0; cp <= 0x110000; cp++) {
      const inClass = cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && isUnspacedScript(String.fromCodePoint(cp));
      if (inClass && start < 0) start = cp;
      if (!inClass && start >= 0) {
        ranges.push(start === cp - 1 ? hex(start) : `${hex(start)}-${hex(cp - 1)}`);
        start = -1;
      }
    }
    const migration = fs.readFileSync(path.join(process.cwd(), 'drizzle', 'pg', '0001_search_index.sql'), 'utf8');
    expect(migration).toContain(`regexp_matches(doc, '[${ranges.join('')}]+', 'g')`);
  });

  it('asks for every character pair of a longer term, and a prefix for one character', () => {
    expect(cjkTermQuery('微信')).toBe("('微信')");
    expect(cjkTermQuery('新浪微博')).toBe("('新浪' & '浪微' & '微博')");
    expect(cjkTermQuery('哈哈哈')).toBe("('哈哈')");
    expect(cjkTermQuery('微')).toBe("'微':*");
    // Never reached from the parser (quotes and backslashes split runs), but quoted all the same.
    expect(cjkTermQuery("微'")).toBe("('微''')");
    expect(cjkTermQuery('\\')).toBe("'\\\\':*");
  });
});
