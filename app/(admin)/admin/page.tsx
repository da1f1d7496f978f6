import type { Metadata } from 'next';
import Link from 'next/link';
import { ADMIN_NAV } from '@/components/admin/admin-nav';
import { PageHeader } from '@/components/admin/page-header';
import { countStoriesByStatus } from '@/db/queries/admin-stories';
import { countUnreadMessages } from '@/db/queries/contact';
import { ARTICLE_STATUSES } from '@/lib/domain/article-status';
import { STATUS_LABELS } from '@/lib/admin/story-schema';
import { requireStaff } from '@/lib/auth/staff';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireStaff('admin.enter');
  const seesAll = can(user.role, 'story.edit-any');
  const counts = await countStoriesByStatus(seesAll ? undefined : user.id);
  const unread = can(user.role, 'inbox.read') ? await countUnreadMessages() : 0;
  return (
    <>
      <PageHeader title={`Hello, ${user.name}`} />
      <section aria-labelledby="story-counts" className="mb-8">
        <h2 id="story-counts" className="mb-3 text-lg font-bold">
          {seesAll ? 'Stories' : 'Your stories'}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {ARTICLE_STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/admin/stories?status=${s}`} className="admin-card block hover:border-ink">
                <span className="block text-3xl font-bold">{counts[s]}</span>
                <span className="text-sm text-muted">{STATUS_LABELS[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {unread > 0 ? (
        <p className="mb-6">
          <Link href="/admin/inbox" className="font-semibold text-brand hover:underline">
            {unread} unread {unread === 1 ? 'message' : 'messages'} in the inbox
          </Link>
        </p>
      ) : null}
      <nav aria-label="Staff tasks">
        <ul className="grid gap-3 sm:grid-cols-3">
          {ADMIN_NAV.filter((i) => i.href !== '/admin' && can(user.role, i.permission)).map((i) => (
            <li key={i.href}>
              <Link href={i.href} className="admin-card block font-semibold hover:border-ink">
                {i.label}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/admin/stories/new" className="admin-card block font-semibold hover:border-ink">
              Write a new story
            </Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
