// Starting delivery of the webhook rows a story change queued in its own transaction (decision 062;
// which event a change is: lib/domain/webhook-events.ts, decision 045).
import 'server-only';
import { kickWebhookDelivery } from './worker';

/** Starts delivering in the background when the change queued any deliveries. */
export function deliverQueuedWebhooks(queued: number): void {
  if (queued > 0) kickWebhookDelivery();
}
