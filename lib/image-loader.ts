// next/image loader. Uploaded photos are stored by sharp at fixed widths as /media/<key>/<width>.webp
// (see IMAGE_WIDTHS); the loader picks the smallest stored width that covers the requested one. The
// demo stories' SVG illustrations are drawn into the same widths when Next builds
// (lib/server/demo-images.ts) as /images/stories/<name>/<width>.webp, and served the same way.
// Other images are served as they are.
export const IMAGE_WIDTHS = [320, 640, 960, 1280, 1600] as const;
export const DEMO_IMAGE_DIR = 'images/stories';

const RENDITION = /^(\/media\/[A-Za-z0-9_-]+\/|\/images\/stories\/[a-z0-9-]+\/)\d+\.webp$/;
const DEMO_SVG = /^\/images\/stories\/([a-z0-9-]+)\.svg$/;

/**
 * The largest WebP rendition of a demo illustration, for <img> (next/image never sends an SVG through
 * a loader); any other image as it is.
 */
export function imageRendition(src: string): string {
  const demo = DEMO_SVG.exec(src);
  return demo ? `/${DEMO_IMAGE_DIR}/${demo[1]}/${IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]}.webp` : src;
}

export default function moodwireImageLoader({ src, width }: { src: string; width: number; quality?: number }): string {
  const match = RENDITION.exec(src);
  if (!match) return src;
  const chosen = IMAGE_WIDTHS.find((w) => w >= width) ?? IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1];
  return `${match[1]}${chosen}.webp`;
}
