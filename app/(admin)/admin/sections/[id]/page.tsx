import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { SelectField, TextArea, TextField } from '@/components/ui/fields';
import { PageHeader } from '@/components/admin/page-header';
import { sectionOptions } from '@/components/admin/section-options';
import { listSections, sectionAndDescendantIds } from '@/db/queries/sections';
import { requireStaff } from '@/lib/auth/staff';
import { deleteSectionAction, updateSectionAction } from '../actions';
import { Notice } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Section' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SectionPage({ params, searchParams }: Props) {
  await requireStaff('section.manage');
  const { id } = await params;
  const all = await listSections();
  const section = /^\d{1,9}$/.test(id) ? all.find((s) => s.id === Number(id)) : undefined;
  if (!section) notFound();
  const saved = (await searchParams).saved !== undefined;
  // Neither itself nor its subsections can become its parent.
  const exclude = new Set(sectionAndDescendantIds(all, section.id));
  return (
    <>
      <PageHeader title={section.name} back={{ href: '/admin/sections', label: 'Sections' }} />
      {saved ? <Notice>Saved.</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section className="admin-card" aria-label="Edit section">
          <ActionForm action={updateSectionAction} actionName="section.update">
            <input type="hidden" name="id" value={section.id} />
            <TextField name="name" label="Name" defaultValue={section.name} maxLength={60} required />
            <TextField
              name="slug"
              label="Slug"
              defaultValue={section.slug}
              maxLength={60}
              hint="Changing it makes the old address redirect (301) to the new one."
            />
            <SelectField
              name="parentId"
              label="Inside"
              options={[{ value: '', label: 'Top level' }, ...sectionOptions(all, exclude)]}
              defaultValue={section.parentId ? String(section.parentId) : ''}
            />
            <TextArea name="description" label="Description" defaultValue={section.description} rows={2} />
            <SubmitButton>Save</SubmitButton>
          </ActionForm>
        </section>
        <section className="admin-card h-fit" aria-labelledby="delete-section">
          <h2 id="delete-section" className="mb-2 text-lg font-bold">
            Delete
          </h2>
          <p className="mb-3 text-sm text-muted">Only an empty section (no stories, no subsections) can be deleted.</p>
          <ActionForm action={deleteSectionAction} actionName="section.delete">
            <input type="hidden" name="id" value={section.id} />
            <SubmitButton variant="danger">Delete section</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
