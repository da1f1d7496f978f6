// A library photo as the staff area shows it in a list: its smallest rendition, at its own shape.
import type { LibraryPhoto } from '@/db/queries/body-photos';

export function PhotoThumb({ photo, lazy = false }: { photo: LibraryPhoto; lazy?: boolean }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a fixed small rendition, no loader needed
    <img
      src={photo.variants[0]?.path ?? photo.path}
      alt={photo.alt}
      width={photo.width}
      height={photo.height}
      loading={lazy ? 'lazy' : undefined}
      className="mb-2 h-auto w-full"
    />
  );
}
