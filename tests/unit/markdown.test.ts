import { describe, expect, it } from 'vitest';
import { countWords, renderMarkdown, sanitize } from '@/lib/markdown';
import { slugify } from '@/lib/domain/slug';

describe('renderMarkdown', () => {
  it('renders paragraphs, headings and quotes', () => {
    const html = renderMarkdown('# Big\n\nHello *there*.\n\n> quoted');
    expect(html).toContain('<h2>Big</h2>');
    expect(html).toContain('<em>there</em>');
    expect(html).toContain('<blockquote>');
  });

  it('drops scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="https://x.test/a.png" onerror="alert(1)">\n\n[x](javascript:alert(1))',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('is stable: sanitising twice equals sanitising once', () => {
    const once = renderMarkdown('A <b onclick="x()">bold</b> [link](https://example.com) move');
    expect(sanitize(once)).toBe(once);
  });
});

describe('helpers', () => {
  it('slugify makes readable ASCII slugs', () => {
    expect(slugify('WeChat outage leaves millions “cut off”!')).toBe('wechat-outage-leaves-millions-cut-off');
    expect(slugify('Café à Paris')).toBe('cafe-a-paris');
  });
  it('countWords counts Latin words and CJK characters', () => {
    expect(countWords('Two words')).toBe(2);
    expect(countWords('微信 is down')).toBe(4);
  });
});
