import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { SelectField, TextArea, TextField } from '@/components/ui/fields';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { BODY_HINT } from '@/lib/admin/body-hint';
import { StoryDraftGuard } from '@/components/admin/story-draft-guard';
import { sectionOptions } from '@/components/admin/section-options';
import type { ArticleStatus } from '@/lib/domain/article-status';
import type { Role } from '@/lib/domain/roles';
import type { SectionNode } from '@/db/queries/sections';
import type { FormAction } from '@/lib/action-state';
import { msToWallClock, siteTimeZone } from '@/lib/time-zone';
import { STATUS_LABELS } from '@/lib/admin/story-schema';
import { allowedStatuses } from '@/lib/admin/story-rules';

export type StoryFormValues = {
  id?: number;
  title: string;
  slug: string;
  standfirst: string;
  sectionId?: number;
  authorId?: number | null;
  byline: string;
  dateline: string;
  body: string;
  tags: string[];
  related: string[];
  status: ArticleStatus;
  publishedAt: number | null;
};

export function StoryForm({
  action,
  story,
  role,
  sections,
  authors,
  draft,
}: {
  /** the editor's save action (app/(admin)/admin/stories/actions.ts), passed by the page */
  action: FormAction;
  story: StoryFormValues;
  role: Role;
  sections: SectionNode[];
  authors: { id: number; name: string }[];
  /** revisions and autosave (components/admin/story-draft-guard.tsx) */
  draft?: Omit<Parameters<typeof StoryDraftGuard>[0], 'storyId'>;
}) {
  const statuses = allowedStatuses(role);
  // A writer looking at a story an editor scheduled still sees its real status.
  const statusOptions = [...new Set([...statuses, story.status])].map((s) => ({ value: s, label: STATUS_LABELS[s] }));
  return (
    <ActionForm action={action} actionName="story.save" className="space-y-2">
      {story.id ? <input type="hidden" name="id" value={story.id} /> : null}
      <StoryDraftGuard storyId={story.id} revision={draft?.revision ?? null} autosave={draft?.autosave} />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div>
          <TextField name="title" label="Headline" defaultValue={story.title} maxLength={200} required />
          <TextField
            name="slug"
            label="Slug (address)"
            defaultValue={story.slug}
            maxLength={80}
            hint={
              story.id
                ? 'Changing the slug of a published story makes the old address redirect (301) to the new one.'
                : 'Leave empty to make it from the headline.'
            }
          />
          <TextArea name="standfirst" label="Standfirst" defaultValue={story.standfirst} rows={2} />
          <MarkdownEditor name="body" label="Body (Markdown)" defaultValue={story.body} hint={BODY_HINT} />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              name="tags"
              label="Tags"
              defaultValue={story.tags.join(', ')}
              hint="Separated by commas, at most 12."
            />
            <TextArea
              name="related"
              label="Related stories (slugs)"
              defaultValue={story.related.join('\n')}
              rows={3}
              hint="One slug per line, shown before the automatic picks. At most 6."
            />
          </div>
        </div>
        <aside className="admin-card h-fit">
          <SelectField
            name="status"
            label="Status"
            options={statusOptions}
            defaultValue={story.status}
            hint={statuses.includes('published') ? undefined : 'Writers send stories to editors with “In review”.'}
          />
          {statuses.includes('scheduled') ? (
            <TextField
              name="publishAt"
              type="datetime-local"
              label="Publish time"
              defaultValue={story.publishedAt ? msToWallClock(story.publishedAt) : ''}
              hint={`In ${siteTimeZone()}. Required for “Scheduled”; empty with “Published” means now.`}
            />
          ) : null}
          <SelectField
            name="sectionId"
            label="Section"
            options={[{ value: '', label: 'Choose…' }, ...sectionOptions(sections)]}
            defaultValue={story.sectionId ? String(story.sectionId) : ''}
          />
          <SelectField
            name="authorId"
            label="Author page"
            options={[{ value: '', label: 'None' }, ...authors.map((a) => ({ value: String(a.id), label: a.name }))]}
            defaultValue={story.authorId ? String(story.authorId) : ''}
          />
          <TextField name="byline" label="Byline" defaultValue={story.byline} maxLength={120} />
          <TextField
            name="dateline"
            label="Dateline"
            defaultValue={story.dateline}
            maxLength={60}
            hint="e.g. BEIJING"
          />
          <SubmitButton>{story.id ? 'Save' : 'Create story'}</SubmitButton>
        </aside>
      </div>
    </ActionForm>
  );
}
