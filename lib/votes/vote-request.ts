// Reading and checking a vote submission: size, content type, fields. Pure enough to unit-test.
import { z } from 'zod';
import { MOOD_LABELS, MOODS, type Mood } from '@/lib/domain/moods';
import type { VoteIntent } from '@/db/queries/votes';

/** Three short fields fit in far less; multipart boundaries need some room. */
export const MAX_VOTE_BODY_BYTES = 4096;

export type VoteRequestError = { status: 400 | 413 | 415; message: string };

const moodList = MOODS.map((m) => MOOD_LABELS[m]).join(', ');

const articleId = z
  .string({ error: 'The vote did not say which story it is for.' })
  .regex(/^[1-9]\d{0,9}$/, { error: 'The story number in the vote is not valid.' })
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, { error: 'The story number in the vote is not valid.' });

const mood = z.enum(MOODS, {
  error: (issue) =>
    issue.input === undefined
      ? `Choose a mood: ${moodList}.`
      : `That is not one of the moods. Choose one of: ${moodList}.`,
});

export const voteFormSchema = z.object({
  article: articleId,
  mood,
  /** the mood the reader's page showed as theirs when they chose ('' for none); optional */
  current: z.enum(['', ...MOODS], { error: `That is not one of the moods. Choose one of: ${moodList}.` }).optional(),
});

export const voteQuerySchema = z.object({ article: articleId });

export type VoteForm = { articleId: number; mood: Mood; intent: VoteIntent };

export function intentOf(mood: Mood, current: Mood | '' | undefined): VoteIntent {
  if (current === undefined) return 'toggle';
  return current === mood ? 'take-back' : 'set';
}

/** Reads at most `max` bytes of a body; undefined when it is longer. */
export async function readBodyLimited(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Turns an urlencoded or multipart body into the three fields, or says what is wrong with it. */
export async function parseVoteBody(
  contentType: string | null,
  bytes: Uint8Array,
): Promise<VoteForm | VoteRequestError> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let fields: Map<string, unknown[]>;
  if (type === 'application/x-www-form-urlencoded') {
    fields = collect(new URLSearchParams(new TextDecoder().decode(bytes)).entries());
  } else if (type === 'multipart/form-data') {
    try {
      const form = await new Response(bytes as BodyInit, { headers: { 'content-type': contentType ?? '' } }).formData();
      fields = collect(form.entries());
    } catch {
      return { status: 400, message: 'The vote could not be read: the form data is malformed.' };
    }
  } else {
    return {
      status: 415,
      message: 'Send the vote as a form (application/x-www-form-urlencoded or multipart/form-data).',
    };
  }

  const values: Record<string, unknown> = {};
  for (const name of ['article', 'mood', 'current'] as const) {
    const all = fields.get(name) ?? [];
    if (all.length > 1) return { status: 400, message: `The vote contains the field “${name}” more than once.` };
    if (all.length === 1 && typeof all[0] !== 'string')
      return { status: 400, message: `The field “${name}” must be text, not a file.` };
    values[name] = all[0];
  }
  const parsed = voteFormSchema.safeParse(values);
  if (!parsed.success) return { status: 400, message: parsed.error.issues[0]?.message ?? 'The vote is not valid.' };
  return {
    articleId: parsed.data.article,
    mood: parsed.data.mood,
    intent: intentOf(parsed.data.mood, parsed.data.current),
  };
}

function collect(entries: Iterable<[string, unknown]>): Map<string, unknown[]> {
  const map = new Map<string, unknown[]>();
  for (const [k, v] of entries) {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  }
  return map;
}

export const isVoteRequestError = (v: VoteForm | VoteRequestError): v is VoteRequestError => 'status' in v;
