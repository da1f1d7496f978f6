// Which webhook event a story change is (decision 045): readers could not see it and now can →
// published; could and still can → updated; could and now cannot → unpublished. A story scheduled for
// later is published for webhooks when its time comes (the scheduled release), not when it is saved.
import 'server-only';
import { enqueueStoryEvents, type WebhookEvent } from '@/db/queries/webhooks';
import { kickWebhookDelivery } from './worker';

type Visibility = { status: string; publishedAt: number | null };

const visible = (s: Visibility | undefined, now: number) =>
  !!s && (s.status === 'published' || s.status === 'scheduled') && s.publishedAt !== null && s.publishedAt <= now;

export function storyEvent(before: Visibility | undefined, after: Visibility, now = Date.now()): WebhookEvent | null {
  const was = visible(before, now);
  const is = visible(after, now);
  if (is) return was ? 'story.updated' : 'story.published';
  return was ? 'story.unpublished' : null;
}

/**
 * Queues the changes' deliveries and starts delivering them in the background. Called after the
 * change's transaction; a failure here is logged and never fails the change itself.
 */
export async function notifyStoryChanges(changes: { event: WebhookEvent | null; articleId: number }[]): Promise<void> {
  const real = changes.filter((c): c is { event: WebhookEvent; articleId: number } => c.event !== null);
  if (!real.length) return;
  try {
    if ((await enqueueStoryEvents(real)) > 0) kickWebhookDelivery();
  } catch (error) {
    console.error('[moodwire] queuing webhooks failed:', error instanceof Error ? error.message : error);
  }
}
