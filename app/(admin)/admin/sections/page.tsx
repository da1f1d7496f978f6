import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { SelectField, TextArea, TextField } from '@/components/ui/fields';
import { PageHeader } from '@/components/admin/page-header';
import { sectionOptions } from '@/components/admin/section-options';
import { countStoriesPerSection } from '@/db/queries/admin-sections';
import { listSections, type SectionNode } from '@/db/queries/sections';
import { requireStaff } from '@/lib/auth/staff';
import { sectionPath } from '@/lib/domain/routes';
import { createSectionAction, reorderSectionAction } from './actions';
import { Notice } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Sections' };

function Tree({ all, parentId, counts }: { all: SectionNode[]; parentId: number | null; counts: Map<number, number> }) {
  const level = all.filter((s) => s.parentId === parentId);
  if (level.length === 0) return null;
  return (
    <ul className={parentId === null ? 'space-y-2' : 'mt-2 ml-6 space-y-2 border-l border-rule pl-4'}>
      {level.map((s, i) => (
        <li key={s.id}>
          <div className="flex flex-wrap items-center gap-3 rounded border border-rule bg-paper px-3 py-2">
            <Link href={`/admin/sections/${s.id}`} className="font-semibold text-brand hover:underline">
              {s.name}
            </Link>
            <span className="text-sm text-muted">{sectionPath(s.slug)}</span>
            <span className="text-sm text-muted">{counts.get(s.id) ?? 0} stories</span>
            <span className="ml-auto flex gap-1">
              <ActionForm action={reorderSectionAction} actionName="section.reorder">
                <input type="hidden" name="id" value={s.id} />
                <input type="hidden" name="direction" value="up" />
                {i > 0 ? (
                  <SubmitButton variant="secondary">
                    ↑<span className="sr-only"> Move {s.name} up</span>
                  </SubmitButton>
                ) : null}
              </ActionForm>
              <ActionForm action={reorderSectionAction} actionName="section.reorder">
                <input type="hidden" name="id" value={s.id} />
                <input type="hidden" name="direction" value="down" />
                {i < level.length - 1 ? (
                  <SubmitButton variant="secondary">
                    ↓<span className="sr-only"> Move {s.name} down</span>
                  </SubmitButton>
                ) : null}
              </ActionForm>
            </span>
          </div>
          <Tree all={all} parentId={s.id} counts={counts} />
        </li>
      ))}
    </ul>
  );
}

export default async function SectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff('section.manage');
  const all = await listSections();
  const deleted = (await searchParams).deleted !== undefined;
  return (
    <>
      <PageHeader title="Sections" />
      {deleted ? <Notice>Section deleted.</Notice> : null}
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <Tree all={all} parentId={null} counts={await countStoriesPerSection()} />
        <section aria-labelledby="new-section" className="admin-card h-fit">
          <h2 id="new-section" className="mb-3 text-lg font-bold">
            New section
          </h2>
          <ActionForm action={createSectionAction} actionName="section.create">
            <TextField name="name" label="Name" maxLength={60} required />
            <TextField name="slug" label="Slug" maxLength={60} hint="Leave empty to make it from the name." />
            <SelectField
              name="parentId"
              label="Inside"
              options={[{ value: '', label: 'Top level' }, ...sectionOptions(all)]}
              defaultValue=""
            />
            <TextArea name="description" label="Description" rows={2} />
            <SubmitButton>Create section</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
