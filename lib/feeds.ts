// RSS 2.0 and Atom 1.0 documents, built with the `feed` package. It writes XML through xml-js, which
// leaves `&` and `<` in attribute values and a second `]]>` in CDATA unescaped, and knows nothing of
// characters XML forbids; the helpers below make every value safe before it goes in.
import { Feed, type Item } from 'feed';
import type { ArticleWithBody } from '@/db/queries/articles';
import type { Correction } from '@/db/queries/corrections';
import { CORRECTION_LABELS } from '@/lib/domain/corrections';
import { absoluteUrl, articlePath, sectionPath, siteUrl } from '@/lib/domain/routes';
import { formatDateTime } from '@/lib/format';

/** A feed's story: the card, its body and revision time, and its public correction and update notes. */
export type FeedArticle = ArticleWithBody & { corrections?: Correction[] };

/**
 * A story's id in every feed: a tag URI (RFC 4151) made of the site's host and the story's number,
 * never its address, which changes with its slug: a renamed story stays one item in a feed reader.
 * Decision 038.
 */
export function storyFeedId(articleId: number): string {
  return `tag:${new URL(siteUrl()).hostname},2026:story:${articleId}`;
}

export type FeedFormat = 'rss' | 'atom';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** Stories per feed: a day or two of a small newsroom's output, and a light document. */
export const FEED_SIZE = 30;

/** Removes what XML 1.0 cannot carry: C0 controls other than tab and newlines, U+FFFE/FFFF, lone surrogates. */
export function xmlText(value: string): string {
  return value
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/\uFFFD/g, '');
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** For values xml-js puts in attributes: it escapes `"` itself, but not `&` or `<`. */
const attribute = (value: string) => xmlText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** HTML that goes into CDATA: `]]>` would end it early; `]]&gt;` means the same in HTML. */
const cdataHtml = (html: string) => xmlText(html).replace(/]]>/g, ']]&gt;');

/**
 * Plain text that goes into CDATA. xml-js splits the first `]]>` itself and only that one, so every
 * later one is split here, the same way (`]]]]><![CDATA[>`).
 */
function cdataText(value: string): string {
  let first = true;
  return xmlText(value).replace(/]]>/g, (match) => {
    if (first) {
      first = false;
      return match;
    }
    return ']]]]><![CDATA[>';
  });
}

/** Root-relative links and images in a story body, made absolute: feed readers have no base URL. */
export function absolutizeHtml(html: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, (_match, attr: string) => `${attr}="${absoluteUrl('/')}`);
}

function storyHtml(article: FeedArticle): string {
  const parts: string[] = [];
  // The notes come first, as under the headline on the page.
  for (const c of article.corrections ?? [])
    parts.push(
      `<p><strong>${CORRECTION_LABELS[c.kind]}, ${escapeHtml(formatDateTime(c.createdAt))}:</strong> ` +
        `${escapeHtml(c.note).replace(/\r?\n/g, '<br>')}</p>`,
    );
  if (article.hero) {
    const caption = [article.hero.caption, article.hero.credit].filter(Boolean).join(' ');
    parts.push(
      `<figure><img src="${escapeHtml(absoluteUrl(article.hero.path))}" alt="${escapeHtml(article.hero.alt)}">` +
        (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '') +
        '</figure>',
    );
  }
  parts.push(absolutizeHtml(article.bodyHtml));
  return parts.join('\n');
}

export type FeedChannel = {
  title: string;
  description: string;
  /** the page the feed belongs to: home or a section */
  pagePath: string;
  rssPath: string;
  atomPath: string;
  copyright: string;
};

export function buildFeed(format: FeedFormat, channel: FeedChannel, articles: FeedArticle[]): string {
  const newest = articles.reduce((max, a) => Math.max(max, a.publishedAt, a.revisedAt ?? 0), 0);
  const pageUrl = absoluteUrl(channel.pagePath);
  const feed = new Feed({
    id: pageUrl,
    link: pageUrl,
    title: xmlText(channel.title),
    description: xmlText(channel.description),
    language: 'en',
    copyright: xmlText(channel.copyright),
    // A feed with no stories yet says so from the start of time rather than changing on every request.
    updated: new Date(newest),
    generator: 'Moodwire',
    feedLinks: { rss: absoluteUrl(channel.rssPath), atom: absoluteUrl(channel.atomPath) },
  });

  for (const article of articles) {
    const url = absoluteUrl(articlePath(article.slug));
    const sectionUrl = absoluteUrl(sectionPath(article.sectionSlug));
    const item: Item = {
      title: format === 'atom' ? cdataHtml(escapeHtml(article.title)) : cdataText(article.title),
      id: storyFeedId(article.id),
      link: url,
      // RSS reads `published` for pubDate; Atom writes `date` as <updated>.
      date: new Date(Math.max(article.publishedAt, article.revisedAt ?? 0)),
      published: new Date(article.publishedAt),
      description: article.standfirst ? cdataHtml(escapeHtml(article.standfirst)) : undefined,
      content: cdataHtml(storyHtml(article)),
    };
    if (format === 'atom') {
      if (article.byline) item.author = [{ name: xmlText(article.byline) }];
      item.category = [
        { name: attribute(article.sectionName), term: attribute(article.sectionSlug), scheme: attribute(sectionUrl) },
      ];
    } else {
      // RSS's <author> must be an e-mail address; Dublin Core's creator takes a name.
      if (article.byline) item.extensions = [{ name: 'dc:creator', objects: { _text: xmlText(article.byline) } }];
      item.category = [{ name: xmlText(article.sectionName), domain: attribute(sectionUrl) }];
      if (article.hero)
        item.image = { url: attribute(absoluteUrl(article.hero.path)), type: attribute(article.hero.mime), length: 0 };
    }
    feed.addItem(item);
  }
  return format === 'atom' ? feed.atom1() : feed.rss2();
}
