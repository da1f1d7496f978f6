import type { ArticleStatus } from '@/lib/domain/article-status';
import { STATUS_LABELS } from '@/lib/admin/story-schema';
import { currentTime } from '@/lib/time-zone';
import { formatDateTime } from '@/lib/format';

const STYLES: Record<ArticleStatus, string> = {
  draft: 'bg-black/5 text-ink dark:bg-white/10',
  review: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  scheduled: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  published: 'bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100',
};

export function StatusBadge({ status, publishedAt }: { status: ArticleStatus; publishedAt: number | null }) {
  const live = status === 'scheduled' && publishedAt !== null && publishedAt <= currentTime();
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STYLES[live ? 'published' : status]}`}>
      {live ? 'Published (was scheduled)' : STATUS_LABELS[status]}
      {status === 'scheduled' && publishedAt && !live ? (
        <span className="block font-normal">{formatDateTime(publishedAt)}</span>
      ) : null}
    </span>
  );
}
