// What an export file becomes before anything is written: the same shape for WordPress and Ghost, so
// that one importer (lib/import/run.ts) brings either into Moodwire. Decision 060.
import type { ArticleStatus } from '@/lib/domain/article-status';

export type SourceSystem = 'wordpress' | 'ghost';

/** A WordPress category or a Ghost primary tag: becomes a section. */
export type SourceSection = {
  sourceId: string;
  /** as the old site spelled it (percent-decoded); made into one of ours by lib/import/slugs.ts */
  slug: string;
  name: string;
  description: string;
  parentSourceId: string | null;
  /** the old site's addresses of this category, e.g. /category/world/asia */
  oldPaths: string[];
};

export type SourceTag = { sourceId: string; slug: string; name: string; oldPaths: string[] };

export type SourceAuthor = { sourceId: string; slug: string; name: string; bio: string; oldPaths: string[] };

/** A featured image: a file under the uploads folder given on the command line. */
export type SourceImage = {
  /** the file's path relative to the uploads folder, e.g. 2024/03/harbour.jpg */
  file: string;
  alt: string;
  caption: string;
};

export type SourcePost = {
  sourceId: string;
  title: string;
  slug: string;
  html: string;
  excerpt: string;
  status: ArticleStatus;
  /** why the status is not the old site's own (private, members-only, …), for the report */
  statusNote?: string;
  /** ms; null for drafts without a date */
  publishedAt: number | null;
  /** a published post that carried no date at all: it takes the import's time (reported) */
  dateMissing: boolean;
  sectionSourceId: string | null;
  /** more categories than the one that became the section (a story has one section) */
  otherSections: number;
  tagSourceIds: string[];
  authorSourceId: string | null;
  /** the names shown as the byline (several for a Ghost post with co-authors) */
  byline: string;
  image: SourceImage | null;
  /** the old site's addresses of this post (permalink, ?p=ID, date form…), as paths with their query */
  oldPaths: string[];
  /** content the converter could not bring (shortcodes, embeds…), already described */
  notes?: string[];
};

export type Skipped = { what: string; reason: string };

export type SourceBundle = {
  system: SourceSystem;
  /** the exported site's address or id: keeps two sites' records apart in the source map */
  site: string;
  sections: SourceSection[];
  tags: SourceTag[];
  authors: SourceAuthor[];
  posts: SourcePost[];
  /** records left out while reading the file (pages, attachments, trash…) */
  skipped: Skipped[];
};

/** A file that cannot be imported: the message is for the person running the command. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
