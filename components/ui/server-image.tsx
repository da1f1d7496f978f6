import { getImageProps, type ImageProps } from 'next/image';
import { imageRendition } from '@/lib/image-loader';

/**
 * next/image's markup (the loader's srcset, sizes, width and height, lazy loading) rendered by a
 * server component: a plain <img>, so the browser hydrates no client component for it. A page of
 * stories has a picture per story, and each `Image` cost hydration work on a phone (decision 015).
 * Demo illustrations are shown from their WebP renditions (decision 016).
 */
export function ServerImage(props: ImageProps) {
  const rendition = typeof props.src === 'string' ? imageRendition(props.src) : props.src;
  // A rendition goes through the loader (srcset of the stored widths), even where the caller marked
  // the SVG it came from as unoptimized.
  const { props: img } = getImageProps(
    rendition === props.src ? props : { ...props, src: rendition, unoptimized: false },
  );
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own markup
  return <img {...img} alt={props.alt} />;
}
