import type { Metadata } from 'next';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { PageHeader } from '@/components/admin/page-header';
import { listPartnersForAdmin, nextPartnerPosition } from '@/db/queries/admin-site';
import { requireStaff } from '@/lib/auth/staff';
import { deletePartnerAction, savePartnerAction } from '../furniture-actions';
import { Notice } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Partners' };

export default async function PartnersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff('furniture.manage');
  const partners = await listPartnersForAdmin();
  const deleted = (await searchParams).deleted !== undefined;
  return (
    <>
      <PageHeader title="Partners" />
      <p className="mb-4 text-sm text-muted">
        Listed in every page’s footer under “Our partners”, in the order of their position number.
      </p>
      {deleted ? <Notice>Partner removed.</Notice> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {partners.map((p) => (
          <section key={p.id} className="admin-card" aria-label={p.name}>
            <ActionForm action={savePartnerAction} actionName="partner.save">
              <input type="hidden" name="id" value={p.id} />
              <div className="grid gap-x-3 sm:grid-cols-[1fr_1fr_6rem]">
                <TextField name="name" label="Name" defaultValue={p.name} maxLength={80} required />
                <TextField name="url" type="url" label="Web address" defaultValue={p.url} required />
                <TextField name="position" type="number" label="Position" defaultValue={String(p.position)} />
              </div>
              <SubmitButton variant="secondary">Save</SubmitButton>
            </ActionForm>
            <ActionForm action={deletePartnerAction} actionName="partner.delete" className="mt-2">
              <input type="hidden" name="id" value={p.id} />
              <SubmitButton variant="danger">Remove {p.name}</SubmitButton>
            </ActionForm>
          </section>
        ))}
        <section className="admin-card" aria-labelledby="new-partner">
          <h2 id="new-partner" className="mb-3 text-lg font-bold">
            Add a partner
          </h2>
          <ActionForm action={savePartnerAction} actionName="partner.create">
            <TextField name="name" label="Name" maxLength={80} required />
            <TextField name="url" type="url" label="Web address" required />
            <TextField
              name="position"
              type="number"
              label="Position"
              defaultValue={String(await nextPartnerPosition())}
            />
            <SubmitButton>Add partner</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
