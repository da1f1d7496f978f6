// Which webhook event a story change is (decision 045). Pure: the story save computes it inside its
// transaction (db/queries/admin-stories.ts), where the deliveries are queued (decision 062).

export const WEBHOOK_EVENTS = ['story.published', 'story.updated', 'story.unpublished'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

type Visibility = { status: string; publishedAt: number | null };

const visible = (s: Visibility | undefined, now: number) =>
  !!s && (s.status === 'published' || s.status === 'scheduled') && s.publishedAt !== null && s.publishedAt <= now;

/**
 * Which webhook event a story change is: readers could not see it and now can → published; could and
 * still can → updated; could and now cannot → unpublished. A story scheduled for later is published
 * for webhooks when its time comes (the scheduled release), not when it is saved.
 */
export function storyEvent(before: Visibility | undefined, after: Visibility, now = Date.now()): WebhookEvent | null {
  const was = visible(before, now);
  const is = visible(after, now);
  if (is) return was ? 'story.updated' : 'story.published';
  return was ? 'story.unpublished' : null;
}
