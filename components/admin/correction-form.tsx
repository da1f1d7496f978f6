// The story editor's "Corrections and updates" panel: the notes readers see under the headline, and
// the form that appends one. Kept apart from the story form (components/admin/story-form.tsx): a note
// is public at once and never part of a draft.
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { SelectField, TextArea } from '@/components/ui/fields';
import type { Correction } from '@/db/queries/corrections';
import type { FormAction } from '@/lib/action-state';
import { CORRECTION_KINDS, CORRECTION_LABELS, CORRECTION_MAX_BYTES } from '@/lib/domain/corrections';
import { formatDateTime } from '@/lib/format';

export function CorrectionPanel({
  storyId,
  corrections,
  action,
}: {
  storyId: number;
  corrections: Correction[];
  action: FormAction;
}) {
  return (
    <section aria-labelledby="corrections" className="admin-card h-fit">
      <h2 id="corrections" className="mb-3 text-lg font-bold">
        Corrections and updates
      </h2>
      {corrections.length > 0 ? (
        <ul className="mb-4 space-y-2 text-sm">
          {corrections.map((c) => (
            <li key={c.id} className="border-l-4 border-brand pl-3">
              <strong>
                {CORRECTION_LABELS[c.kind]}, {formatDateTime(c.createdAt)}:
              </strong>{' '}
              <span className="whitespace-pre-line">{c.note}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mb-3 text-sm text-muted">
        A note shows at once under the headline, dated, in the feeds and to search engines, and moves the story’s
        “Updated” time. It cannot be taken back: write it as readers should see it.
      </p>
      <ActionForm action={action} actionName="story.correction">
        <input type="hidden" name="id" value={storyId} />
        <SelectField
          name="kind"
          label="Kind"
          defaultValue="correction"
          options={CORRECTION_KINDS.map((k) => ({ value: k, label: CORRECTION_LABELS[k] }))}
        />
        <TextArea
          name="note"
          label="Note"
          rows={3}
          required
          hint={`e.g. “An earlier version of this story gave the wrong date for the vote.” At most ${CORRECTION_MAX_BYTES} bytes.`}
        />
        <SubmitButton>Publish note</SubmitButton>
      </ActionForm>
    </section>
  );
}
