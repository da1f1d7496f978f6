import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { getStoryAccess } from '@/db/queries/admin-stories';
import { getArticleByIdForPreview } from '@/db/queries/articles';
import { listSections, sectionTrail } from '@/db/queries/sections';
import { getSiteSettings } from '@/db/queries/site';
import { currentTime } from '@/lib/time-zone';
import { STATUS_LABELS } from '@/lib/admin/story-schema';
import { requireStaff } from '@/lib/auth/staff';
import { canPreviewStory } from '@/lib/permissions';
import { absoluteUrl, articlePath, sectionPath } from '@/lib/domain/routes';
import type { ArticleStatus } from '@/lib/domain/article-status';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

export default async function StoryPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireStaff('story.write');
  const { id } = await params;
  const access = /^\d{1,9}$/.test(id) ? await getStoryAccess(Number(id)) : undefined;
  if (!access) notFound();
  if (!canPreviewStory(user, access)) forbidden();
  const article = await getArticleByIdForPreview(access.id);
  if (!article) notFound();
  const site = await getSiteSettings();
  const crumbs = [
    { name: site.siteName, href: '/' },
    ...sectionTrail(await listSections(), article.sectionId).map((s) => ({ name: s.name, href: sectionPath(s.slug) })),
    { name: article.title, href: articlePath(article.slug) },
  ];
  // A draft has no publish time yet: show it as if it went out now.
  const shown = { ...article, publishedAt: article.publishedAt || currentTime() };
  return (
    <>
      <div
        role="note"
        className="mx-auto mb-6 flex max-w-3xl flex-wrap items-center justify-between gap-2 rounded border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-950"
      >
        <p>
          <strong>Preview</strong> · {STATUS_LABELS[article.status as ArticleStatus] ?? article.status} · readers{' '}
          {article.status === 'published' ? 'can' : 'cannot'} see this version at its address.
        </p>
        <Link href={`/admin/stories/${article.id}`} className="font-semibold underline">
          Back to the editor
        </Link>
      </div>
      <div className="bg-paper py-4">
        <ArticleView article={shown} crumbs={crumbs} url={absoluteUrl(articlePath(article.slug))} />
      </div>
    </>
  );
}
