// A WordPress or Ghost post's HTML → the editor's Markdown (decision 060). The HTML is cleaned first
// (sanitize-html: scripts, styles, event handlers and javascript: links go, with their content), then
// turndown writes Markdown the editor's renderer (lib/markdown.ts: marked, then the same sanitiser)
// turns back into the same text. What has no Markdown form (shortcodes, galleries, embedded players,
// images from the old site) is described in `notes` for the import's report instead of lost silently.
import TurndownService from 'turndown';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';
import sanitizeHtml from 'sanitize-html';

export type Converted = { markdown: string; notes: string[] };

const BLOCK_START =
  /^<(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|dl|dt|dd|address|section|article|aside|header|footer|iframe|!--)\b/i;

/**
 * WordPress's classic editor stores paragraphs as blank lines, not <p> tags (its wpautop adds them when
 * the page is shown): a post with no paragraph tags gets them here, and single line breaks become <br>.
 */
export function autop(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

const ATTR = /(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))/g;
const attrsOf = (text: string) => {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Media shortcodes whose content has no place in a story: removed, and named in the report. */
const MEDIA_SHORTCODES = new Set(['gallery', 'audio', 'video', 'playlist', 'wp_playlist']);

/**
 * WordPress shortcodes: [caption] becomes a figure with its caption, [embed] a link to what it showed;
 * galleries, players and unknown shortcodes (a plugin's) are removed, an enclosing one keeping its text.
 * Only a bracket that looks like a shortcode counts: with attributes, or with a closing [/name]
 * (a writer's "[sic]" or "[1]" stays text).
 */
export function expandShortcodes(html: string, notes: string[]): string {
  const note = (text: string) => notes.push(text);
  let out = html.replace(
    /\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi,
    (_m, _name: string, attrText: string, inner: string) => {
      const image = /<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
      const text = inner
        .replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/gi, '')
        .replace(/<img\b[^>]*>/gi, '')
        .trim();
      const caption = text || attrsOf(attrText).caption || '';
      return `<figure>${image}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
    },
  );
  out = out.replace(/\[embed\b[^\]]*\]\s*(\S+?)\s*\[\/embed\]/gi, (_m, url: string) => {
    note('an [embed] shortcode became a link to what it showed');
    return /^https?:\/\//i.test(url) ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : '';
  });
  // Enclosing shortcodes keep their content; self-closing ones (with attributes) go.
  for (let pass = 0; pass < 3; pass++) {
    const before = out;
    out = out.replace(/\[([a-z][\w-]*)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_m, name: string, _a, inner: string) => {
      const lower = name.toLowerCase();
      note(`a [${lower}] shortcode was left out${MEDIA_SHORTCODES.has(lower) ? '' : ' (its text kept)'}`);
      return MEDIA_SHORTCODES.has(lower) ? '' : inner;
    });
    if (out === before) break;
  }
  out = out.replace(/\[([a-z][\w-]*)(\s+[^\]]*=[^\]]*)\]/gi, (_m, name: string) => {
    note(`a [${name.toLowerCase()}] shortcode was left out`);
    return '';
  });
  out = out.replace(/\[(gallery|audio|video|playlist)\s*\]/gi, (_m, name: string) => {
    note(`a [${name.toLowerCase()}] shortcode was left out`);
    return '';
  });
  return out;
}

/** Block editors' blocks with no Markdown form, by the names WordPress (Gutenberg) and Ghost give them. */
function noteUnsupportedBlocks(html: string, notes: string[]): void {
  for (const m of html.matchAll(/<!--\s*wp:([a-z0-9/-]+)/gi)) {
    const name = m[1]!.toLowerCase();
    if (/^(core-embed\/|embed$|gallery$|video$|audio$|file$|cover$|columns$|buttons$|html$|shortcode$)/.test(name))
      notes.push(`a WordPress ${name} block has no Markdown form: its text or address was kept, the rest left out`);
  }
  for (const m of html.matchAll(
    /class="[^"]*\bkg-(embed|gallery|bookmark|video|audio|file|product|toggle|button|signup|header|callout)-card\b/gi,
  ))
    notes.push(
      `a Ghost ${m[1]!.toLowerCase()} card has no Markdown form: its text or address was kept, the rest left out`,
    );
}

/** The cleaning before conversion: everything that can run, load or hide goes, with its content. */
const PRE_SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins'],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    pre: ['class'],
    code: ['class'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'object', 'embed', 'svg', 'math'],
};

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '*',
  // The editor renders a single line break as a break (marked's breaks: true, decision 037).
  br: '',
});
turndown.use([tables, strikethrough]);
// "- item" and "1. item", as people type them in the editor (turndown's default pads the marker).
turndown.addRule('listItems', {
  filter: 'li',
  replacement: (content, node) => {
    const parent = node.parentNode as HTMLElement | null;
    let prefix = '- ';
    if (parent?.nodeName === 'OL') {
      const start = Number(parent.getAttribute('start') ?? 1) || 1;
      prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
    }
    const text = content
      .replace(/^\n+/, '')
      .replace(/\n+$/, '\n')
      .replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
    return prefix + text + (node.nextSibling && !/\n$/.test(text) ? '\n' : '');
  },
});
// Images from the old site cannot be shown (the CSP and the sanitiser keep only our own): they were
// counted for the report before conversion.
turndown.addRule('images', { filter: 'img', replacement: () => '' });
turndown.addRule('captions', {
  filter: 'figcaption',
  replacement: (content) => (content.trim() ? `\n\n*${content.trim()}*\n\n` : ''),
});
// Text that looks like HTML stays text ("<b>" in a sentence about HTML), and a "{{photo 3}}" written
// in the old post never becomes one of our photo blocks.
const escapeMarkdown = turndown.escape.bind(turndown);
turndown.escape = (text: string) =>
  escapeMarkdown(text)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/<(?=[a-z/!?])/gi, '&lt;')
    .replace(/\{\{/g, '{\\{');

export function htmlToMarkdown(html: string, { wordpress = false }: { wordpress?: boolean } = {}): Converted {
  const notes: string[] = [];
  noteUnsupportedBlocks(html, notes);
  let source = html.replace(/\r\n?/g, '\n');
  if (wordpress) source = autop(expandShortcodes(source, notes));
  // An embedded player has no Markdown form: its address is kept as a link.
  source = source.replace(/<iframe\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>[\s\S]*?<\/iframe>/gi, (_m, src: string) => {
    notes.push('an embedded player (iframe) became a link to it');
    return /^https:\/\//i.test(src) ? `<p><a href="${src}">${src}</a></p>` : '';
  });
  const images = (source.match(/<img\b/gi) ?? []).length;
  if (images)
    notes.push(
      `${images === 1 ? 'an image' : `${images} images`} in the text ${images === 1 ? 'was' : 'were'} left out (only featured images are brought in)`,
    );
  const clean = sanitizeHtml(source, PRE_SANITIZE);
  const markdown = turndown
    .turndown(clean)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, notes };
}

/** Plain text of a short HTML fragment (an excerpt, a caption), whitespace collapsed. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** `text` cut to `max` characters at a word, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
