import type { Metadata } from 'next';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextArea, TextField } from '@/components/ui/fields';
import { PageHeader } from '@/components/admin/page-header';
import { getSiteSettings } from '@/db/queries/site';
import { requireStaff } from '@/lib/auth/staff';
import { saveSettingsAction } from '../furniture-actions';

export const metadata: Metadata = { title: 'Site settings' };

export default async function SettingsPage() {
  await requireStaff('settings.manage');
  const site = await getSiteSettings();
  return (
    <>
      <PageHeader title="Site settings" />
      <section className="admin-card max-w-2xl" aria-label="Site settings">
        <ActionForm action={saveSettingsAction} actionName="settings.save">
          <TextField name="siteName" label="Site name" defaultValue={site.siteName} maxLength={60} required />
          <TextField name="tagline" label="Tagline" defaultValue={site.tagline} maxLength={120} />
          <TextArea name="aboutBlurb" label="About us (footer)" defaultValue={site.aboutBlurb} rows={4} />
          <TextField
            name="copyrightHolder"
            label="Copyright holder"
            defaultValue={site.copyrightHolder}
            maxLength={80}
            required
          />
          <SubmitButton>Save settings</SubmitButton>
        </ActionForm>
      </section>
    </>
  );
}
