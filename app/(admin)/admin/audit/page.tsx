import type { Metadata } from 'next';
import { AdminTable } from '@/components/admin/admin-table';
import { FilterSelect } from '@/components/admin/filter-select';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/ui/pagination';
import { countAuditEntries, listAuditEntries, listAuditFacets, type AuditFilter } from '@/db/queries/audit';
import { listUsers } from '@/db/queries/users';
import { idParam, pageParam, param, withParam, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { auditActor, describeAudit } from '@/lib/admin/audit-words';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireStaff('audit.read');
  const params = await searchParams;
  const facets = await listAuditFacets();
  const users = await listUsers();
  const action = param(params, 'action');
  const objectType = param(params, 'type');
  const filter: AuditFilter = {
    userId: idParam(params, 'user'),
    action: action && facets.actions.includes(action) ? action : undefined,
    objectType: objectType && facets.objectTypes.includes(objectType) ? objectType : undefined,
  };
  const total = await countAuditEntries(filter);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(pageParam(params), pageCount);
  const rows = await listAuditEntries(filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <PageHeader title="Audit log" />
      <form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 text-sm"
        role="search"
        aria-label="Filter the audit log"
      >
        <FilterSelect
          label="Who"
          name="user"
          defaultValue={filter.userId}
          anyLabel="Anyone"
          options={users.map((u) => ({ value: u.id, label: u.name }))}
        />
        <FilterSelect
          label="Action"
          name="action"
          defaultValue={filter.action}
          options={facets.actions.map((a) => ({ value: a, label: a }))}
        />
        <FilterSelect
          label="Object"
          name="type"
          defaultValue={filter.objectType}
          options={facets.objectTypes.map((t) => ({ value: t, label: t }))}
        />
        <button type="submit" className="rounded border border-rule px-3 py-1 font-semibold hover:border-ink">
          Filter
        </button>
      </form>
      <p className="mb-2 text-sm text-muted">{total} entries</p>
      <AdminTable
        className="stack-on-phone"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: 'When', className: 'whitespace-nowrap', cell: (r) => formatDateTime(r.createdAt) },
          {
            header: 'Who',
            cell: (r) => (r.userName ? r.userName : <span className="text-muted">{auditActor(r)}</span>),
          },
          { header: 'What happened', className: 'min-w-48 break-words', cell: (r) => describeAudit(r) },
          {
            header: 'Recorded as',
            className: 'font-mono text-xs break-all text-muted',
            cell: (r) => `${r.action} · ${r.objectType} #${r.objectId}`,
          },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} href={(n) => withParam('/admin/audit', params, 'page', n)} />
    </>
  );
}
