import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrSymbol } from '@/lib/share/qr';

/** Draws the path's runs into an RGBA bitmap, `scale` pixels per module, the way a browser would. */
function rasterise(size: number, path: string, scale = 4) {
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  const runs = [...path.matchAll(/M(\d+) (\d+)\.5h(\d+)/g)].map(
    (m) => m.slice(1).map(Number) as [number, number, number],
  );
  expect(runs.map((r) => `M${r[0]} ${r[1]}.5h${r[2]}`).join('')).toBe(path);
  for (const [x, y, length] of runs) {
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + length) * scale; px++)
        data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { data, width };
}

describe('qrSymbol', () => {
  it.each([
    'http://localhost:3000/news/wechat-outage-leaves-millions-cut-off',
    `https://news.example/news/${'long-slug-'.repeat(8)}end`,
  ])('draws a code that decodes back to %s, with a four-module quiet zone', (url) => {
    const { size, path } = qrSymbol(url);
    const { data, width } = rasterise(size, path);
    expect(jsQR(data, width, width)?.data).toBe(url);
    const xs = [...path.matchAll(/M(\d+) (\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
    expect(Math.min(...xs)).toBe(4);
  });
});
