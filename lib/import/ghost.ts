// A Ghost export (Ghost 5: Settings → Labs → Export, a JSON file with db[0].data) read into a
// SourceBundle. A post's primary tag (its first public tag) becomes its section, every public tag a
// tag, users author pages; its text comes from `html`, or is rendered from `lexical` or `mobiledoc`
// when the export left `html` out. Pages, internal tags (#…) and email-only posts are reported.
import type { ArticleStatus } from '@/lib/domain/article-status';
import { renderMarkdown } from '@/lib/markdown';
import { distinctPaths, normalisedPath } from './old-paths';
import {
  ImportFileError,
  type SourceBundle,
  type SourcePost,
  type SourceSection,
  type SourceTag,
  type Skipped,
} from './types';

type Row = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const rows = (v: unknown): Row[] => (Array.isArray(v) ? v.filter((r): r is Row => !!r && typeof r === 'object') : []);

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---- Lexical (Ghost 5's editor) --------------------------------------------------------------

type LexNode = { type?: string; children?: LexNode[]; [key: string]: unknown };
const FORMAT_TAGS: [number, string][] = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [16, 'code'],
];

function lexicalHtml(node: LexNode, notes: string[]): string {
  const inner = () => (node.children ?? []).map((c) => lexicalHtml(c, notes)).join('');
  const type = String(node.type ?? '').replace(/^extended-/, '');
  switch (type) {
    case 'root':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const tag = /^h[1-6]$/.test(String(node.tag)) ? String(node.tag) : 'h2';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'quote':
    case 'aside':
      return `<blockquote>${inner()}</blockquote>`;
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'listitem':
      return `<li>${inner()}</li>`;
    case 'link':
    case 'autolink':
      return `<a href="${escapeHtml(str(node.url))}">${inner()}</a>`;
    case 'linebreak':
      return '<br>';
    case 'horizontalrule':
      return '<hr>';
    case 'text': {
      let html = escapeHtml(str(node.text));
      const format = typeof node.format === 'number' ? node.format : 0;
      for (const [bit, tag] of FORMAT_TAGS) if (format & bit) html = `<${tag}>${html}</${tag}>`;
      return html;
    }
    case 'codeblock':
      return `<pre><code>${escapeHtml(str(node.code))}</code></pre>`;
    case 'markdown':
      return renderMarkdown(str(node.markdown));
    case 'html':
      return str(node.html);
    case 'image':
      return `<figure><img src="${escapeHtml(str(node.src))}" alt="${escapeHtml(str(node.altText))}">${
        node.caption ? `<figcaption>${str(node.caption)}</figcaption>` : ''
      }</figure>`;
    default:
      notes.push(`a Ghost ${type || 'unknown'} card was left out`);
      return node.children ? inner() : '';
  }
}

// ---- Mobiledoc (Ghost before 5) ----------------------------------------------------------------

type Mobiledoc = { markups?: unknown[]; cards?: unknown[]; sections?: unknown[] };

function mobiledocHtml(doc: Mobiledoc, notes: string[]): string {
  const markups = (doc.markups ?? []) as [string, unknown[]?][];
  const cards = (doc.cards ?? []) as [string, Row][];
  const markers = (list: unknown[]) => {
    let html = '';
    const open: string[] = [];
    for (const m of list as [number, number[], number, unknown][]) {
      for (const index of m[1] ?? []) {
        const [tag, attrs] = markups[index] ?? ['span'];
        const safeTag = /^(a|b|strong|em|i|s|code|sub|sup|u)$/.test(String(tag)) ? String(tag) : 'span';
        const href = safeTag === 'a' && Array.isArray(attrs) ? str(attrs[attrs.indexOf('href') + 1]) : '';
        html += safeTag === 'a' ? `<a href="${escapeHtml(href)}">` : `<${safeTag}>`;
        open.push(safeTag);
      }
      html += m[0] === 0 ? escapeHtml(str(m[3])) : '';
      for (let i = 0; i < (m[2] ?? 0); i++) html += `</${open.pop()}>`;
    }
    return html;
  };
  return ((doc.sections ?? []) as unknown[][])
    .map((section) => {
      const kind = section[0];
      if (kind === 1) {
        const tag = /^(p|h[1-6]|blockquote|aside)$/i.test(str(section[1])) ? str(section[1]).toLowerCase() : 'p';
        return `<${tag === 'aside' ? 'blockquote' : tag}>${markers((section[2] as unknown[]) ?? [])}</${tag === 'aside' ? 'blockquote' : tag}>`;
      }
      if (kind === 3) {
        const tag = str(section[1]) === 'ol' ? 'ol' : 'ul';
        return `<${tag}>${((section[2] as unknown[][]) ?? []).map((item) => `<li>${markers(item)}</li>`).join('')}</${tag}>`;
      }
      if (kind === 10) {
        const [name, payload] = cards[section[1] as number] ?? ['unknown', {}];
        if (name === 'markdown' || name === 'card-markdown') return renderMarkdown(str(payload.markdown));
        if (name === 'html') return str(payload.html);
        if (name === 'hr') return '<hr>';
        if (name === 'image') return `<figure><img src="${escapeHtml(str(payload.src))}" alt=""></figure>`;
        if (name === 'code') return `<pre><code>${escapeHtml(str(payload.code))}</code></pre>`;
        notes.push(`a Ghost ${name} card was left out`);
        return '';
      }
      return '';
    })
    .join('\n');
}

function postHtml(post: Row, notes: string[]): string {
  const html = str(post.html);
  if (html.trim()) return html;
  const parse = (value: unknown): unknown => {
    if (typeof value !== 'string' || !value.trim()) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      notes.push('text the export stored in a form that could not be read');
      return undefined;
    }
  };
  const lexical = parse(post.lexical) as { root?: LexNode } | undefined;
  if (lexical?.root) return lexicalHtml(lexical.root, notes);
  const mobiledoc = parse(post.mobiledoc) as Mobiledoc | undefined;
  if (mobiledoc) return mobiledocHtml(mobiledoc, notes);
  return '';
}

/** A Ghost image address (__GHOST_URL__/content/images/2024/03/x.jpg) → 2024/03/x.jpg under the uploads folder. */
export function ghostImageFile(url: string): string {
  const at = url.indexOf('/content/images/');
  if (at < 0) return '';
  return decodeURIComponent(url.slice(at + '/content/images/'.length).replace(/^size\/w\d+\//, ''));
}

const STATUSES: Record<string, { status: ArticleStatus; note?: string }> = {
  published: { status: 'published' },
  scheduled: { status: 'scheduled' },
  draft: { status: 'draft' },
  sent: { status: 'draft', note: 'sent by email only on the old site (never on the web): imported as a draft' },
};

function isoDate(v: unknown): number | undefined {
  const ms = typeof v === 'number' ? v : typeof v === 'string' && v ? Date.parse(v) : NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

export function readGhost(json: string): SourceBundle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ImportFileError(`The file is not valid JSON (${(error as Error).message}).`);
  }
  const top = parsed as { db?: { data?: Row; meta?: Row }[]; data?: Row; meta?: Row };
  const data = top?.db?.[0]?.data ?? top?.data;
  if (!data || typeof data !== 'object' || !Array.isArray(data.posts))
    throw new ImportFileError(
      'This is not a Ghost export: it has no db[0].data.posts. Export it from Ghost under Settings → Labs → Export your content.',
    );
  const meta = top?.db?.[0]?.meta ?? top?.meta ?? {};
  const skipped: Skipped[] = [];

  const tagRows = rows(data.tags);
  const tagById = new Map(tagRows.map((t) => [str(t.id), t]));
  const isPublicTag = (t: Row | undefined) => !!t && str(t.visibility) !== 'internal' && !str(t.name).startsWith('#');
  const postTags = new Map<string, string[]>();
  for (const pt of [...rows(data.posts_tags)].sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))) {
    const list = postTags.get(str(pt.post_id)) ?? [];
    list.push(str(pt.tag_id));
    postTags.set(str(pt.post_id), list);
  }
  const users = new Map(rows(data.users).map((u) => [str(u.id), u]));
  const postAuthors = new Map<string, string[]>();
  for (const pa of [...rows(data.posts_authors)].sort(
    (a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0),
  )) {
    const list = postAuthors.get(str(pa.post_id)) ?? [];
    list.push(str(pa.author_id));
    postAuthors.set(str(pa.post_id), list);
  }
  const postMeta = new Map(rows(data.posts_meta).map((m) => [str(m.post_id), m]));

  const sections = new Map<string, SourceSection>();
  const tags = new Map<string, SourceTag>();
  const usedAuthors = new Set<string>();
  const internalTags = new Set<string>();
  const posts: SourcePost[] = [];
  for (const post of rows(data.posts)) {
    const id = str(post.id);
    const title = str(post.title);
    const label = `“${title || `(untitled ${id})`}”`;
    if (str(post.type) === 'page') {
      skip(
        skipped,
        label,
        'a Ghost page: Moodwire’s pages are its fixed About, Contact and legal pages; copy what you need into them',
      );
      continue;
    }
    const mapped = STATUSES[str(post.status)];
    if (!id || !mapped) {
      skip(skipped, label, id ? `status “${str(post.status) || 'none'}”` : 'no post id');
      continue;
    }
    let { status, note } = mapped;
    const visibility = str(post.visibility) || 'public';
    if (visibility !== 'public' && status !== 'draft') {
      status = 'draft';
      note = `for ${visibility === 'paid' ? 'paying members' : 'members'} only on the old site: imported as a draft`;
    }
    const tagIds = (postTags.get(id) ?? []).filter((t) => {
      const tag = tagById.get(t);
      if (tag && !isPublicTag(tag)) internalTags.add(str(tag.name));
      return isPublicTag(tag);
    });
    for (const t of tagIds) {
      const tag = tagById.get(t)!;
      if (!tags.has(t))
        tags.set(t, {
          sourceId: t,
          slug: str(tag.slug),
          name: str(tag.name),
          oldPaths: distinctPaths([normalisedPath(`/tag/${str(tag.slug)}`)]),
        });
    }
    const primary = tagIds[0];
    if (primary && !sections.has(primary)) {
      const tag = tagById.get(primary)!;
      sections.set(primary, {
        sourceId: primary,
        slug: str(tag.slug),
        name: str(tag.name),
        description: str(tag.description),
        parentSourceId: null,
        // A Ghost tag's address is the tag's: /tag/<slug> is redirected to the tag page, not the section.
        oldPaths: [],
      });
    }
    const authorIds = (postAuthors.get(id) ?? (post.author_id ? [str(post.author_id)] : [])).filter((a) =>
      users.has(a),
    );
    for (const a of authorIds) usedAuthors.add(a);
    const notes: string[] = [];
    const html = postHtml(post, notes);
    const date = isoDate(post.published_at);
    const extra = postMeta.get(id);
    const featured = str(post.feature_image);
    const slug = str(post.slug);
    const isPublicPost = status === 'published' || status === 'scheduled';
    posts.push({
      sourceId: id,
      title,
      slug,
      html,
      excerpt: str(post.custom_excerpt),
      status,
      ...(note ? { statusNote: note } : {}),
      publishedAt: isPublicPost ? (date ?? null) : null,
      dateMissing: isPublicPost && date === undefined,
      sectionSourceId: primary ?? null,
      otherSections: 0,
      tagSourceIds: tagIds,
      authorSourceId: authorIds[0] ?? null,
      byline: authorIds
        .map((a) => str(users.get(a)!.name))
        .filter(Boolean)
        .join(' and '),
      image: featured
        ? {
            file: ghostImageFile(featured),
            alt: str(extra?.feature_image_alt ?? post.feature_image_alt),
            caption: str(extra?.feature_image_caption ?? post.feature_image_caption),
          }
        : null,
      oldPaths: isPublicPost && slug ? distinctPaths([normalisedPath(`/${slug}`)]) : [],
      ...(notes.length ? { notes } : {}),
    });
  }
  for (const name of internalTags) skip(skipped, `tag “${name}”`, 'an internal Ghost tag (#…), never shown to readers');
  const authors = [...usedAuthors].map((id) => {
    const u = users.get(id)!;
    return {
      sourceId: id,
      slug: str(u.slug),
      name: str(u.name) || str(u.slug),
      bio: str(u.bio),
      oldPaths: distinctPaths([normalisedPath(`/author/${str(u.slug)}`)]),
    };
  });
  return {
    system: 'ghost',
    site: str(meta.site_uuid) || str(meta.site_url) || '',
    sections: [...sections.values()],
    tags: [...tags.values()],
    authors,
    posts,
    skipped,
  };
}

function skip(skipped: Skipped[], what: string, reason: string) {
  skipped.push({ what, reason });
}
