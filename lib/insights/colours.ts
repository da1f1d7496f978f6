// Chart colours. Each has at least 3:1 contrast (WCAG 1.4.11, graphics) against the page in both
// themes, white (#ffffff) and dark (#121212): relative luminance between 0.12 and 0.30. Colour is
// never the only cue: every chart has a legend with labels, a text summary and a table.
// tests/unit/insights-colours.test.ts checks the contrast.
import type { Mood } from '@/lib/domain/moods';

export const MOOD_COLOURS: Record<Mood, string> = {
  touched: '#db2777',
  sympathetic: '#8b5cf6',
  bored: '#7c7c7c',
  angry: '#dc2626',
  amused: '#d97706',
  sad: '#2563eb',
  happy: '#16a34a',
  no_comment: '#0891b2',
};

export const NETWORK_COLOURS: Record<string, string> = {
  weibo: '#dc2626',
  x: '#737373',
  facebook: '#2563eb',
  linkedin: '#0284c7',
  reddit: '#d97706',
  email: '#8b5cf6',
  wechat: '#16a34a',
  copy: '#db2777',
  native: '#0f766e',
};

/** The single colour of plain bar and line charts, and of the previous period's line. */
export const PRIMARY_COLOUR = '#2563eb';
export const SECONDARY_COLOUR = '#7c7c7c';

/** A share network's colour; a network the list does not know yet gets the plain one. */
export const networkColour = (network: string) => NETWORK_COLOURS[network] ?? PRIMARY_COLOUR;

export const PAGE_BACKGROUNDS = { light: '#ffffff', dark: '#121212' } as const;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
