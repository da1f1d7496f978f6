// Photos between a story's paragraphs (decision 040). The editor writes a block on a line of its own:
//   {{photo 12}}            one photo of the library, with its caption and credit
//   {{gallery 12 13 14}}    several photos side by side, each with its caption
// The Markdown is rendered and sanitised as always; each block's paragraph is then replaced by figure
// HTML built here from the library rows, every value escaped, every address one of our own renditions
// (the CSP stays img-src 'self'). Images from other sites are refused at the save, never left broken.
import 'server-only';
import {
  getPhotos,
  getStoryBody,
  setStoryBodyHtml,
  setStoryBodyPhotos,
  type LibraryPhoto,
} from '@/db/queries/body-photos';
import { countWords, renderedBody } from '@/lib/markdown';

const BLOCK_LINE = /^\s*\{\{\s*(photo|gallery)((?:\s+\d{1,9})+)\s*\}\}\s*$/;
const BLOCK_HTML = /<p>\{\{\s*(photo|gallery)((?:\s+\d{1,9})+)\s*\}\}<\/p>/g;
const MAX_GALLERY = 12;

/** The photo ids a body's blocks name, in order of first appearance. */
export function photoIdsIn(source: string): number[] {
  const ids: number[] = [];
  for (const line of source.split('\n')) {
    const m = BLOCK_LINE.exec(line);
    if (m) for (const id of m[2]!.trim().split(/\s+/).map(Number)) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The first image a body takes from another site (Markdown `![…](https://…)`, `//host/…`, or an <img>
 * tag). Readers never get it (the sanitiser keeps only our own image addresses, lib/markdown.ts); the
 * editor is told at the save.
 */
export function externalImageIn(source: string): string | undefined {
  const markdown = /!\[[^\]]*\]\(\s*<?\s*((?:https?:)?\/\/[^\s)>]*)/i.exec(source);
  if (markdown) return markdown[1];
  const tag = /<img\b[^>]*\bsrc\s*=\s*["']?\s*((?:https?:)?\/\/[^\s"'>]*)/i.exec(source);
  return tag?.[1];
}

/** What the editor is told when a saved body has an image from another site. */
export const OUTSIDE_IMAGE_NOTICE =
  'The body has an image from another site, which readers’ browsers will not load: it is left out of the story. Upload it under “Photos in the story” and place it with its {{photo …}} line.';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Our own rendition addresses only: anything else in a row is not put into a page. */
const OWN_IMAGE = /^\/(?:media|images)\/[A-Za-z0-9_/.-]+$/;

function imgHtml(photo: LibraryPhoto, sizes: string): string {
  const variants = photo.variants.filter((v) => OWN_IMAGE.test(v.path) && Number.isInteger(v.width));
  const srcset = variants.length
    ? ` srcset="${variants.map((v) => `${escapeHtml(v.path)} ${v.width}w`).join(', ')}" sizes="${sizes}"`
    : '';
  return (
    `<img src="${escapeHtml(photo.path)}"${srcset} width="${photo.width}" height="${photo.height}"` +
    ` alt="${escapeHtml(photo.alt)}" loading="lazy" decoding="async">`
  );
}

function captionHtml(photo: LibraryPhoto): string {
  if (!photo.caption && !photo.credit) return '';
  const credit = photo.credit ? ` <span class="photo-credit">${escapeHtml(photo.credit)}</span>` : '';
  return `<figcaption>${escapeHtml(photo.caption)}${credit}</figcaption>`;
}

export function figureHtml(photo: LibraryPhoto): string {
  return `<figure class="story-photo">${imgHtml(photo, '(min-width: 48rem) 42rem, 100vw')}${captionHtml(photo)}</figure>`;
}

export function galleryHtml(photos: LibraryPhoto[]): string {
  const items = photos.map((p) => `<figure>${imgHtml(p, '(min-width: 48rem) 21rem, 50vw')}${captionHtml(p)}</figure>`);
  return `<div class="story-gallery" role="group" aria-label="Gallery, ${photos.length} photos">${items.join('')}</div>`;
}

/** Blocks get a paragraph of their own even when the editor typed them right under a line of text. */
function separateBlocks(source: string): string {
  return source
    .split('\n')
    .map((line) => (BLOCK_LINE.test(line) ? `\n${line.trim()}\n` : line))
    .join('\n');
}

/** Renders a body with its photo blocks from the photos given; a block naming none of them shows nothing. */
export function renderBodyWithPhotos(source: string, photos: LibraryPhoto[]): string {
  const byId = new Map(photos.filter((p) => OWN_IMAGE.test(p.path)).map((p) => [p.id, p]));
  return renderedBody(separateBlocks(source)).bodyHtml.replace(BLOCK_HTML, (_all, kind: string, list: string) => {
    const found = list
      .trim()
      .split(/\s+/)
      .map((id) => byId.get(Number(id)))
      .filter((p): p is LibraryPhoto => p !== undefined);
    if (found.length === 0) return '';
    return kind === 'photo' || found.length === 1 ? found.map(figureHtml).join('') : galleryHtml(found);
  });
}

export type RenderedStoryBody =
  | {
      ok: true;
      rendered: { body: string; bodyHtml: string; wordCount: number };
      mediaIds: number[];
      /** an image from another site the body names (left out of the HTML) */
      outsideImage?: string;
    }
  | { ok: false; message: string };

/** What a save stores of a body, or why it cannot be saved (a block naming no photo, a gallery too long). */
export async function renderStoryBody(source: string): Promise<RenderedStoryBody> {
  const tooMany = source.split('\n').find((l) => BLOCK_LINE.test(l) && l.trim().split(/\s+/).length - 1 > MAX_GALLERY);
  if (tooMany) return { ok: false, message: `A gallery shows at most ${MAX_GALLERY} photos.` };
  const ids = photoIdsIn(source);
  const photos = await getPhotos(ids);
  const missing = ids.filter((id) => !photos.some((p) => p.id === id));
  if (missing.length) return { ok: false, message: `No photo in the library has the number ${missing.join(', ')}.` };
  const words = source
    .split('\n')
    .filter((l) => !BLOCK_LINE.test(l))
    .join('\n');
  const outsideImage = externalImageIn(source);
  return {
    ok: true,
    rendered: { body: source, bodyHtml: renderBodyWithPhotos(source, photos), wordCount: countWords(words) },
    mediaIds: ids,
    ...(outsideImage ? { outsideImage } : {}),
  };
}

/** Re-renders the bodies of stories that showed a photo that is gone; returns what to revalidate. */
export async function rerenderBodies(storyIds: number[]): Promise<{ slug: string; sectionId: number }[]> {
  const done: { slug: string; sectionId: number }[] = [];
  for (const id of storyIds) {
    const story = await getStoryBody(id);
    if (!story) continue;
    const photos = await getPhotos(photoIdsIn(story.body));
    await setStoryBodyHtml(id, renderBodyWithPhotos(story.body, photos));
    await setStoryBodyPhotos(
      id,
      photos.map((p) => p.id),
    );
    done.push({ slug: story.slug, sectionId: story.sectionId });
  }
  return done;
}

/** The editor's live preview: the body as readers will get it, photos included. */
export async function previewBody(source: string): Promise<string> {
  return renderBodyWithPhotos(source, await getPhotos(photoIdsIn(source)));
}
