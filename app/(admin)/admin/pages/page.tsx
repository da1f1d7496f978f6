import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/admin/page-header';
import { listPagesForAdmin } from '@/db/queries/admin-site';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { STATIC_PAGES, staticPagePath } from '@/lib/domain/routes';

export const metadata: Metadata = { title: 'Pages' };

export default async function PagesPage() {
  await requireStaff('furniture.manage');
  const rows = new Map(listPagesForAdmin().map((p) => [p.slug, p]));
  return (
    <>
      <PageHeader title="Pages" />
      <table className="admin-table max-w-3xl">
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col">Address</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {STATIC_PAGES.map((p) => (
            <tr key={p.slug}>
              <td>
                <Link href={`/admin/pages/${p.slug}`} className="font-semibold text-brand hover:underline">
                  {rows.get(p.slug)?.title ?? p.label}
                </Link>
              </td>
              <td>
                <Link href={staticPagePath(p.slug)} className="hover:underline">
                  {staticPagePath(p.slug)}
                </Link>
              </td>
              <td className="text-muted">{rows.get(p.slug) ? formatDateTime(rows.get(p.slug)!.updatedAt) : 'never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
