import { getImageProps, type ImageProps } from 'next/image';

/**
 * next/image's markup (the loader's srcset, sizes, width and height, lazy loading) rendered by a
 * server component: a plain <img>, so the browser hydrates no client component for it. A page of
 * stories has a picture per story, and each `Image` cost hydration work on a phone (decision 015).
 */
export function ServerImage(props: ImageProps) {
  const { props: img } = getImageProps(props);
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own markup
  return <img {...img} alt={props.alt} />;
}
