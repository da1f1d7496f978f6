import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';
import { smartQuotes } from '@/lib/typography';

describe('smartQuotes', () => {
  it('opens after a space, a bracket or a dash and closes after a word', () => {
    expect(smartQuotes(`He said "it's fine" and 'left' (with "care") —"then"`)).toBe(
      'He said “it’s fine” and ‘left’ (with “care”) —“then”',
    );
  });

  it('reads an apostrophe before a year as one, and the plural possessive as closing', () => {
    expect(smartQuotes(`the '90s and the voters' choice`)).toBe('the ’90s and the voters’ choice');
  });

  it('takes the character before the text into account', () => {
    expect(smartQuotes(`"`, 'd')).toBe('”');
    expect(smartQuotes(`"`, ' ')).toBe('“');
    expect(smartQuotes(`"`, '')).toBe('“');
  });
});

describe('story bodies read like print', () => {
  it('makes quotes typographic in the text, across bold and links, and leaves code alone', () => {
    const html = renderMarkdown(
      `He said "**it's** fine" and ["read this"](https://example.com/a'b) \`don't "x"\`\n\n    keep 'this' "as is"`,
    );
    expect(html).toContain('He said “<strong>it’s</strong> fine” and');
    expect(html).toContain('>“read this”</a>');
    expect(html).toContain(`href="https://example.com/a'b"`);
    expect(html).toMatch(/<code>don(&#39;|')t (&quot;|")x(&quot;|")<\/code>/);
    expect(html).toMatch(/<pre><code>keep (&#39;|')this(&#39;|') (&quot;|")as is(&quot;|")/);
  });

  it('keeps a single line break inside a paragraph, and an empty line still starts a new one', () => {
    const html = renderMarkdown('Lin Yue\n12 Nanjing Road\nShanghai\n\nRoses are red,\nviolets are blue.');
    expect(html).toBe(
      '<p>Lin Yue<br />12 Nanjing Road<br />Shanghai</p>\n<p>Roses are red,<br />violets are blue.</p>\n',
    );
  });
});
