// A WordPress export (WXR 1.1/1.2, Tools → Export → All content) read into a SourceBundle. Posts
// become stories; pages, attachments, menus and revisions are left out and reported (decision 060).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ArticleStatus } from '@/lib/domain/article-status';
import { distinctPaths, normalisedPath, pathOfUrl } from './old-paths';
import { decodePercent } from './slugs';
import {
  ImportFileError,
  type SourceAuthor,
  type SourceBundle,
  type SourceImage,
  type SourcePost,
  type SourceSection,
  type SourceTag,
  type Skipped,
} from './types';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['rss.channel.item', 'rss.channel.wp:author', 'rss.channel.wp:category', 'rss.channel.wp:tag']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)) || /\.item\.(category|wp:postmeta)$/.test(String(jpath)),
});

/** A text node's value whatever shape the parser gave it (text, CDATA, with attributes). */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(text).join('');
  if (typeof value === 'object') return text((value as Node)['#text']);
  return '';
}

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : []);

/** "2024-03-05 14:30:00" (UTC) → ms; undefined for WordPress's "0000-00-00 00:00:00" or anything else. */
function gmtDate(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === '0000') return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function rssDate(value: string): number | undefined {
  if (!value.trim()) return undefined;
  const ms = Date.parse(value);
  // Drafts carry "Mon, 30 Nov -0001 00:00:00 +0000", WordPress's way of saying "no date".
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** The file under wp-content/uploads an attachment is, e.g. 2024/03/harbour.jpg. */
function uploadedFile(attachment: Node, meta: Map<string, string>): string {
  const attached = meta.get('_wp_attached_file');
  if (attached) return attached.replace(/^\/+/, '');
  const url = text(attachment['wp:attachment_url']);
  const at = url.indexOf('/wp-content/uploads/');
  return at >= 0 ? decodePercent(url.slice(at + '/wp-content/uploads/'.length)) : '';
}

function postMeta(item: Node): Map<string, string> {
  return new Map(list(item['wp:postmeta']).map((m) => [text(m['wp:meta_key']), text(m['wp:meta_value'])]));
}

const STATUSES: Record<string, { status: ArticleStatus; note?: string }> = {
  publish: { status: 'published' },
  future: { status: 'scheduled' },
  draft: { status: 'draft' },
  pending: { status: 'review' },
  private: { status: 'draft', note: 'private on the old site: imported as a draft' },
};

/** Counts of left-out records by reason, with up to three names each, for the report. */
function skip(skipped: Skipped[], what: string, reason: string) {
  skipped.push({ what, reason });
}

export function readWordPress(xml: string): SourceBundle {
  // A WordPress export never declares entities; a file that does could expand without bound.
  if (/<!ENTITY/i.test(xml.slice(0, 65536)))
    throw new ImportFileError('The file declares XML entities (<!ENTITY …>), which a WordPress export never does.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new ImportFileError(
      `The file is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}).`,
    );
  const channel = (parser.parse(xml) as Node)?.rss as Node | undefined;
  const root = channel?.channel as Node | undefined;
  if (!root || (!root['wp:wxr_version'] && !root['wp:base_site_url']))
    throw new ImportFileError(
      'This is not a WordPress export: it has no <rss><channel> with WordPress’s wp: fields. Export it from WordPress under Tools → Export.',
    );
  const site = text(root['wp:base_blog_url']) || text(root['wp:base_site_url']) || text(root.link);
  const skipped: Skipped[] = [];

  const sections: SourceSection[] = [];
  const byNicename = new Map<string, SourceSection>();
  for (const c of list(root['wp:category'])) {
    const nicename = decodePercent(text(c['wp:category_nicename']));
    if (!nicename) continue;
    const section: SourceSection = {
      sourceId: text(c['wp:term_id']) || `nicename:${nicename}`,
      slug: nicename,
      name: text(c['wp:cat_name']) || nicename,
      description: text(c['wp:category_description']),
      parentSourceId: text(c['wp:category_parent']) || null, // a nicename for now: resolved below
      oldPaths: [],
    };
    sections.push(section);
    byNicename.set(nicename, section);
  }
  // Parents are named by nicename; WordPress's category address is the chain of them.
  for (const s of sections) {
    const parent = s.parentSourceId ? byNicename.get(decodePercent(s.parentSourceId)) : undefined;
    s.parentSourceId = parent && parent !== s ? parent.sourceId : null;
  }
  const chain = (s: SourceSection): string[] => {
    const names: string[] = [];
    const seen = new Set<SourceSection>();
    for (let at: SourceSection | undefined = s; at && !seen.has(at);) {
      seen.add(at);
      names.unshift(at.slug);
      at = at.parentSourceId ? sections.find((p) => p.sourceId === at!.parentSourceId) : undefined;
    }
    return names;
  };
  for (const s of sections)
    s.oldPaths = distinctPaths([
      normalisedPath(`/category/${chain(s).join('/')}`),
      normalisedPath(`/category/${s.slug}`),
    ]);

  const tags: SourceTag[] = [];
  const tagBySlug = new Map<string, SourceTag>();
  const addTag = (slug: string, name: string, id: string) => {
    if (!slug || tagBySlug.has(slug)) return tagBySlug.get(slug);
    const tag = {
      sourceId: id || `slug:${slug}`,
      slug,
      name: name || slug,
      oldPaths: distinctPaths([normalisedPath(`/tag/${slug}`)]),
    };
    tags.push(tag);
    tagBySlug.set(slug, tag);
    return tag;
  };
  for (const t of list(root['wp:tag']))
    addTag(decodePercent(text(t['wp:tag_slug'])), text(t['wp:tag_name']), text(t['wp:term_id']));

  const authors: SourceAuthor[] = [];
  const authorByLogin = new Map<string, SourceAuthor>();
  for (const a of list(root['wp:author'])) {
    const login = text(a['wp:author_login']);
    if (!login) continue;
    const name =
      text(a['wp:author_display_name']) ||
      [text(a['wp:author_first_name']), text(a['wp:author_last_name'])].filter(Boolean).join(' ') ||
      login;
    const author = {
      sourceId: login,
      slug: login,
      name,
      bio: '',
      oldPaths: distinctPaths([normalisedPath(`/author/${login.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`)]),
    };
    authors.push(author);
    authorByLogin.set(login, author);
  }

  const items = list(root.item);
  const attachments = new Map<string, Node>();
  for (const item of items)
    if (text(item['wp:post_type']) === 'attachment') attachments.set(text(item['wp:post_id']), item);
  const usedAttachments = new Set<string>();

  const posts: SourcePost[] = [];
  for (const item of items) {
    const type = text(item['wp:post_type']) || 'post';
    const title = text(item.title);
    const id = text(item['wp:post_id']);
    const label = `“${title || `(untitled ${type} ${id})`}”`;
    if (type === 'attachment') continue;
    if (type === 'page') {
      skip(
        skipped,
        label,
        'a WordPress page: Moodwire’s pages are its fixed About, Contact and legal pages; copy what you need into them',
      );
      continue;
    }
    if (type !== 'post') {
      skip(skipped, label, `a WordPress ${type} (not a post)`);
      continue;
    }
    const wpStatus = text(item['wp:status']);
    const mapped = STATUSES[wpStatus];
    if (!mapped) {
      skip(skipped, label, wpStatus === 'trash' ? 'in the trash' : `status “${wpStatus || 'none'}” (not a post’s)`);
      continue;
    }
    if (!id) {
      skip(skipped, label, 'no post id');
      continue;
    }
    let { status, note } = mapped;
    if (text(item['wp:post_password']) && status !== 'draft') {
      status = 'draft';
      note = 'password-protected on the old site: imported as a draft';
    }
    const date =
      gmtDate(text(item['wp:post_date_gmt'])) ?? rssDate(text(item.pubDate)) ?? gmtDate(text(item['wp:post_date']));
    const slug = decodePercent(text(item['wp:post_name']));

    const categories = list(item.category);
    const catNames = categories
      .filter((c) => text(c['@_domain']) === 'category')
      .map((c) => decodePercent(text(c['@_nicename'])));
    const postSections = catNames.map((n) => byNicename.get(n)).filter((s): s is SourceSection => s !== undefined);
    // The deepest category listed (a child over its parent) is the story's section.
    const deepest =
      postSections.find((s) => !postSections.some((o) => o !== s && chain(o).slice(0, -1).includes(s.slug))) ??
      postSections[0];
    const tagIds = categories
      .filter((c) => text(c['@_domain']) === 'post_tag')
      .map((c) => addTag(decodePercent(text(c['@_nicename'])), text(c), '')?.sourceId)
      .filter((t): t is string => !!t);

    const meta = postMeta(item);
    let image: SourceImage | null = null;
    const thumbnail = meta.get('_thumbnail_id');
    if (thumbnail) {
      const attachment = attachments.get(thumbnail);
      if (attachment) {
        usedAttachments.add(thumbnail);
        const attachmentMeta = postMeta(attachment);
        image = {
          file: uploadedFile(attachment, attachmentMeta),
          alt: attachmentMeta.get('_wp_attachment_image_alt') ?? '',
          caption: text(attachment['excerpt:encoded']),
        };
      } else {
        image = { file: '', alt: '', caption: '' }; // named but not in the file: reported as missing
      }
    }

    const creator = text(item['dc:creator']);
    const author = authorByLogin.get(creator);
    const link = pathOfUrl(text(item.link));
    const isPublicPost = status === 'published' || status === 'scheduled';
    const localDate = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(item['wp:post_date']));
    posts.push({
      sourceId: id,
      title,
      slug,
      html: text(item['content:encoded']),
      excerpt: text(item['excerpt:encoded']),
      status,
      ...(note ? { statusNote: note } : {}),
      publishedAt: status === 'draft' || status === 'review' ? null : (date ?? null),
      dateMissing: isPublicPost && date === undefined,
      sectionSourceId: deepest?.sourceId ?? null,
      otherSections: Math.max(0, postSections.length - 1),
      tagSourceIds: [...new Set(tagIds)],
      authorSourceId: author?.sourceId ?? null,
      byline: author?.name ?? '',
      image,
      oldPaths: isPublicPost
        ? distinctPaths([
            link && (link.search.startsWith('?p=') ? `/?p=${id}` : normalisedPath(link.path)),
            `/?p=${id}`,
            slug && localDate ? normalisedPath(`/${localDate[1]}/${localDate[2]}/${localDate[3]}/${slug}`) : undefined,
            slug ? normalisedPath(`/${slug}`) : undefined,
          ])
        : [],
    });
  }
  const otherAttachments = [...attachments.keys()].filter((id) => !usedAttachments.has(id));
  for (const id of otherAttachments)
    skip(
      skipped,
      `“${text(attachments.get(id)!.title) || id}”`,
      'an attachment that is no post’s featured image (files in the text are not brought in)',
    );
  return { system: 'wordpress', site, sections, tags, authors, posts, skipped };
}
