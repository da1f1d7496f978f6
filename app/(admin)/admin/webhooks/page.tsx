import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/page-header';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { DeliveryLog } from '@/components/webhooks/delivery-log';
import { allowPrivateTargets, listDeliveries, listWebhooks } from '@/db/queries/webhooks';
import { requireStaff } from '@/lib/auth/staff';
import { can } from '@/lib/permissions';
import { allowPrivateWebhooksAction, createWebhookAction, deleteWebhookAction, toggleWebhookAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const user = await requireStaff('webhooks.manage');
  const [hooks, deliveries, allowPrivate] = await Promise.all([
    listWebhooks(),
    listDeliveries({ limit: 50 }),
    allowPrivateTargets(),
  ]);
  const urls = new Map(hooks.map((h) => [h.id, h.url]));
  return (
    <>
      <PageHeader title="Webhooks" />
      <p className="mb-4 max-w-3xl text-sm text-muted">
        When a story is published, updated or unpublished, Moodwire posts a short JSON message to each active address
        below, signed with HMAC-SHA256 (header <code>X-Moodwire-Signature</code>, see the README). Publishing never
        waits for them: a failed delivery is tried again later, up to six times, each wait longer than the last.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {hooks.map((h) => (
          <section key={h.id} className="admin-card min-w-0" aria-label={`Webhook ${h.url}`} data-webhook={h.id}>
            <p className="font-semibold break-all">{h.url}</p>
            <p className="mb-2 text-sm text-muted">{h.active ? 'Active' : 'Paused: nothing is sent'}</p>
            <details className="mb-3 text-sm">
              <summary className="cursor-pointer font-semibold">Signing secret</summary>
              <code className="block break-all" data-secret>
                {h.secret}
              </code>
            </details>
            <div className="flex flex-wrap gap-2">
              <ActionForm action={toggleWebhookAction} actionName="webhook.toggle">
                <input type="hidden" name="id" value={h.id} />
                <input type="hidden" name="active" value={h.active ? '0' : '1'} />
                <SubmitButton variant="secondary">{h.active ? 'Pause' : 'Resume'}</SubmitButton>
              </ActionForm>
              <ActionForm action={deleteWebhookAction} actionName="webhook.delete">
                <input type="hidden" name="id" value={h.id} />
                <SubmitButton variant="danger">Remove</SubmitButton>
              </ActionForm>
            </div>
          </section>
        ))}
        <section className="admin-card" aria-labelledby="new-webhook">
          <h2 id="new-webhook" className="mb-3 text-lg font-bold">
            Add a webhook
          </h2>
          <ActionForm action={createWebhookAction} actionName="webhook.create">
            <TextField name="url" type="url" label="Address to post to" hint="https://… or http://…" required />
            <SubmitButton>Add webhook</SubmitButton>
          </ActionForm>
        </section>
      </div>
      {can(user.role, 'settings.manage') ? (
        <section className="admin-card mt-4 max-w-3xl" aria-labelledby="private-targets">
          <h2 id="private-targets" className="mb-2 text-lg font-bold">
            Private addresses
          </h2>
          <p className="mb-3 text-sm text-muted">
            {allowPrivate
              ? 'Webhooks may post to private and loopback addresses (10.x, 192.168.x, 127.0.0.1 …). Turn this off unless a receiver runs inside your own network.'
              : 'Webhooks post to public addresses only: a name that resolves to a private or loopback address is refused at every attempt.'}
          </p>
          <ActionForm action={allowPrivateWebhooksAction} actionName="webhook.allow-private">
            <input type="hidden" name="allow" value={allowPrivate ? '0' : '1'} />
            <SubmitButton variant="secondary">
              {allowPrivate ? 'Refuse private addresses' : 'Allow private addresses'}
            </SubmitButton>
          </ActionForm>
        </section>
      ) : null}
      <section className="admin-card mt-6" aria-labelledby="deliveries">
        <h2 id="deliveries" className="mb-2 text-lg font-bold">
          Deliveries
        </h2>
        {deliveries.length ? (
          <DeliveryLog rows={deliveries} urls={urls} />
        ) : (
          <p className="text-sm text-muted">Nothing sent yet.</p>
        )}
      </section>
    </>
  );
}
