import type { Metadata } from 'next';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { CheckboxField, TextArea, TextField } from '@/components/ui/fields';
import { PageHeader } from '@/components/admin/page-header';
import { listPromosForAdmin } from '@/db/queries/admin-site';
import { requireStaff } from '@/lib/auth/staff';
import { deletePromoAction, savePromoAction } from '../furniture-actions';
import { Notice } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Promo box' };

type PromoValues = {
  id?: number;
  title: string;
  body: string;
  linkLabel: string;
  linkUrl: string;
  active: boolean;
  position: number;
};

function PromoFields({ promo }: { promo: PromoValues }) {
  return (
    <>
      {promo.id ? <input type="hidden" name="id" value={promo.id} /> : null}
      <TextField name="title" label="Title" defaultValue={promo.title} maxLength={100} required />
      <TextArea name="body" label="Text" defaultValue={promo.body} rows={3} />
      <div className="grid gap-x-3 sm:grid-cols-2">
        <TextField name="linkLabel" label="Link label" defaultValue={promo.linkLabel} maxLength={60} />
        <TextField name="linkUrl" type="url" label="Link address" defaultValue={promo.linkUrl} />
      </div>
      <div className="grid items-end gap-x-3 sm:grid-cols-2">
        <TextField name="position" type="number" label="Position" defaultValue={String(promo.position)} />
        <CheckboxField name="active" label="Shown to readers" defaultChecked={promo.active} />
      </div>
    </>
  );
}

export default async function PromosPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff('furniture.manage');
  const promos = await listPromosForAdmin();
  const params = await searchParams;
  return (
    <>
      <PageHeader title="Promo box" />
      <p className="mb-4 text-sm text-muted">Stories show the first active promo (lowest position) below the body.</p>
      {params.deleted !== undefined || params.created !== undefined ? (
        <Notice>{params.deleted !== undefined ? 'Promo deleted.' : 'Promo created.'}</Notice>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {promos.map((p) => (
          <section key={p.id} className="admin-card" aria-label={p.title}>
            <ActionForm action={savePromoAction} actionName="promo.save">
              <PromoFields promo={p} />
              <SubmitButton variant="secondary">Save</SubmitButton>
            </ActionForm>
            <ActionForm action={deletePromoAction} actionName="promo.delete" className="mt-2">
              <input type="hidden" name="id" value={p.id} />
              <SubmitButton variant="danger">Delete this promo</SubmitButton>
            </ActionForm>
          </section>
        ))}
        <section className="admin-card" aria-labelledby="new-promo">
          <h2 id="new-promo" className="mb-3 text-lg font-bold">
            New promo
          </h2>
          <ActionForm action={savePromoAction} actionName="promo.create">
            <PromoFields
              promo={{ title: '', body: '', linkLabel: '', linkUrl: '', active: false, position: promos.length }}
            />
            <SubmitButton>Create promo</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
