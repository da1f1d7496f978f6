import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { PageHeader } from '@/components/admin/page-header';
import { getPageForEdit } from '@/db/queries/admin-site';
import { requireStaff } from '@/lib/auth/staff';
import { STATIC_PAGES } from '@/lib/domain/routes';
import { savePageAction } from '../../furniture-actions';
import { Notice } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Edit page' };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditPagePage({ params, searchParams }: Props) {
  await requireStaff('furniture.manage');
  const { slug } = await params;
  const known = STATIC_PAGES.find((p) => p.slug === slug);
  if (!known) notFound();
  const page = (await getPageForEdit(slug)) ?? { title: known.label, body: '' };
  const saved = (await searchParams).saved !== undefined;
  return (
    <>
      <PageHeader title={page.title} back={{ href: '/admin/pages', label: 'Pages' }} />
      {saved ? <Notice>Saved. Readers see the new text now.</Notice> : null}
      <ActionForm action={savePageAction} actionName="page.save">
        <input type="hidden" name="slug" value={slug} />
        <TextField name="title" label="Title" defaultValue={page.title} maxLength={120} required />
        <MarkdownEditor
          name="body"
          label="Text (Markdown)"
          defaultValue={page.body}
          hint={slug === 'contact' ? 'The contact form appears below this text.' : undefined}
        />
        <SubmitButton>Save page</SubmitButton>
      </ActionForm>
    </>
  );
}
