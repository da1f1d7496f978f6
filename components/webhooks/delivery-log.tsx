// The webhook delivery log: every event sent (or being sent) to each webhook, newest first, with its
// attempts and the last answer.
import { AdminTable, type Column } from '@/components/admin/admin-table';
import type { DeliveryLogEntry } from '@/db/queries/webhooks';
import { formatDateTime } from '@/lib/format';

const STATUS_LABELS: Record<DeliveryLogEntry['status'], string> = {
  delivered: 'Delivered',
  pending: 'Waiting to retry',
  failed: 'Failed',
};

export function DeliveryLog({ rows, urls }: { rows: DeliveryLogEntry[]; urls: Map<number, string> }) {
  const columns: Column<DeliveryLogEntry>[] = [
    { header: 'Queued', cell: (d) => formatDateTime(d.createdAt), rowHeader: true },
    { header: 'Webhook', cell: (d) => <span className="break-all">{urls.get(d.webhookId) ?? d.webhookId}</span> },
    { header: 'Event', cell: (d) => d.event },
    { header: 'Story', cell: (d) => d.articleId, numeric: true },
    {
      header: 'Result',
      cell: (d) =>
        d.status === 'pending' && d.attempts === 0
          ? 'Sending'
          : `${STATUS_LABELS[d.status]}${d.status === 'pending' ? ` (next ${formatDateTime(d.nextAttemptAt)})` : ''}`,
    },
    { header: 'Attempts', cell: (d) => d.attempts, numeric: true },
    { header: 'Answer', cell: (d) => (d.responseStatus === null ? '—' : d.responseStatus), numeric: true },
    { header: 'Last error', cell: (d) => <span className="break-words">{d.error || '—'}</span> },
  ];
  return (
    <AdminTable
      columns={columns}
      rows={rows}
      rowKey={(d) => d.id}
      caption="Webhook deliveries, newest first"
      rowProps={(d) => ({ 'data-delivery': d.id, 'data-status': d.status })}
    />
  );
}
