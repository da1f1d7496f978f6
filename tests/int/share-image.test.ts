import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCoveredCodePoints } from '@/lib/og/cmap';
import { drawableText } from '@/lib/og/fonts';
import { createTempDatabase } from '../helpers/temp-db';
import { insertStory } from '../helpers/stories';

let temp: ReturnType<typeof createTempDatabase>;
const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });

beforeAll(() => {
  process.env.SITE_URL = 'https://news.example';
  temp = createTempDatabase();
  insertStory(temp.db.$client, { slug: 'nasty-image-title', title: '微信故障 & "quotes" 🎉👩‍👩‍👧 ℵ₀ <b>' });
  insertStory(temp.db.$client, { slug: 'draft-image', status: 'draft', publishedAt: null });
});
afterAll(() => {
  delete process.env.SITE_URL;
  temp.cleanup();
});
afterEach(() => vi.unstubAllGlobals());

async function png(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  return PNG.sync.read(Buffer.from(await res.arrayBuffer()));
}

/** Share of pixels in a band that are clearly darker than the white card: the headline's ink. */
function ink(image: PNG, top: number, bottom: number) {
  let dark = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! < 128 && image.data[i + 1]! < 128 && image.data[i + 2]! < 128) dark++;
    }
  }
  return dark / ((bottom - top) * image.width);
}

describe('share images', () => {
  it('draws a 1200×630 card for a story with Chinese and emoji without reaching any other site', async () => {
    // next/og loads its own wasm through fetch(data:…); anything else would be another site.
    const realFetch = globalThis.fetch;
    const outside: string[] = [];
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith('data:')) return realFetch(input, init);
      outside.push(url);
      return Promise.reject(new Error('no network in tests'));
    });
    const { GET } = await import('@/app/(site)/news/[slug]/og.png/route');
    const image = await png(
      await GET(new Request('https://news.example/news/nasty-image-title/og.png'), ctx('nasty-image-title')),
    );
    expect([image.width, image.height]).toEqual([1200, 630]);
    expect(ink(image, 150, 480)).toBeGreaterThan(0.01);
    expect(outside).toEqual([]);
  });

  it('has one for every section and for the site, and none for a draft or an unknown section', async () => {
    const story = await import('@/app/(site)/news/[slug]/og.png/route');
    const section = await import('@/app/(site)/section/[slug]/og.png/route');
    const site = await import('@/app/og.png/route');
    expect((await story.GET(new Request('https://x/'), ctx('draft-image'))).status).toBe(404);
    expect((await section.GET(new Request('https://x/'), ctx('no-such-section'))).status).toBe(404);
    expect((await png(await section.GET(new Request('https://x/'), ctx('weibo-wire')))).width).toBe(1200);
    expect((await png(await site.GET())).height).toBe(630);
  });

  it('leaves out only what its fonts cannot draw, whole emoji sequences at a time', async () => {
    const fs = await import('node:fs');
    const covered = new Set([
      ...readCoveredCodePoints(fs.readFileSync('assets/fonts/Geist-Regular.ttf')),
      ...readCoveredCodePoints(fs.readFileSync('assets/fonts/DroidSansFallback.ttf')),
    ]);
    expect(drawableText('WeChat 微信 & "quotes" — café', covered)).toBe('WeChat 微信 & "quotes" — café');
    expect(drawableText('Party 🎉 time 👩‍👩‍👧 now', covered)).toBe('Party time now');
    expect(drawableText('🎉', covered)).toBe('');
  });
});
