import type { ArticleCard as Card } from '@/db/queries/articles';
import { ArticleCard } from './article-card';

export function RelatedStories({ stories }: { stories: Card[] }) {
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="related-stories" className="no-print my-10">
      <h2 id="related-stories" className="border-b-2 border-ink pb-1 text-lg font-bold tracking-wide uppercase">
        Related stories
      </h2>
      <div className="mt-4 grid gap-6 sm:grid-cols-2">
        {stories.map((a) => (
          <ArticleCard key={a.id} article={a} showSection />
        ))}
      </div>
    </section>
  );
}
