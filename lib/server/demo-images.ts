// The demo stories' illustrations are SVG files (public/images/stories/<name>.svg). A browser draws an
// SVG <img> on the page's main thread: a home page with a dozen of them kept a mid-range phone busy
// for about 400 ms (Lighthouse, decision 016). When Next builds, each is drawn once into WebP files at
// the image loader's widths, public/images/stories/<name>/<width>.webp (git-ignored), the same form an
// uploaded photo takes; the loader (lib/image-loader.ts) serves those. Files newer than their SVG are
// kept, so only the first build pays (about 8 s on two cores).
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_IMAGE_DIR, IMAGE_WIDTHS } from '../image-loader';

export async function rasterizeDemoImages(root = process.cwd()): Promise<void> {
  const dir = path.join(root, 'public', DEMO_IMAGE_DIR);
  if (!fs.existsSync(dir)) return;
  // Loaded here only: the server that serves requests (it evaluates next.config too) never needs it.
  const sharp = (await import('sharp')).default;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.svg'))) {
    const source = path.join(dir, file);
    const outDir = path.join(dir, file.slice(0, -'.svg'.length));
    const svgTime = fs.statSync(source).mtimeMs;
    const missing = IMAGE_WIDTHS.filter((w) => {
      const out = path.join(outDir, `${w}.webp`);
      return !fs.existsSync(out) || fs.statSync(out).mtimeMs < svgTime;
    });
    if (missing.length === 0) continue;
    fs.mkdirSync(outDir, { recursive: true });
    const svg = fs.readFileSync(source);
    const { width = 1200 } = await sharp(svg).metadata();
    for (const w of missing) {
      // Drawn at the target size (density scales the vector), not drawn small and enlarged.
      await sharp(svg, { density: Math.max(1, Math.round((72 * w) / width)) })
        .resize({ width: w })
        .webp({ quality: 80 })
        .toFile(path.join(outDir, `${w}.webp`));
    }
  }
}
