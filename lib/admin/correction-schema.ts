// The correction form of the story editor (components/admin/correction-form.tsx).
import { z } from 'zod';
import { CORRECTION_KINDS, CORRECTION_MAX_BYTES } from '@/lib/domain/corrections';
import { idField } from './schemas';

export const correctionSchema = z.object({
  id: idField,
  kind: z.enum(CORRECTION_KINDS, { message: 'Choose correction or update.' }),
  note: z
    .string()
    .trim()
    .min(1, 'Write the note readers will see.')
    .refine((v) => Buffer.byteLength(v) <= CORRECTION_MAX_BYTES, `At most ${CORRECTION_MAX_BYTES} bytes.`)
    // Control characters (other than line breaks) would reach every feed reader's XML.
    .refine((v) => !/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/.test(v), 'Remove the invisible characters.'),
});

export type CorrectionInput = z.infer<typeof correctionSchema>;
