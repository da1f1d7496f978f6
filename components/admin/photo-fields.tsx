// The fields every photo form of the editor asks for: the file (when uploading), its alt text, caption
// and credit, with the same labels, limits and hints wherever a photo is added or its text edited (the
// lead photo and the photos in the body). The limits match the photo text schema in lib/admin/schemas.ts.
import { FileField, TextField } from '@/components/ui/fields';

const ACCEPT = 'image/jpeg,image/png,image/webp';
const FILE_HINT = 'JPEG, PNG or WebP, up to 5 MB, at least 320 pixels wide.';
const ALT_HINT = 'What the photo shows, for readers who cannot see it.';

export function PhotoFields({
  file,
  defaults,
}: {
  /** the file input's name and label, for an upload; left out when only the text is edited */
  file?: { name: string; label: string };
  /** the current text, when editing a photo already chosen */
  defaults?: { alt: string; caption: string; credit: string };
}) {
  return (
    <>
      {file ? <FileField name={file.name} label={file.label} accept={ACCEPT} hint={FILE_HINT} /> : null}
      <TextField
        name="alt"
        label="Alt text"
        hint={defaults ? undefined : ALT_HINT}
        defaultValue={defaults?.alt}
        maxLength={300}
        required
      />
      <TextField name="caption" label="Caption" defaultValue={defaults?.caption} maxLength={500} />
      <TextField name="credit" label="Credit" defaultValue={defaults?.credit} maxLength={120} />
    </>
  );
}
