// Markdown → sanitised HTML. Rendered once when a story or page is saved; the HTML is stored.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { smartQuotes } from '@/lib/typography';

/**
 * A single line break inside a paragraph is kept (breaks: true): addresses and poems keep their lines,
 * and the rule the editor's hint gives is the whole rule. An empty line starts a new paragraph.
 * Decision 037.
 */
const marked = new Marked({ gfm: true, breaks: true, async: false });

// Straight quotes become typographic ones in the text only: code spans and blocks, link and image
// addresses and raw HTML are other token types and keep theirs. The character before each piece of
// text is carried from piece to piece within a block ("**bold**" or a link splits a sentence).
let quoteContext = '';
const BLOCKS = new Set(['paragraph', 'heading', 'list_item', 'table', 'blockquote', 'space', 'hr', 'code', 'html']);
marked.use({
  walkTokens(token) {
    if (BLOCKS.has(token.type)) quoteContext = '';
    else if (token.type === 'text' && !('tokens' in token && token.tokens)) {
      token.text = smartQuotes(token.text, quoteContext);
      quoteContext = token.text.slice(-1);
    } else if (token.type === 'codespan') quoteContext = token.text.slice(-1);
    else if (token.type === 'br') quoteContext = '';
  },
});

/** The site's own image addresses: uploads under /media/, the demo's under /images/. */
const OWN_IMAGE_SRC = /^\/(?:media|images)\/[A-Za-z0-9_\/.-]+$/;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'b',
    'i',
    'del',
    's',
    'code',
    'pre',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  // A story's own h1 is its headline; body headings start at h2.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^https?:\/\//i.test(href);
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs,
      };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  // Images from other sites are blocked by the CSP (img-src 'self') and would show broken: only the
  // site's own images (uploads, demo illustrations) are kept; the editor is told at the save.
  exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_IMAGE_SRC.test(frame.attribs.src ?? ''),
};
SANITIZE.allowedAttributes = {
  ...SANITIZE.allowedAttributes,
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
};

/**
 * sanitize-html's parser does not close a <p> the way a browser does, so one pass can leave
 * `<p><p></p></p>` or a table inside a paragraph, which a second pass (or the browser) reads
 * differently. Sanitising until the output stops changing makes what is stored what a browser sees,
 * and sanitising twice equal to once (tests/int/xss.test.ts).
 */
export function sanitize(html: string): string {
  let out = sanitizeHtml(html, SANITIZE);
  for (let pass = 0; pass < 5; pass++) {
    const next = sanitizeHtml(out, SANITIZE);
    if (next === out) return out;
    out = next;
  }
  return out;
}

export function renderMarkdown(source: string): string {
  return sanitize(marked.parse(source) as string);
}

/**
 * What is stored of a story's or page's Markdown: the source, its sanitised HTML and its length. The
 * queries store what they are given; every save (the editor, the About page, the demo seed) renders here.
 */
export function renderedBody(source: string): { body: string; bodyHtml: string; wordCount: number } {
  return { body: source, bodyHtml: renderMarkdown(source), wordCount: countWords(source) };
}

export function countWords(source: string): number {
  const latin = source.match(/[A-Za-z0-9\u00C0-\u024F'’-]+/g)?.length ?? 0;
  // Chinese and Japanese text has no spaces: count each character as a word, as newsrooms do.
  const cjk = source.match(/[\u3400-\u9FFF]/g)?.length ?? 0;
  return latin + cjk;
}
