import { toSegments } from '@/lib/search-query';

/**
 * Text from the search index with the matches marked. Everything is rendered as React text (escaped);
 * only our own markers turn into <mark>, so a story or query containing HTML stays text.
 */
export function Highlighted({ text, literals }: { text: string; literals: readonly string[] }) {
  return (
    <>
      {toSegments(text, literals).map((s, i) =>
        s.hit ? (
          <mark key={i} className="rounded-sm bg-highlight px-0.5 text-ink">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
