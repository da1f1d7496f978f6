// Straight quotes to typographic ones, as print sets them: “ ” ‘ ’. Used on the text of a story body
// (lib/markdown.ts feeds it Markdown's text only: code spans, code blocks and link addresses never
// reach it). Each quote is read from the character before it, which may sit in the previous piece of
// text ("**bold**" splits a sentence into pieces), so the caller passes that character along.

/** Characters after which a quote opens: the start, a space, an opening bracket, a dash, another opening quote. */
const OPENS_AFTER = /[\s([{\u2014\u2013\u201c\u2018/-]/;

/**
 * `text` with its straight quotes made typographic, `before` being the character that precedes it
 * ('' at the start of a paragraph). An apostrophe inside or at the end of a word is a closing single
 * quote (it’s, the 1990s’, dogs’), as is one before a year's digits ('90s).
 */
export function smartQuotes(text: string, before = ''): string {
  let out = '';
  let prev = before;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let next = c;
    const opening = prev === '' || OPENS_AFTER.test(prev);
    if (c === '"') next = opening ? '\u201c' : '\u201d';
    else if (c === "'") next = opening && !/\d/.test(text[i + 1] ?? '') ? '\u2018' : '\u2019';
    out += next;
    prev = next;
  }
  return out;
}
