// Brings a SourceBundle (a WordPress or Ghost export, read by lib/import/wordpress.ts or ghost.ts)
// into the configured database through db/queries/imports.ts: sections parents first, then tags and
// authors, then each story with its featured photo (processed like an editor's upload) and the old
// site's addresses as redirects. Returns the report the command prints. Decisions 060 and 061.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDb } from '@/db/engine';
import {
  addOldAddresses,
  findImportedPhoto,
  importAuthor,
  importSection,
  importStory,
  importTag,
  insertImportedPhoto,
  recordImportRun,
  runImportSteps,
  type ImportKind,
  type Outcome,
  type SourceKey,
} from '@/db/queries/imports';
import { dropUnusedMedia } from '@/db/queries/media';
import { authorPath, sectionPath, tagPath } from '@/lib/domain/routes';
import { renderedBody } from '@/lib/markdown';
import {
  checkHeroUpload,
  deleteReplacedImage,
  MAX_UPLOAD_BYTES,
  processHeroUpload,
  UploadError,
  type ProcessedImage,
} from '@/lib/media/upload';
import { clip, htmlToMarkdown, htmlToText } from './html-to-markdown';
import { importedSlug } from './slugs';
import type { Skipped, SourceBundle, SourcePost, SourceSection } from './types';

export type ImportOptions = {
  /** the folder of the old site's uploads (WordPress: wp-content/uploads; Ghost: content/images) */
  uploads?: string;
  dryRun?: boolean;
  now?: number;
};

export type Tally = Record<Outcome, number>;
const emptyTally = (): Tally => ({ created: 0, matched: 0, updated: 0, unchanged: 0, kept: 0, gone: 0 });

export type ImportReport = {
  system: SourceBundle['system'];
  dryRun: boolean;
  sections: Tally;
  tags: Tally;
  authors: Tally;
  stories: Tally;
  /** stories created or updated, by the status they have now */
  statuses: { published: number; scheduled: number; review: number; draft: number };
  images: { brought: number; unchanged: number };
  redirects: number;
  /** records left out, and why */
  skipped: Skipped[];
  /** records that came in with something changed or left behind, and what */
  notes: Skipped[];
};

/** Limits of the editor's own form (lib/admin/story-schema.ts), which imported stories keep too. */
const LIMITS = { title: 200, standfirst: 400, body: 200_000, tags: 12, tagName: 40, sectionName: 60, sectionSlug: 60 };

const checksum = (value: unknown) => crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Sections in an order where every parent comes before its children (a cycle is broken at the top). */
function parentsFirst(sections: SourceSection[]): SourceSection[] {
  const byId = new Map(sections.map((s) => [s.sourceId, s]));
  const out: SourceSection[] = [];
  const placed = new Set<string>();
  const visit = (s: SourceSection, trail: Set<string>) => {
    if (placed.has(s.sourceId)) return;
    if (trail.has(s.sourceId)) {
      s.parentSourceId = null;
      return;
    }
    trail.add(s.sourceId);
    const parent = s.parentSourceId ? byId.get(s.parentSourceId) : undefined;
    if (parent) visit(parent, trail);
    else s.parentSourceId = null;
    placed.add(s.sourceId);
    out.push(s);
  };
  for (const s of sections) visit(s, new Set());
  return out;
}

type PhotoPlan =
  | { kind: 'none' } // the post has no featured image: the story has none either
  | { kind: 'leave' } // nothing to change (no uploads folder given, or the photo could not be used)
  | { kind: 'reuse'; mediaId: number; sum: string }
  | { kind: 'new'; processed: ProcessedImage | null; sum: string; alt: string; caption: string; file: string };

export async function importBundle(bundle: SourceBundle, options: ImportOptions = {}): Promise<ImportReport> {
  const now = options.now ?? Date.now();
  const dryRun = options.dryRun === true;
  const report: ImportReport = {
    system: bundle.system,
    dryRun,
    sections: emptyTally(),
    tags: emptyTally(),
    authors: emptyTally(),
    stories: emptyTally(),
    statuses: { published: 0, scheduled: 0, review: 0, draft: 0 },
    images: { brought: 0, unchanged: 0 },
    redirects: 0,
    skipped: [...bundle.skipped],
    notes: [],
  };
  const key = (kind: ImportKind, sourceId: string): SourceKey => ({
    system: bundle.system,
    site: bundle.site,
    kind,
    sourceId,
  });
  const note = (what: string, reason: string) => report.notes.push({ what, reason });
  const systemName = bundle.system === 'wordpress' ? 'WordPress' : 'Ghost';
  // Files of photos processed for stories whose transaction then failed or did not use them.
  const orphanFiles: string[] = [];

  await runImportSteps(dryRun, async (step) => {
    const sectionIds = new Map<string, number>();
    for (const s of parentsFirst(bundle.sections)) {
      const slug = importedSlug(s.slug, s.name, `section-${s.sourceId}`, LIMITS.sectionSlug);
      const name = clip(htmlToText(s.name) || slug, LIMITS.sectionName);
      const parentId = s.parentSourceId ? (sectionIds.get(s.parentSourceId) ?? null) : null;
      const result = await step(async (tx) => {
        const r = await importSection(
          tx,
          key('section', s.sourceId),
          { slug, name, description: clip(htmlToText(s.description), 300), parentId },
          checksum({ ...s, parentId }),
          now,
        );
        const moved =
          r.id !== null && r.outcome !== 'unchanged'
            ? await addOldAddresses(tx, s.oldPaths, sectionPath(slug), now)
            : 0;
        return { ...r, moved };
      });
      report.redirects += result.moved;
      report.sections[result.outcome]++;
      if (result.outcome === 'gone') note(`section “${name}”`, 'deleted here since the last import: not brought back');
      if (result.id !== null) sectionIds.set(s.sourceId, result.id);
    }

    const tagIds = new Map<string, number>();
    for (const t of bundle.tags) {
      const slug = importedSlug(t.slug, t.name, `tag-${t.sourceId}`);
      const name = clip(htmlToText(t.name) || slug, LIMITS.tagName);
      const result = await step(async (tx) => {
        const r = await importTag(tx, key('tag', t.sourceId), { slug, name }, checksum(t), now);
        const moved =
          r.id !== null && r.slug && r.outcome !== 'unchanged'
            ? await addOldAddresses(tx, t.oldPaths, tagPath(r.slug), now)
            : 0;
        return { ...r, moved };
      });
      report.redirects += result.moved;
      report.tags[result.outcome]++;
      if (result.id !== null) tagIds.set(t.sourceId, result.id);
    }

    const authorIds = new Map<string, { id: number; name: string }>();
    for (const a of bundle.authors) {
      const slug = importedSlug(a.slug, a.name, `author-${a.sourceId}`);
      const name = clip(htmlToText(a.name) || slug, 80);
      const result = await step(async (tx) => {
        const r = await importAuthor(
          tx,
          key('author', a.sourceId),
          { slug, name, bio: clip(htmlToText(a.bio), 2000) },
          checksum(a),
          now,
        );
        const moved =
          r.id !== null && r.slug && r.outcome !== 'unchanged'
            ? await addOldAddresses(tx, a.oldPaths, authorPath(r.slug), now)
            : 0;
        return { ...r, moved };
      });
      report.redirects += result.moved;
      report.authors[result.outcome]++;
      if (result.id !== null) authorIds.set(a.sourceId, { id: result.id, name });
    }

    // Posts with no category (WordPress) or no public tag (Ghost) go to one section made for them.
    let fallbackSection: number | undefined;
    const fallback = async () => {
      if (fallbackSection !== undefined) return fallbackSection;
      const slug = `from-${bundle.system}`;
      const result = await step((tx) =>
        importSection(
          tx,
          key('section', '(none)'),
          { slug, name: `From ${systemName}`, description: '', parentId: null },
          'fallback',
          now,
        ),
      );
      report.sections[result.outcome]++;
      fallbackSection = result.id ?? undefined;
      return fallbackSection;
    };

    for (const post of bundle.posts) {
      await importPost(post);
    }

    async function importPost(post: SourcePost) {
      const title = clip(htmlToText(post.title), LIMITS.title) || 'Untitled';
      const label = `“${title}”`;
      // What this story lost or got on the way: reported when it is written (not when it is unchanged).
      const changes: string[] = [];
      const change = (_label: string, reason: string) => changes.push(reason);
      if (!post.title.trim()) change(label, 'had no title: imported as “Untitled”');
      const converted = htmlToMarkdown(post.html, { wordpress: bundle.system === 'wordpress' });
      if (converted.markdown.length > LIMITS.body) {
        report.skipped.push({
          what: label,
          reason: `its text is longer than the editor takes (${LIMITS.body.toLocaleString('en')} characters)`,
        });
        return;
      }
      const photo = await planPhoto(post, label, step, change);
      let sectionId = post.sectionSourceId ? sectionIds.get(post.sectionSourceId) : undefined;
      if (sectionId === undefined) {
        sectionId = await fallback();
        if (sectionId === undefined) {
          report.skipped.push({
            what: label,
            reason: `no section to put it in (“From ${systemName}” was deleted here)`,
          });
          return;
        }
        change(
          label,
          `had no ${bundle.system === 'wordpress' ? 'category' : 'public tag'}: placed in the section “From ${systemName}”`,
        );
      }
      const tags = post.tagSourceIds.map((t) => tagIds.get(t)).filter((t): t is number => t !== undefined);
      if (tags.length > LIMITS.tags) change(label, `had ${tags.length} tags: the first ${LIMITS.tags} were kept`);
      const author = post.authorSourceId ? authorIds.get(post.authorSourceId) : undefined;
      const publishedAt = post.dateMissing ? now : post.publishedAt;
      if (post.dateMissing) change(label, 'had no publish date: dated with the time of this import');
      if (post.statusNote) change(label, post.statusNote);
      if (post.otherSections)
        change(label, `was in ${post.otherSections + 1} categories: the most specific became its section`);
      for (const n of new Set([...(post.notes ?? []), ...converted.notes])) change(label, n);
      const rendered = renderedBody(converted.markdown);
      const sum = checksum({ post, photo: 'sum' in photo ? photo.sum : photo.kind, sectionId });

      const result = await step(async (tx: AppDb) => {
        let heroMediaId: number | null | undefined =
          photo.kind === 'none' ? null : photo.kind === 'reuse' ? photo.mediaId : undefined;
        if (photo.kind === 'new' && photo.processed)
          heroMediaId = await insertImportedPhoto(
            tx,
            key('media', photo.file),
            { ...photo.processed, alt: photo.alt, caption: photo.caption },
            photo.sum,
            now,
          );
        const r = await importStory(
          tx,
          key('story', post.sourceId),
          {
            title,
            slug: importedSlug(post.slug, title, `story-${post.sourceId}`),
            standfirst: clip(htmlToText(post.excerpt), LIMITS.standfirst),
            sectionId: sectionId!,
            authorId: author?.id ?? null,
            byline: clip(post.byline || author?.name || '', 120),
            ...rendered,
            status: post.status,
            publishedAt,
            tagIds: tags.slice(0, LIMITS.tags),
            heroMediaId,
            oldPaths: post.oldPaths,
          },
          sum,
          now,
        );
        // A photo processed for a story that was not written (kept as staff left it, or deleted here).
        let unused: string | undefined;
        if (photo.kind === 'new' && heroMediaId && r.outcome !== 'created' && r.outcome !== 'updated')
          unused = await dropUnusedMedia(tx, heroMediaId);
        return { ...r, unused };
      }).catch(async (error: unknown) => {
        if (photo.kind === 'new' && photo.processed) orphanFiles.push(photo.processed.path);
        throw error;
      });
      if (result.unused) orphanFiles.push(result.unused);
      if (result.replacedPath && !dryRun) await deleteReplacedImage(result.replacedPath);
      report.stories[result.outcome]++;
      report.redirects += result.redirects;
      if (result.outcome === 'created' || result.outcome === 'updated') {
        report.statuses[post.status]++;
        for (const reason of changes) note(label, reason);
        if (photo.kind === 'new') report.images.brought++;
        if (result.slug && post.slug && result.slug !== post.slug.toLowerCase())
          note(
            label,
            `its address is /news/${result.slug} (the old slug “${post.slug}” ${/^[\x21-\x7e]*$/.test(post.slug) ? 'was taken or does not fit' : 'was transliterated'})`,
          );
      } else if (photo.kind === 'reuse') report.images.unchanged++;
      if (result.outcome === 'kept')
        note(label, 'changed at the source, but edited here since the last import: kept as it is here');
      if (result.outcome === 'gone') note(label, 'deleted here since the last import: not brought back');
    }

    if (!dryRun)
      await step((tx) =>
        recordImportRun(
          tx,
          {
            system: bundle.system,
            site: bundle.site,
            stories: report.stories,
            sections: report.sections,
            tags: report.tags,
            authors: report.authors,
            images: report.images,
            redirects: report.redirects,
            skipped: report.skipped.length,
          },
          now,
        ),
      );
  }).finally(async () => {
    for (const file of orphanFiles) await deleteReplacedImage(file);
  });
  return report;

  /**
   * The featured photo of a post: found in the uploads folder, checked like an editor's upload, and
   * processed into the site's renditions (once: the same bytes imported again reuse the photo).
   */
  async function planPhoto(
    post: SourcePost,
    label: string,
    step: <R>(fn: (tx: AppDb) => Promise<R>) => Promise<R>,
    note: (what: string, reason: string) => void,
  ): Promise<PhotoPlan> {
    if (!post.image) return { kind: 'none' };
    if (!options.uploads) {
      note(label, 'has a featured image: not brought in (give the uploads folder with --uploads)');
      return { kind: 'leave' };
    }
    if (!post.image.file) {
      note(label, 'its featured image is not in the export (no file named): not brought in');
      return { kind: 'leave' };
    }
    const root = path.resolve(options.uploads);
    const file = path.resolve(root, post.image.file);
    if (path.relative(root, file).startsWith('..') || path.isAbsolute(path.relative(root, file))) {
      note(label, `its featured image “${post.image.file}” is outside the uploads folder: not brought in`);
      return { kind: 'leave' };
    }
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) {
      note(label, `its featured image is missing from the uploads folder (${post.image.file}): not brought in`);
      return { kind: 'leave' };
    }
    if (stat.size > MAX_UPLOAD_BYTES) {
      note(label, `its featured image (${post.image.file}) is larger than 5 MB: not brought in`);
      return { kind: 'leave' };
    }
    const bytes = new Uint8Array(await fs.readFile(file));
    const alt = clip(htmlToText(post.image.alt), 300) || clip(htmlToText(post.title), 300) || 'Photo';
    const caption = clip(htmlToText(post.image.caption), 500);
    const sum = checksum({ bytes: crypto.createHash('sha256').update(bytes).digest('hex'), alt, caption });
    const reused = await step((tx) => findImportedPhoto(tx, key('media', post.image!.file), sum));
    if (reused !== undefined) return { kind: 'reuse', mediaId: reused, sum };
    try {
      if (dryRun) {
        await checkHeroUpload(bytes);
        return { kind: 'new', processed: null, sum, alt, caption, file: post.image.file };
      }
      return { kind: 'new', processed: await processHeroUpload(bytes), sum, alt, caption, file: post.image.file };
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      note(label, `its featured image (${post.image.file}) could not be used: ${error.message}`);
      return { kind: 'leave' };
    }
  }
}
