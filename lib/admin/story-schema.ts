// The story editor's form: parsed and checked here, the status rules applied in the action.
import { z } from 'zod';
import { ARTICLE_STATUSES } from '@/lib/domain/article-status';
import { SLUG_PATTERN, slugify } from '@/lib/domain/slug';
import { wallClockToMs } from '@/lib/time-zone';

export const STATUS_LABELS: Record<(typeof ARTICLE_STATUSES)[number], string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
};

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    if (!/^[1-9]\d{0,8}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'Choose from the list.' });
      return z.NEVER;
    }
    return Number(v);
  });

const list = (max: number, itemMax: number, label: string) =>
  z
    .string()
    .max(2000)
    .optional()
    .transform((v, ctx) => {
      const items = [
        ...new Set(
          (v ?? '')
            .split(/[,\n]/)
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      if (items.length > max) ctx.addIssue({ code: 'custom', message: `At most ${max} ${label}.` });
      if (items.some((i) => i.length > itemMax))
        ctx.addIssue({ code: 'custom', message: `Each of the ${label} has at most ${itemMax} characters.` });
      return items;
    });

export const storySchema = z
  .object({
    id: optionalId,
    title: z.string().trim().min(1, 'Give the story a headline.').max(200, 'At most 200 characters.'),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(80, 'At most 80 characters.')
      .refine(
        (v) => v === '' || SLUG_PATTERN.test(v),
        'Use lowercase letters, digits and single hyphens, e.g. "shanghai-rain-record".',
      )
      .optional(),
    standfirst: z.string().trim().max(400, 'At most 400 characters.').optional().default(''),
    sectionId: z
      .string({ message: 'Choose a section.' })
      .trim()
      .regex(/^[1-9]\d{0,8}$/, 'Choose a section.')
      .transform(Number),
    authorId: optionalId,
    byline: z.string().trim().max(120, 'At most 120 characters.').optional().default(''),
    dateline: z.string().trim().max(60, 'At most 60 characters.').optional().default(''),
    tags: list(12, 40, 'tags'),
    related: list(6, 80, 'related stories'),
    body: z.string().max(200_000, 'The body is too long (200,000 characters at most).').optional().default(''),
    status: z.enum(ARTICLE_STATUSES, { message: 'Choose a status.' }),
    publishAt: z
      .string()
      .trim()
      .max(20)
      .refine((v) => v === '' || wallClockToMs(v) !== undefined, 'Enter a date and time, e.g. 2026-05-01 09:30.')
      .optional()
      .default(''),
  })
  .transform((v, ctx) => {
    const slug = v.slug ? v.slug : slugify(v.title);
    // A headline of only punctuation or non-Latin script gives no slug: ask for one.
    if (!SLUG_PATTERN.test(slug))
      ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Enter a slug: lowercase letters, digits and hyphens.' });
    if (v.tags.some((t) => !slugify(t)))
      ctx.addIssue({ code: 'custom', path: ['tags'], message: 'A tag needs at least one letter or digit.' });
    return { ...v, slug, publishAtMs: v.publishAt ? wallClockToMs(v.publishAt) : undefined };
  });

export type StoryInput = z.output<typeof storySchema>;
