// next/image loader. Uploaded photos are stored by sharp at fixed widths as /media/<key>/<width>.webp
// (see IMAGE_WIDTHS); the loader picks the smallest stored width that covers the requested one.
// Other images (the demo SVG illustrations) are served as they are.
export const IMAGE_WIDTHS = [320, 640, 960, 1280, 1600] as const;

export default function moodwireImageLoader({ src, width }: { src: string; width: number; quality?: number }): string {
  const match = /^(\/media\/[A-Za-z0-9_-]+\/)\d+\.webp$/.exec(src);
  if (!match) return src;
  const chosen = IMAGE_WIDTHS.find((w) => w >= width) ?? IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1];
  return `${match[1]}${chosen}.webp`;
}
