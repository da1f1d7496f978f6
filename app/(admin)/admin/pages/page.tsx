import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable } from '@/components/admin/admin-table';
import { PageHeader } from '@/components/admin/page-header';
import { listPagesForAdmin } from '@/db/queries/admin-site';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { STATIC_PAGES, staticPagePath } from '@/lib/domain/routes';

export const metadata: Metadata = { title: 'Pages' };

export default async function PagesPage() {
  await requireStaff('furniture.manage');
  const rows = new Map((await listPagesForAdmin()).map((p) => [p.slug, p]));
  return (
    <>
      <PageHeader title="Pages" />
      <AdminTable
        className="max-w-3xl"
        rows={STATIC_PAGES}
        rowKey={(p) => p.slug}
        columns={[
          {
            header: 'Page',
            cell: (p) => (
              <Link href={`/admin/pages/${p.slug}`} className="font-semibold text-brand hover:underline">
                {rows.get(p.slug)?.title ?? p.label}
              </Link>
            ),
          },
          {
            header: 'Address',
            cell: (p) => (
              <Link href={staticPagePath(p.slug)} className="hover:underline">
                {staticPagePath(p.slug)}
              </Link>
            ),
          },
          {
            header: 'Changed',
            className: 'text-muted',
            cell: (p) => {
              const row = rows.get(p.slug);
              return row ? formatDateTime(row.updatedAt) : 'never';
            },
          },
        ]}
      />
    </>
  );
}
