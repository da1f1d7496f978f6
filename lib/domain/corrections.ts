// The two kinds of note an editor appends to a published story (db/queries/corrections.ts), and how
// readers see each named. The article_corrections table CHECKs the list.
export const CORRECTION_KINDS = ['correction', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const CORRECTION_LABELS: Record<CorrectionKind, string> = { correction: 'Correction', update: 'Update' };

/** A note's length limit, in bytes of UTF-8 (what is stored and sent in every feed). */
export const CORRECTION_MAX_BYTES = 1000;
