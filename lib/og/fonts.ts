// The only fonts the share images use, read from assets/fonts. next/og would otherwise download a
// font (Google Fonts) or an emoji picture (a CDN) for every character its fonts lack, at render time;
// we remove such characters from the text instead, so rendering never reaches another site.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCoveredCodePoints } from './cmap';

type LoadedFont = { name: string; data: Buffer; weight: 400; style: 'normal' };

const FILES = [
  { name: 'Geist', file: 'Geist-Regular.ttf' },
  { name: 'Droid Sans Fallback', file: 'DroidSansFallback.ttf' },
] as const;

export const OG_FONT_FAMILY = FILES.map((f) => `"${f.name}"`).join(', ');

let loading: Promise<{ fonts: LoadedFont[]; covered: Set<number> }> | undefined;

/** Fonts and their combined coverage, read once per process. Always the same array: satori caches by it. */
export function loadOgFonts() {
  loading ??= (async () => {
    const fonts = await Promise.all(
      FILES.map(async ({ name, file }) => ({
        name,
        data: await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), 'assets', 'fonts', file)),
        weight: 400 as const,
        style: 'normal' as const,
      })),
    );
    const covered = new Set<number>();
    for (const font of fonts) for (const c of readCoveredCodePoints(font.data)) covered.add(c);
    return { fonts, covered };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` with every character the fonts cannot draw left out (emoji, rare scripts), whitespace
 * collapsed. Whole grapheme clusters go, so no half of an emoji sequence is left behind.
 */
export function drawableText(text: string, covered: Set<number>): string {
  let out = '';
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    if (/^\s+$/u.test(segment)) {
      out += ' ';
      continue;
    }
    if ([...segment].every((ch) => covered.has(ch.codePointAt(0)!))) out += segment;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
