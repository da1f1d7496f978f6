import { ServerImage } from '@/components/ui/server-image';
import type { HeroImage } from '@/db/queries/articles';

/** The story's photo with caption and credit. Width and height are always set, so nothing shifts. */
export function HeroFigure({ hero, priority = false }: { hero: HeroImage; priority?: boolean }) {
  return (
    <figure className="mt-6">
      <ServerImage
        src={hero.path}
        alt={hero.alt}
        width={hero.width}
        height={hero.height}
        sizes="(min-width: 768px) 720px, 100vw"
        priority={priority}
        unoptimized={hero.path.endsWith('.svg')}
        className="h-auto w-full bg-black/5"
      />
      {hero.caption || hero.credit ? (
        <figcaption className="mt-2 text-sm text-muted">
          {hero.caption}{' '}
          {hero.credit ? (
            <span className="text-xs tracking-wide whitespace-nowrap uppercase">{hero.credit}</span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
